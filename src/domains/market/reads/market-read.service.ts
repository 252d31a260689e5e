import type { Context } from '../../../common/context';
import { badUserInput } from '../../../common/errors';
import { Dec, Money } from '../../../common/money';
import { AllPlatformsLoader, recordProductView, VariantsByProductLoader } from '../../catalog';
import { MarketQuote, PriceBucket } from '../api/market-quote.type';
import { PlatformPayout } from '../api/market-analytics.types';
import { HistoryInterval, MarketDataSource, PayoutBasis } from '../entities/market.enums';
import {
  LatestPricesByProductLoader,
  LatestPricesByVariantLoader,
  PriceHistoryByVariantLoader,
  RefreshedPricesByProductLoader,
  RefreshedPricesByVariantLoader,
} from '../market.loaders';
import { computeNetPayout } from '../net-payout';
import type { LatestPriceRow } from './latest-price.rows';
import { requestMarketRefresh } from './market-refresh';
import { MAX_WAIT_MS, waitForRefresh } from './market-wait';
import { operationNow } from './operation-clock';
import { INTERVAL_SECONDS, type PriceBucketRow } from './price-history.rows';

/** Prices older than this are stale unless the query asks otherwise. */
export const DEFAULT_MAX_AGE_SECONDS = 6 * 3600;
const MAX_BUCKETS = 1000;

/** Which prices to show, how fresh they must be to count as current, and how long to wait for a refresh. */
export interface MarketArgs {
  platforms?: string[] | null;
  maxAgeSeconds?: number | null;
  waitMs?: number | null;
}

/** The freshness rules of one market field, resolved once. */
interface Freshness {
  maxAgeSeconds: number;
  waitMs: number;
  now: Date;
  platforms: Set<string> | null;
}

function freshnessOf(ctx: Context, args: MarketArgs): Freshness {
  const maxAge = args.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
  if (!Number.isInteger(maxAge) || maxAge < 0 || maxAge > 90 * 86_400) throw badUserInput(`maxAgeSeconds must be between 0 and ${90 * 86_400} (got ${maxAge}).`);
  const waitMs = args.waitMs ?? 0;
  if (!Number.isInteger(waitMs) || waitMs < 0 || waitMs > MAX_WAIT_MS) throw badUserInput(`waitMs must be between 0 and ${MAX_WAIT_MS} (got ${waitMs}).`);
  const platforms = args.platforms?.length ? new Set(args.platforms.map((p) => p.trim().toLowerCase())) : null;
  return { maxAgeSeconds: maxAge, waitMs, now: operationNow(ctx), platforms };
}

const ageSecondsOf = (row: LatestPriceRow, now: Date) => Math.max(0, Math.floor((now.getTime() - new Date(row.captured_at).getTime()) / 1000));

function toQuote(row: LatestPriceRow, f: Freshness): MarketQuote {
  const currency = row.currency.trim();
  const ageSeconds = ageSecondsOf(row, f.now);
  return Object.assign(new MarketQuote(), {
    variantId: row.variant_id,
    productId: row.product_id,
    platformId: row.platform_id,
    lowestAsk: Money.of(row.lowest_ask, currency),
    highestBid: Money.of(row.highest_bid, currency),
    lastSale: Money.of(row.last_sale, currency),
    previousLowestAsk: Money.of(row.prev_lowest_ask, currency),
    previousHighestBid: Money.of(row.prev_highest_bid, currency),
    previousLastSale: Money.of(row.prev_last_sale, currency),
    sales7d: row.sales_7d,
    sales30d: row.sales_30d,
    volatility: row.volatility === null ? null : new Dec(row.volatility),
    capturedAt: new Date(row.captured_at),
    changedAt: row.changed_at ? new Date(row.changed_at) : null,
    source: row.source as MarketDataSource,
    stale: ageSeconds > f.maxAgeSeconds,
    ageSeconds,
  });
}

const shown = (rows: LatestPriceRow[], f: Freshness) => (f.platforms ? rows.filter((r) => f.platforms!.has(r.platform)) : rows);

/** Of `variantIds`, those without a single current quote on the platforms asked for (stale or missing). */
function staleVariants(rows: LatestPriceRow[], f: Freshness, variantIds: string[]): string[] {
  const fresh = new Set<string>();
  for (const row of shown(rows, f)) if (ageSecondsOf(row, f.now) <= f.maxAgeSeconds) fresh.add(row.variant_id);
  return variantIds.filter((id) => !fresh.has(id));
}

/**
 * Stale-while-revalidate: asks the sync engine (once per operation, single-flight across operations) to refresh the
 * variants without a current quote; with `waitMs`, waits that long at most for the refreshed prices, else answers
 * with what exists, flagged stale.
 */
async function serveQuotes(
  ctx: Context,
  f: Freshness,
  rows: LatestPriceRow[],
  scope: { variantIds: string[]; productIds: string[]; reread: () => Promise<LatestPriceRow[]> },
): Promise<MarketQuote[]> {
  const stale = staleVariants(rows, f, scope.variantIds);
  if (stale.length && requestMarketRefresh(ctx, stale) && f.waitMs > 0) {
    const refreshed = await waitForRefresh(ctx, {
      productIds: scope.productIds,
      waitMs: f.waitMs,
      reread: scope.reread,
      isFresh: (latest) => staleVariants(latest, f, stale).length === 0,
    });
    if (refreshed) rows = refreshed;
  }
  return shown(rows, f).map((row) => toQuote(row, f));
}

/** Latest prices of one size, one quote per platform (optionally only some platforms), with staleness. */
export async function variantMarket(ctx: Context, variant: { id: string; productId: string }, args: MarketArgs): Promise<MarketQuote[]> {
  const f = freshnessOf(ctx, args);
  const rows = await ctx.loaders.get(LatestPricesByVariantLoader).load(variant.id);
  return serveQuotes(ctx, f, rows, {
    variantIds: [variant.id],
    productIds: [variant.productId],
    reread: () => ctx.loaders.get(RefreshedPricesByVariantLoader).load(variant.id),
  });
}

/** Latest prices of every size of a product at once, in size order; reading them counts as a view of the product. */
export async function productMarket(ctx: Context, productId: string, args: MarketArgs): Promise<MarketQuote[]> {
  const f = freshnessOf(ctx, args);
  recordProductView(ctx, productId);
  const rows = await ctx.loaders.get(LatestPricesByProductLoader).load(productId);
  // A product never priced has no rows to name its sizes: only then are they looked up (shared with a `variants` field).
  const variantIds = rows.length ? [...new Set(rows.map((r) => r.variant_id))] : (await ctx.loaders.get(VariantsByProductLoader).load(productId)).map((v) => v.id);
  return serveQuotes(ctx, f, rows, {
    variantIds,
    productIds: [productId],
    reread: () => ctx.loaders.get(RefreshedPricesByProductLoader).load(productId),
  });
}

/** What range and resolution of history to return. */
export interface HistoryArgs {
  platform?: string | null;
  from?: Date | null;
  to?: Date | null;
  interval?: HistoryInterval | null;
}

function toBucket(row: PriceBucketRow, seconds: number): PriceBucket {
  const start = new Date(row.bucket);
  const dec = (value: string | null) => (value === null ? null : new Dec(value));
  return Object.assign(new PriceBucket(), {
    variantId: row.variant_id,
    platformId: row.platform_id,
    start,
    end: new Date(start.getTime() + seconds * 1000),
    currency: row.currency.trim(),
    open: dec(row.open),
    high: dec(row.high),
    low: dec(row.low),
    close: dec(row.close),
    volume: row.volume,
    samples: row.samples,
  });
}

/** OHLC buckets of the lowest ask of one size, per platform; every size asking for the same range shares one statement. */
export async function variantPriceHistory(ctx: Context, variantId: string, args: HistoryArgs): Promise<PriceBucket[]> {
  const interval = args.interval ?? HistoryInterval.DAY;
  const seconds = INTERVAL_SECONDS[interval];
  const to = args.to ?? operationNow(ctx);
  const from = args.from ?? new Date(to.getTime() - (interval === HistoryInterval.DAY ? 30 : 2) * 86_400_000);
  if (from >= to) throw badUserInput('priceHistory: from must be before to.');
  if ((to.getTime() - from.getTime()) / 1000 / seconds > MAX_BUCKETS) {
    throw badUserInput(`priceHistory: at most ${MAX_BUCKETS} buckets per size; narrow the range or use a wider interval.`);
  }
  const platform = args.platform?.trim().toLowerCase() || null;
  const rows = await ctx.loaders.get(PriceHistoryByVariantLoader).load({ variantId, platform, from, to, interval });
  return rows.map((row) => toBucket(row, seconds));
}

const BASIS_COLUMN = { [PayoutBasis.LOWEST_ASK]: 'lowest_ask', [PayoutBasis.HIGHEST_BID]: 'highest_bid', [PayoutBasis.LAST_SALE]: 'last_sale' } as const;

/** The platform paying the most after its fees (minimum fee included) for one size, among prices in one currency. */
export async function bestPlatform(ctx: Context, variantId: string, args: { basis?: PayoutBasis | null; currency?: string | null }): Promise<PlatformPayout | null> {
  const basis = args.basis ?? PayoutBasis.LOWEST_ASK;
  const currency = (args.currency ?? ctx.viewer?.baseCurrency ?? 'USD').toUpperCase();
  const [rows, platforms] = await Promise.all([ctx.loaders.get(LatestPricesByVariantLoader).load(variantId), ctx.loaders.get(AllPlatformsLoader).load('all')]);
  const feesOf = new Map(platforms.map((p) => [p.id, p]));
  let best: PlatformPayout | null = null;
  for (const row of rows) {
    const price = row[BASIS_COLUMN[basis]];
    const fees = feesOf.get(row.platform_id);
    if (price === null || !fees || row.currency.trim() !== currency) continue;
    const payout = computeNetPayout(price, fees);
    if (best && !payout.net.greaterThan(best.net.amount)) continue;
    best = Object.assign(new PlatformPayout(), {
      platformId: row.platform_id,
      basis,
      price: Money.of(payout.price, currency)!,
      sellerFee: Money.of(payout.sellerFee, currency)!,
      processingFee: Money.of(payout.processingFee, currency)!,
      fixedFee: Money.of(payout.fixedFee, currency)!,
      totalFees: Money.of(payout.totalFees, currency)!,
      net: Money.of(payout.net, currency)!,
      capturedAt: new Date(row.captured_at),
    });
  }
  return best;
}
