import type Decimal from 'decimal.js';
import type { Context } from '../../../common/context';
import { Dec } from '../../../common/money';
import { rawRows } from '../../../common/sql';
import type { RepricingStrategyKind } from './repricing-strategy';

/** How one repricing strategy performed for the viewer. */
export interface StrategyPerformanceRow {
  strategy: RepricingStrategyKind | null;
  listings: number;
  active: number;
  sales: number;
  sellThroughRate: Decimal | null;
  averageMargin: Decimal | null;
  averageDaysToSale: Decimal | null;
}

interface Aggregate {
  strategy: string | null;
  listings: number;
  active: number;
  sales: number;
  average_margin: string | null;
  average_days: string | null;
}

/**
 * Listings, sales, average margin and average days from listing to sale per strategy, over listings created in
 * [from, to). A sale is the listing's first order that was not cancelled or returned (exact amounts recorded by
 * the orders side); a listing marked SOLD without an order counts with its own sale facts. A sold listing counts
 * under the strategy in force when it sold. A sale dated before its listing (rows recorded before order dates were
 * checked) counts as 0 days, not negative ones.
 */
export async function strategyPerformance(ctx: Context, range: { from?: Date | null; to?: Date | null }): Promise<StrategyPerformanceRow[]> {
  const rows = await rawRows<Aggregate>(
    ctx.em,
    `select coalesce(l.sold_strategy, r.strategy) as strategy,
            count(*)::int as listings,
            (count(*) filter (where l.status = 'ACTIVE'))::int as active,
            count(s.sold_at)::int as sales,
            avg(s.margin)::text as average_margin,
            -- greatest() skips nulls, so unsold listings are left out explicitly.
            avg(case when s.sold_at is not null then greatest(0, extract(epoch from (s.sold_at - coalesce(l.listed_at, l.created_at))) / 86400) end)::text as average_days
       from listing l
       left join repricing_rule r on r.listing_id = l.id
       left join lateral (
         (select o.margin, o.ordered_at as sold_at, 1 as preference
            from sales_order o
           where o.listing_id = l.id and o.account_id = l.account_id and coalesce(o.status, 'PENDING') not in ('CANCELLED', 'RETURNED')
           order by o.ordered_at limit 1)
         union all
         (select case when l.sold_price > 0 then (l.sold_net_proceeds - l.cost_basis) / l.sold_price end, l.sold_at, 2
           where l.status = 'SOLD')
         order by preference limit 1
       ) s on true
      where l.account_id = ? and (?::timestamptz is null or l.created_at >= ?) and (?::timestamptz is null or l.created_at < ?)
      group by 1
      order by 1 nulls last`,
    [ctx.viewer!.accountId, range.from ?? null, range.from ?? null, range.to ?? null, range.to ?? null],
  );
  return rows.map((row) => ({
    strategy: row.strategy as RepricingStrategyKind | null,
    listings: row.listings,
    active: row.active,
    sales: row.sales,
    sellThroughRate: row.listings ? new Dec(row.sales).div(row.listings).toDecimalPlaces(4, Dec.ROUND_HALF_EVEN) : null,
    averageMargin: row.average_margin === null ? null : new Dec(row.average_margin).toDecimalPlaces(4, Dec.ROUND_HALF_EVEN),
    averageDaysToSale: row.average_days === null ? null : new Dec(row.average_days).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN),
  }));
}
