import type { EntityManager } from '@mikro-orm/postgresql';
import { rawRows } from '../../../common/sql';

/** Options of one detection pass. */
export interface DetectionOptions {
  /** Prices older than this are not traded on (default 24 hours). */
  maxAgeHours?: number;
  /** The pass's clock (default: now); every row it touches gets this time. */
  now?: Date;
}

/** What one pass did. */
export interface DetectionResult {
  /** New open opportunities. */
  detected: number;
  /** Open opportunities confirmed with fresh amounts. */
  refreshed: number;
  /** Open opportunities no longer profitable. */
  expired: number;
}

export const DEFAULT_MAX_AGE_HOURS = 24;

/**
 * One set-based statement over the latest prices: for every size, every ordered pair of platforms quoting it in
 * the same currency is priced with fees on both sides — buy cost = lowest ask + buyer fee (buy platform), expected
 * net = highest bid (else last sale) − seller fee (at least the minimum) − processing − fixed fee (sell platform),
 * each fee line rounded half-even to the cent exactly like `computeBuyerCost` and `computeNetProceeds`. Profitable
 * routes are upserted as OPEN (one open row per route), and open rows that are no longer profitable (or whose
 * prices went stale) are EXPIRED in the same statement.
 */
export async function detectArbitrageOpportunities(em: EntityManager, options: DetectionOptions = {}): Promise<DetectionResult> {
  const maxAgeHours = options.maxAgeHours ?? DEFAULT_MAX_AGE_HOURS;
  if (!(maxAgeHours > 0)) throw new RangeError(`maxAgeHours must be positive, got ${maxAgeHours}`);
  const now = (options.now ?? new Date()).toISOString();
  const freshSince = new Date(Date.parse(now) - maxAgeHours * 3_600_000).toISOString();
  const [result] = await rawRows<DetectionResult>(
    em,
    `with routes as (
       select b.variant_id, b.product_id, b.platform_id as buy_platform_id, s.platform_id as sell_platform_id, b.currency,
              b.lowest_ask as buy_price,
              round_half_even(b.lowest_ask * pb.buyer_fee_rate, 2) as buyer_fee,
              x.sell_price,
              case when s.highest_bid is not null then 'HIGHEST_BID' else 'LAST_SALE' end as sell_price_source,
              round_half_even(greatest(x.sell_price * ps.seller_fee_rate, ps.minimum_fee), 2)
                + round_half_even(x.sell_price * ps.payment_processing_rate, 2)
                + round_half_even(ps.fixed_fee, 2) as seller_fees
         from market_price b
         join platform pb on pb.id = b.platform_id
         join market_price s on s.variant_id = b.variant_id and s.platform_id <> b.platform_id and s.currency = b.currency
         join platform ps on ps.id = s.platform_id
        cross join lateral (select coalesce(s.highest_bid, s.last_sale) as sell_price) as x
        where b.lowest_ask > 0 and x.sell_price > 0
          and b.captured_at >= ?::timestamptz and s.captured_at >= ?::timestamptz
     ),
     profitable as (
       select r.*, r.buy_price + r.buyer_fee as buy_cost, r.sell_price - r.seller_fees as expected_net,
              r.sell_price - r.seller_fees - r.buy_price - r.buyer_fee as expected_profit
         from routes r
        where r.sell_price - r.seller_fees - r.buy_price - r.buyer_fee > 0
     ),
     upserted as (
       insert into opportunity (variant_id, product_id, buy_platform_id, sell_platform_id, currency, buy_price, buyer_fee, buy_cost,
                                sell_price, sell_price_source, seller_fees, expected_net, expected_profit, margin, roi,
                                market_status, detected_at, last_seen_at)
       select variant_id, product_id, buy_platform_id, sell_platform_id, currency, buy_price, buyer_fee, buy_cost,
              sell_price, sell_price_source, seller_fees, expected_net, expected_profit,
              round_half_even(expected_profit / sell_price, 4), round_half_even(expected_profit / buy_cost, 4),
              'OPEN', ?::timestamptz, ?::timestamptz
         from profitable
       on conflict (variant_id, buy_platform_id, sell_platform_id) where market_status = 'OPEN' do update set
         currency = excluded.currency, buy_price = excluded.buy_price, buyer_fee = excluded.buyer_fee, buy_cost = excluded.buy_cost,
         sell_price = excluded.sell_price, sell_price_source = excluded.sell_price_source, seller_fees = excluded.seller_fees,
         expected_net = excluded.expected_net, expected_profit = excluded.expected_profit, margin = excluded.margin, roi = excluded.roi,
         last_seen_at = excluded.last_seen_at, updated_at = now()
       returning id, xmax = 0 as inserted
     ),
     expired as (
       update opportunity o set market_status = 'EXPIRED', expired_at = ?::timestamptz, updated_at = now()
        where o.market_status = 'OPEN' and not exists (select 1 from upserted u where u.id = o.id)
       returning o.id
     )
     select (select count(*) from upserted where inserted)::int as detected,
            (select count(*) from upserted where not inserted)::int as refreshed,
            (select count(*) from expired)::int as expired`,
    [freshSince, freshSince, now, now, now],
  );
  return result;
}
