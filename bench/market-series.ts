import type { Pool } from 'pg';
import type { SnapshotRow } from '../src/domains/market';

/** One price series: a size on a platform. */
export interface MarketSeries {
  variantId: string;
  productId: string;
  platformId: string;
  platform: string;
  /** Position of the product among the selected products (0-based, most popular first). */
  productIndex: number;
}

/**
 * Every (variant, platform) of the products ranked `fromRank`..`fromRank + products - 1` by popularity (1-based, the
 * order the history generator uses) on the given platforms, in a fixed pseudo-random order (md5 of the ids), so
 * batches taken in turn spread over products and platforms the way a feed does. Deterministic for a given catalog.
 */
export async function marketSeries(pool: Pool, options: { fromRank: number; products: number; platforms: string[] }): Promise<MarketSeries[]> {
  const { rows } = await pool.query<{ variant_id: string; product_id: string; platform_id: string; slug: string; product_index: number }>(
    `with p as (
       select id, (row_number() over (order by popularity desc, id))::int - 1 as product_index
         from product order by popularity desc, id offset $1 limit $2)
     select v.id as variant_id, v.product_id, pl.id as platform_id, pl.slug, p.product_index - $1 as product_index
       from p join variant v on v.product_id = p.id join platform pl on pl.slug = any($3::text[])
      order by md5(v.id::text || pl.id::text)`,
    [options.fromRank - 1, options.products, options.platforms],
  );
  return rows.map((r) => ({ variantId: r.variant_id, productId: r.product_id, platformId: r.platform_id, platform: r.slug, productIndex: r.product_index }));
}

/** Amount of `cents` as a decimal string with two places ("123.45"). */
export const amount = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** Bid and last sale (cents) of a series whose ask moves: they stay put, so every change is an ask change. */
export const STEADY_BID = 25_000;
export const STEADY_LAST = 27_500;

/** A MANUAL snapshot of `s` asking `askCents` at `at`, with the steady bid and last sale. */
export const askRow = (s: MarketSeries, askCents: number, at: Date): SnapshotRow => ({
  variantId: s.variantId,
  platformId: s.platformId,
  lowestAsk: amount(askCents),
  highestBid: amount(STEADY_BID),
  lastSale: amount(STEADY_LAST),
  sales7d: 10,
  sales30d: 40,
  volatility: '0.1',
  currency: 'USD',
  capturedAt: at,
  source: 'MANUAL',
});
