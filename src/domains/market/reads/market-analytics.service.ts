import type { Context } from '../../../common/context';
import { badUserInput } from '../../../common/errors';
import { Dec, Money, roundMoney } from '../../../common/money';
import { MarketMove, PlatformStats } from '../api/market-analytics.types';
import { MoverPeriod } from '../entities/market.enums';
import { rawRows } from '../../../common/sql';
import { operationNow } from './operation-clock';

const PERIOD_MS: Record<MoverPeriod, number> = {
  [MoverPeriod.HOUR]: 3_600_000,
  [MoverPeriod.DAY]: 86_400_000,
  [MoverPeriod.WEEK]: 7 * 86_400_000,
  [MoverPeriod.MONTH]: 30 * 86_400_000,
};

const round = (value: string | null, places: number) => (value === null ? null : new Dec(value).toDecimalPlaces(places, Dec.ROUND_HALF_EVEN));

/**
 * Per platform and currency, over prices observed in the last `days`: sizes quoted, sizes with an ask, average ask,
 * average effective fee rate at the ask (the net-payout formula, minimum and fixed fees included), sales per day and
 * volatility. Averages come back unrounded and are rounded half-even here.
 */
export async function platformComparison(ctx: Context, days: number | null | undefined): Promise<PlatformStats[]> {
  const window = days ?? 7;
  if (!Number.isInteger(window) || window < 1 || window > 365) throw badUserInput(`days must be between 1 and 365 (got ${window}).`);
  const since = new Date(operationNow(ctx).getTime() - window * 86_400_000);
  const rows = await rawRows<{
    platform_id: string; currency: string; quotes: number; listings: number;
    average_ask: string | null; average_fee_rate: string | null; average_sales_per_day: string | null; average_volatility: string | null;
  }>(
    ctx.em,
    `select mp.platform_id, mp.currency, count(*)::int as quotes, count(mp.lowest_ask)::int as listings,
            avg(mp.lowest_ask) as average_ask,
            avg((greatest(p.seller_fee_rate * mp.lowest_ask, p.minimum_fee) + p.payment_processing_rate * mp.lowest_ask + p.fixed_fee)
                / nullif(mp.lowest_ask, 0)) as average_fee_rate,
            avg(mp.sales_30d) / 30 as average_sales_per_day,
            avg(mp.volatility) as average_volatility
       from market_price mp join platform p on p.id = mp.platform_id
      where mp.captured_at >= ?::timestamptz
      group by mp.platform_id, p.slug, mp.currency
      order by p.slug, mp.currency`,
    [since.toISOString()],
  );
  return rows.map((r) =>
    Object.assign(new PlatformStats(), {
      platformId: r.platform_id,
      currency: r.currency.trim(),
      quotes: r.quotes,
      listings: r.listings,
      averageAsk: r.average_ask === null ? null : Money.of(roundMoney(r.average_ask), r.currency.trim()),
      averageFeeRate: round(r.average_fee_rate, 4),
      averageSalesPerDay: round(r.average_sales_per_day, 2),
      averageVolatility: round(r.average_volatility, 4),
    }),
  );
}

/**
 * The largest lowest-ask moves over a period: the latest ask against the first ask observed in the period,
 * found per (size, platform) through the snapshot primary key (one index probe per pair, no window scan).
 */
export async function marketMovers(ctx: Context, args: { period?: MoverPeriod | null; first?: number | null; platform?: string | null }): Promise<MarketMove[]> {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badUserInput(`first must be between 1 and 100 (got ${first}).`);
  const since = new Date(operationNow(ctx).getTime() - PERIOD_MS[args.period ?? MoverPeriod.DAY]).toISOString();
  const platform = args.platform?.trim().toLowerCase() || null;
  const rows = await rawRows<{
    variant_id: string; product_id: string; platform_id: string; currency: string;
    from_ask: string; to_ask: string; change_percent: string; since: string; at: string;
  }>(
    ctx.em,
    `select mp.variant_id, mp.product_id, mp.platform_id, mp.currency, s.lowest_ask as from_ask, mp.lowest_ask as to_ask,
            (mp.lowest_ask - s.lowest_ask) / s.lowest_ask * 100 as change_percent, s.captured_at as since, mp.captured_at as at
       from market_price mp
       join platform p on p.id = mp.platform_id
       cross join lateral (
         select s.lowest_ask, s.captured_at from market_snapshot s
          where s.variant_id = mp.variant_id and s.platform_id = mp.platform_id
            and s.captured_at >= ?::timestamptz and s.captured_at <= mp.captured_at
            and s.lowest_ask is not null and s.currency = mp.currency
          order by s.captured_at limit 1) s
      where mp.lowest_ask is not null and mp.captured_at >= ?::timestamptz and s.lowest_ask > 0 and mp.lowest_ask <> s.lowest_ask
        and (?::text is null or p.slug = ?::text)
      order by abs(mp.lowest_ask - s.lowest_ask) / s.lowest_ask desc, mp.variant_id, p.slug
      limit ?::int`,
    [since, since, platform, platform, first],
  );
  return rows.map((r) =>
    Object.assign(new MarketMove(), {
      variantId: r.variant_id,
      productId: r.product_id,
      platformId: r.platform_id,
      from: Money.of(r.from_ask, r.currency.trim())!,
      to: Money.of(r.to_ask, r.currency.trim())!,
      changePercent: round(r.change_percent, 2)!,
      since: new Date(r.since),
      at: new Date(r.at),
    }),
  );
}
