import type { Pool } from 'pg';
import { toGlobalId } from '../src/common/node';
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

/**
 * A feed whose every row is a change: the series take turns, and each turn moves that series' ask up 1.00,
 * wrapping within `baseCents` … `baseCents` + 19.99, while its bid and last sale stay put.
 */
export class AskFeed {
  private readonly asks = new Map<MarketSeries, number>();
  private cursor = 0;

  constructor(
    private readonly series: MarketSeries[],
    private readonly baseCents: number,
  ) {
    for (const s of series) this.asks.set(s, baseCents);
  }

  /** The priming rows: every series at the base ask. */
  prime(at: Date): SnapshotRow[] {
    return this.series.map((s) => askRow(s, this.baseCents, at));
  }

  /** The next `count` rows, all captured at `at`, with the product index of each. */
  next(count: number, at: Date): { rows: SnapshotRow[]; products: number[] } {
    const rows: SnapshotRow[] = [];
    const products: number[] = [];
    for (let i = 0; i < count; i++) {
      const s = this.series[this.cursor++ % this.series.length];
      const ask = this.baseCents + ((this.asks.get(s)! - this.baseCents + 100) % 2000);
      this.asks.set(s, ask);
      rows.push(askRow(s, ask, at));
      products.push(s.productIndex);
    }
    return { rows, products };
  }
}

/** A snapshot as the ingestMarketSnapshots mutation takes it: the variant's global id and the platform's slug. */
export const snapshotInput = (r: SnapshotRow, slugOf: Map<string, string>) => ({
  variantId: toGlobalId('Variant', r.variantId),
  platform: slugOf.get(r.platformId),
  lowestAsk: r.lowestAsk,
  highestBid: r.highestBid,
  lastSale: r.lastSale,
  capturedAt: r.capturedAt.toISOString(),
  source: r.source,
});
