import type Decimal from 'decimal.js';
import type { Context } from '../../../common/context';
import { badUserInput, unauthenticated } from '../../../common/errors';
import { Dec } from '../../../common/money';
import { toGlobalId } from '../../../common/node';
import { AllPlatformsLoader } from '../../catalog';
import { normalizeCurrency } from '../../inventory';
import { rawRows } from '../../../common/sql';
import { MarketplaceReturnRate, MarketplaceTopProducts, ProductSales, ProfitAnalytics, SalesBucket, SalesGrouping, type SalesFigures } from '../api/analytics.types';
import { Bindings, convertedOrdersCte, orderLinesCte, salesAggregates, type OrderScope } from './order-sql';
import { periodRange, type Period } from './period';

/** Longest salesSummary window: ten years of days is still a few thousand buckets. */
const MAX_RANGE_DAYS = 3_660;
const DAY_MS = 86_400_000;
const MAX_TOP_PRODUCTS = 50;

type FigureRow = {
  orders: number; units: number; revenue: string; fees: string; shipping: string; net_proceeds: string; cost_basis: string; net_profit: string;
  margin: string | null; roi: string | null; orders_without_profit: number; orders_without_rate: number; returned_orders: number;
};

const dec = (value: string | null): Decimal | null => (value === null ? null : new Dec(value));

function figures<T extends SalesFigures>(target: T, row: FigureRow, currency: string): T {
  return Object.assign(target, {
    currency,
    orders: row.orders,
    units: row.units,
    revenue: new Dec(row.revenue),
    fees: new Dec(row.fees),
    shipping: new Dec(row.shipping),
    netProceeds: new Dec(row.net_proceeds),
    costBasis: new Dec(row.cost_basis),
    netProfit: new Dec(row.net_profit),
    margin: dec(row.margin),
    roi: dec(row.roi),
    ordersWithoutProfit: row.orders_without_profit,
    ordersWithoutRate: row.orders_without_rate,
    returnedOrders: row.returned_orders,
  });
}

function viewerOf(ctx: Context) {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

function currencyOf(ctx: Context, currency: string | null | undefined): string {
  if (currency === null || currency === undefined) return viewerOf(ctx).baseCurrency;
  const code = normalizeCurrency(currency);
  if (!code) throw badUserInput(`currency: "${currency}" is not an ISO 4217 currency code.`);
  return code;
}

/** Sales, payouts and profit of the viewer over a period, in the base currency; one aggregate statement. */
export async function profitAnalytics(ctx: Context, period: Period): Promise<ProfitAnalytics> {
  const viewer = viewerOf(ctx);
  const range = periodRange(period, ctx.clock.now());
  const scope: OrderScope = { accountId: viewer.accountId, ...range, currency: viewer.baseCurrency };
  const b = new Bindings();
  const sql = `with ${convertedOrdersCte(b, scope)}
    select ${salesAggregates('quantity')},
           coalesce(sum(t_sale - t_cost) filter (where is_sale and t_profit is not null), 0)::text as gross_profit,
           count(*) filter (where status = 'COMPLETED')::int as completed_orders,
           count(*) filter (where is_sale and status is distinct from 'COMPLETED')::int as open_orders,
           count(*) filter (where status = 'CANCELLED')::int as cancelled_orders,
           coalesce(sum(t_profit) filter (where status = 'COMPLETED'), 0)::text as realized_net_profit,
           coalesce(sum(t_profit) filter (where is_sale and status is distinct from 'COMPLETED'), 0)::text as pending_net_profit,
           round_half_even(avg(t_profit) filter (where is_sale), 2)::text as average_net_profit,
           round_half_even((count(*) filter (where status = 'RETURNED'))::numeric
             / nullif(count(*) filter (where status in ('DELIVERED', 'COMPLETED', 'RETURNED')), 0), 4)::text as return_rate
      from converted`;
  const [row] = await rawRows<FigureRow & {
    gross_profit: string; completed_orders: number; open_orders: number; cancelled_orders: number;
    realized_net_profit: string; pending_net_profit: string; average_net_profit: string | null; return_rate: string | null;
  }>(ctx.em, sql, b.values);
  return Object.assign(figures(new ProfitAnalytics(), row, scope.currency), {
    period,
    from: range.from,
    to: range.to,
    grossProfit: new Dec(row.gross_profit),
    completedOrders: row.completed_orders,
    openOrders: row.open_orders,
    cancelledOrders: row.cancelled_orders,
    realizedNetProfit: new Dec(row.realized_net_profit),
    pendingNetProfit: new Dec(row.pending_net_profit),
    averageNetProfit: dec(row.average_net_profit),
    returnRate: dec(row.return_rate),
  });
}

/** The arguments of salesSummary. */
export interface SalesSummaryArgs {
  from?: Date | null;
  to?: Date | null;
  groupBy: SalesGrouping;
  currency?: string | null;
}

function summaryScope(ctx: Context, args: { from?: Date | null; to?: Date | null; currency?: string | null }): OrderScope {
  const viewer = viewerOf(ctx);
  const to = args.to ?? ctx.clock.now();
  const from = args.from ?? new Date(to.getTime() - 30 * DAY_MS);
  if (from >= to) throw badUserInput('from must be before to.');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) throw badUserInput(`The range may span at most ${MAX_RANGE_DAYS} days.`);
  return { accountId: viewer.accountId, from, to, currency: currencyOf(ctx, args.currency) };
}

const GROUPS: Record<SalesGrouping, { source: 'converted' | 'lines'; key: string; order: string }> = {
  [SalesGrouping.MARKETPLACE]: { source: 'converted', key: 'platform_id::text', order: 'coalesce(sum(t_sale) filter (where is_sale), 0) desc, 1' },
  [SalesGrouping.DAY]: { source: 'converted', key: `to_char(ordered_at at time zone 'UTC', 'YYYY-MM-DD')`, order: '1' },
  [SalesGrouping.MONTH]: { source: 'converted', key: `to_char(ordered_at at time zone 'UTC', 'YYYY-MM')`, order: '1' },
  [SalesGrouping.PRODUCT]: { source: 'lines', key: `coalesce(product_id::text, 'unmatched')`, order: 'coalesce(sum(t_sale) filter (where is_sale), 0) desc, 1' },
};

/**
 * Sales of the viewer between two times (default: the last 30 days) grouped by marketplace, day, month or
 * product, in any currency (default: the base currency): GROUP BY in PostgreSQL over NUMERIC, one statement.
 * Orders are converted at the FxRate of their order date.
 */
export async function salesSummary(ctx: Context, args: SalesSummaryArgs): Promise<SalesBucket[]> {
  const scope = summaryScope(ctx, args);
  const group = GROUPS[args.groupBy];
  const b = new Bindings();
  const lines = group.source === 'lines' ? `, ${orderLinesCte()}` : '';
  const rows = await rawRows<FigureRow & { key: string }>(
    ctx.em,
    `with ${convertedOrdersCte(b, scope)}${lines}
     select ${group.key} as key, ${salesAggregates(group.source === 'lines' ? 'units' : 'quantity')}
       from ${group.source}
      where status is distinct from 'CANCELLED'
      group by 1
      order by ${group.order}`,
    b.values,
  );
  const platforms = args.groupBy === SalesGrouping.MARKETPLACE ? await ctx.loaders.get(AllPlatformsLoader).load('all') : [];
  return rows.map((row) => {
    const platformUuid = args.groupBy === SalesGrouping.MARKETPLACE ? row.key : null;
    const productUuid = args.groupBy === SalesGrouping.PRODUCT && row.key !== 'unmatched' ? row.key : null;
    const key = platformUuid ? platforms.find((p) => p.id === platformUuid)?.slug ?? platformUuid : productUuid ? toGlobalId('Product', productUuid) : row.key;
    return Object.assign(figures(new SalesBucket(), row, scope.currency), { key, platformUuid, productUuid });
  });
}

/** The viewer's best-selling products on each platform by revenue (base currency), `limit` per platform. */
export async function topProductsByMarketplace(ctx: Context, args: { from?: Date | null; to?: Date | null; limit?: number | null }): Promise<MarketplaceTopProducts[]> {
  const limit = args.limit ?? 5;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TOP_PRODUCTS) throw badUserInput(`limit must be between 1 and ${MAX_TOP_PRODUCTS} (got ${limit}).`);
  const scope = summaryScope(ctx, { ...args, currency: null });
  const b = new Bindings();
  const sql = `with ${convertedOrdersCte(b, scope)}, ${orderLinesCte()},
    per_product as (
      select platform_id, product_id, count(distinct id)::int as orders, sum(units)::int as units,
             sum(t_sale) as revenue, coalesce(sum(t_profit), 0) as net_profit
        from lines where is_sale group by platform_id, product_id
    ),
    ranked as (
      select pp.*, row_number() over (partition by pp.platform_id order by pp.revenue desc nulls last, pp.units desc, pp.product_id) as rank
        from per_product pp
    )
    select r.platform_id, p.slug, r.product_id, r.orders, r.units, coalesce(r.revenue, 0)::text as revenue, r.net_profit::text as net_profit, r.rank::int as rank
      from ranked r join platform p on p.id = r.platform_id
     where r.rank <= ${b.bind(limit)}
     order by p.slug, r.rank`;
  const rows = await rawRows<{ platform_id: string; slug: string; product_id: string | null; orders: number; units: number; revenue: string; net_profit: string; rank: number }>(ctx.em, sql, b.values);
  const byPlatform = new Map<string, MarketplaceTopProducts>();
  for (const row of rows) {
    let entry = byPlatform.get(row.platform_id);
    if (!entry) byPlatform.set(row.platform_id, (entry = Object.assign(new MarketplaceTopProducts(), { platformUuid: row.platform_id, currency: scope.currency, products: [] })));
    entry.products.push(Object.assign(new ProductSales(), { rank: row.rank, productUuid: row.product_id, orders: row.orders, units: row.units, revenue: new Dec(row.revenue), netProfit: new Dec(row.net_profit) }));
  }
  return [...byPlatform.values()];
}

/** Per platform: orders that reached the buyer, how many came back, and the rate; one GROUP BY. */
export async function returnRatesByMarketplace(ctx: Context, args: { from?: Date | null; to?: Date | null }): Promise<MarketplaceReturnRate[]> {
  const scope = summaryScope(ctx, { ...args, currency: null });
  const rows = await rawRows<{ platform_id: string; delivered: number; returned: number; return_rate: string | null }>(
    ctx.em,
    `select o.platform_id,
            count(*) filter (where o.status in ('DELIVERED', 'COMPLETED', 'RETURNED'))::int as delivered,
            count(*) filter (where o.status = 'RETURNED')::int as returned,
            round_half_even((count(*) filter (where o.status = 'RETURNED'))::numeric
              / nullif(count(*) filter (where o.status in ('DELIVERED', 'COMPLETED', 'RETURNED')), 0), 4)::text as return_rate
       from sales_order o join platform p on p.id = o.platform_id
      where o.account_id = ?::uuid and o.ordered_at >= ?::timestamptz and o.ordered_at < ?::timestamptz
      group by o.platform_id, p.slug
      order by p.slug`,
    [scope.accountId, scope.from!.toISOString(), scope.to.toISOString()],
  );
  return rows.map((r) => Object.assign(new MarketplaceReturnRate(), { platformUuid: r.platform_id, delivered: r.delivered, returned: r.returned, returnRate: dec(r.return_rate) }));
}
