import type { Context } from '../../../../common/context';
import { ErrorPolicy } from '../../../../common/error-policy';
import { Platform, Product, Variant } from '../../../catalog';
import { ingestMarketSnapshots } from '../../../market';
import { PLATFORM_PROFILES, type SimulatedCategory } from './platform-profiles';
import { simulateSnapshots, type SimulatedPlatform, type SimulatedProduct, type SimulatedVariant } from './simulated-market';
import { productsMovingAt } from './tick-selection';

/** One tick of the simulated feed. */
export interface SimulatedTickOptions {
  seed: number;
  tick: number;
  /** Most variants priced in this tick (whole products are kept together; at least one product). */
  batchSize: number;
  /** Snapshot time; defaults to now. */
  capturedAt?: Date;
  signal?: AbortSignal;
}

/** What one tick did. */
export interface SimulatedTickResult {
  tick: number;
  products: number;
  variants: number;
  rows: number;
  written: number;
  changes: number;
  rejected: number;
}

type CatalogProduct = SimulatedProduct & { id: string };

async function loadMarketPlatforms(ctx: Context): Promise<SimulatedPlatform[]> {
  const platforms = await ctx.em.find(Platform, { supportsMarketData: true }, { fields: ['id', 'slug', 'defaultCurrency'], orderBy: { slug: 'asc' } });
  return platforms.filter((p) => p.slug in PLATFORM_PROFILES).map((p) => ({ id: p.id, slug: p.slug, currency: p.defaultCurrency.trim() }));
}

// A column scan of the product table per tick: fine for catalogs of thousands; the feed is a demo and benchmark source.
async function loadProducts(ctx: Context): Promise<CatalogProduct[]> {
  const rows: Array<{ id: string; skuNormalized: string; category: string; popularity: number; retailPriceAmount: unknown }> = await ctx.em
    .createQueryBuilder(Product)
    .select(['id', 'skuNormalized', 'category', 'popularity', 'retailPriceAmount'])
    .execute('all');
  return rows.map((r) => ({
    id: r.id,
    key: r.skuNormalized,
    category: r.category as SimulatedCategory,
    popularity: r.popularity,
    retailPrice: r.retailPriceAmount === null || r.retailPriceAmount === undefined ? null : String(r.retailPriceAmount),
  }));
}

/** Variants of the moving products, whole products in order of urgency, until the batch is full. */
async function loadVariants(ctx: Context, moving: CatalogProduct[], batchSize: number): Promise<SimulatedVariant[]> {
  const picked: SimulatedVariant[] = [];
  const chunkSize = Math.max(1, Math.ceil(batchSize / 10));
  for (let start = 0; start < moving.length && picked.length < batchSize; start += chunkSize) {
    const chunk = moving.slice(start, start + chunkSize);
    const variants = await ctx.em.find(
      Variant,
      { productId: { $in: chunk.map((p) => p.id) } },
      { fields: ['id', 'productId', 'sizeKey', 'numericSize', 'sizeSystem'], orderBy: { productId: 'asc', position: 'asc' } },
    );
    for (const product of chunk) {
      if (picked.length >= batchSize) break;
      for (const v of variants) {
        if (v.productId === product.id) picked.push({ variantId: v.id, sizeKey: v.sizeKey, numericSize: v.numericSize ?? null, sizeSystem: v.sizeSystem, product });
      }
    }
  }
  return picked;
}

/**
 * One tick of the simulated market: picks the products that move at this tick (hot ones more often), prices their
 * sizes on every simulated venue and ingests the rows through the market bulk path, which publishes the price
 * changes. Deterministic in (seed, tick); snapshots are marked SIMULATED.
 */
export async function simulateMarketTick(ctx: Context, options: SimulatedTickOptions): Promise<SimulatedTickResult> {
  const clock = { seed: options.seed, tick: options.tick };
  const platforms = await loadMarketPlatforms(ctx);
  const moving = productsMovingAt(await loadProducts(ctx), clock);
  const variants = platforms.length ? await loadVariants(ctx, moving, options.batchSize) : [];
  const rows = simulateSnapshots(variants, platforms, { ...clock, capturedAt: options.capturedAt ?? ctx.clock.now() });
  options.signal?.throwIfAborted();
  const result = rows.length
    ? await ingestMarketSnapshots(ctx.em, ctx.pubsub, rows, { errorPolicy: ErrorPolicy.REJECT_FAILED_ROWS, now: ctx.clock.now(), log: ctx.log })
    : { written: 0, changes: 0, rowErrors: [] };
  if (result.rowErrors.length) {
    ctx.log.warn({ tick: options.tick, rejected: result.rowErrors.length, first: result.rowErrors[0] }, 'simulated rows rejected by market ingest');
  }
  return {
    tick: options.tick,
    products: new Set(variants.map((v) => v.product.key)).size,
    variants: variants.length,
    rows: rows.length,
    written: result.written,
    changes: result.changes,
    rejected: result.rowErrors.length,
  };
}
