import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../common/context';
import { entityByIdLoader } from '../../common/loaders';
import type { HistoryInterval } from './entities/market.enums';
import { PriceAlert } from './entities/price-alert.entity';
import { latestPricesOfProducts, latestPricesOfVariants, type LatestPriceRow } from './reads/latest-price.rows';
import { priceHistoryOf, type PriceBucketRow } from './reads/price-history.rows';

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k)!);
}

/** Latest prices (every platform) of many variants in one statement. */
export const LatestPricesByVariantLoader: LoaderFactory<string, LatestPriceRow[]> = (ctx) =>
  new DataLoader(async (ids) => groupBy(ids, await latestPricesOfVariants(ctx.em, ids), (r) => r.variant_id));

/** Latest prices of every size of many products in one statement. */
export const LatestPricesByProductLoader: LoaderFactory<string, LatestPriceRow[]> = (ctx) =>
  new DataLoader(async (ids) => groupBy(ids, await latestPricesOfProducts(ctx.em, ids), (r) => r.product_id));

/**
 * Re-reads never hit the operation's cache (the data changed), and are batched on the next macrotask rather than the
 * microtask queue, so every field woken by the same event — each resuming in its own promise chain — shares one statement.
 */
const REREAD = { cache: false, batchScheduleFn: (run: () => void) => void setImmediate(run) } as const;

/** Latest prices of variants read again after a refresh signal (uncached; one statement per wave of waiters). */
export const RefreshedPricesByVariantLoader: LoaderFactory<string, LatestPriceRow[]> = (ctx) =>
  new DataLoader(async (ids) => groupBy(ids, await latestPricesOfVariants(ctx.em, [...new Set(ids)]), (r) => r.variant_id), REREAD);

/** Latest prices of every size of products read again after a refresh signal (uncached; one statement per wave of waiters). */
export const RefreshedPricesByProductLoader: LoaderFactory<string, LatestPriceRow[]> = (ctx) =>
  new DataLoader(async (ids) => groupBy(ids, await latestPricesOfProducts(ctx.em, [...new Set(ids)]), (r) => r.product_id), REREAD);

/** A variant's price history request; variants asking for the same range share one statement. */
export interface PriceHistoryKey {
  variantId: string;
  platform: string | null;
  from: Date;
  to: Date;
  interval: HistoryInterval;
}

const rangeKey = (k: PriceHistoryKey) => `${k.platform ?? '*'}|${k.from.toISOString()}|${k.to.toISOString()}|${k.interval}`;

/** OHLC buckets per variant, batched into one statement per distinct (platform, range, interval). */
export const PriceHistoryByVariantLoader: LoaderFactory<PriceHistoryKey, PriceBucketRow[]> = (ctx) =>
  new DataLoader(
    async (keys) => {
      const ranges = new Map<string, PriceHistoryKey[]>();
      for (const key of keys) ranges.set(rangeKey(key), [...(ranges.get(rangeKey(key)) ?? []), key]);
      const results = new Map<string, PriceBucketRow[]>();
      await Promise.all(
        [...ranges.values()].map(async (group) => {
          const variantIds = [...new Set(group.map((k) => k.variantId))];
          const rows = await priceHistoryOf(ctx.em, variantIds, group[0]);
          groupBy(variantIds, rows, (r) => r.variant_id).forEach((list, i) => results.set(`${variantIds[i]}|${rangeKey(group[0])}`, list));
        }),
      );
      return keys.map((k) => results.get(`${k.variantId}|${rangeKey(k)}`) ?? []);
    },
    { cacheKeyFn: (k) => `${k.variantId}|${rangeKey(k)}` },
  );

/** The viewer's price alerts by id (tenant-filtered; anonymous viewers see none). */
export const PriceAlertByIdLoader = entityByIdLoader(PriceAlert, (ctx) => (ctx.viewer ? {} : null));
