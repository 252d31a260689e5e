import type { Context } from '../../../common/context';
import { badUserInput } from '../../../common/errors';
import { Dec, Money } from '../../../common/money';
import { AllPlatformsLoader } from '../../catalog';
import { MarketQuote, PriceBucket } from '../api/market-quote.type';
import { PlatformPayout } from '../api/market-analytics.types';
import { HistoryInterval, MarketDataSource, PayoutBasis } from '../entities/market.enums';
import { LatestPricesByProductLoader, LatestPricesByVariantLoader, PriceHistoryByVariantLoader } from '../market.loaders';
import { computeNetPayout } from '../net-payout';
import type { LatestPriceRow } from './latest-price.rows';
import { requestMarketRefresh } from './market-refresh';
import { operationNow } from './operation-clock';
import { INTERVAL_SECONDS, type PriceBucketRow } from './price-history.rows';

/** Prices older than this are stale unless the query asks otherwise. */
export const DEFAULT_MAX_AGE_SECONDS = 6 * 3600;
const MAX_BUCKETS = 1000;

/** Which prices to show and how fresh they must be to count as current. */
export interface MarketArgs {
  platforms?: string[] | null;
  maxAgeSeconds?: number | null;
}

function maxAgeOf(args: MarketArgs): number {
  const maxAge = args.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
  if (!Number.isInteger(maxAge) || maxAge < 0 || maxAge > 90 * 86_400) throw badUserInput(`maxAgeSeconds must be between 0 and ${90 * 86_400} (got ${maxAge}).`);
  return maxAge;
}

function toQuote(row: LatestPriceRow, now: Date, maxAgeSeconds: number): MarketQuote {
  const currency = row.currency.trim();
  const capturedAt = new Date(row.captured_at);
  const ageSeconds = Math.max(0, Math.floor((now.getTime() - capturedAt.getTime()) / 1000));
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
    capturedAt,
    changedAt: row.changed_at ? new Date(row.changed_at) : null,
    source: row.source as MarketDataSource,
    stale: ageSeconds > maxAgeSeconds,
    ageSeconds,
  });
}

function quotesOf(ctx: Context, rows: LatestPriceRow[], args: MarketArgs, variantIds: string[]): MarketQuote[] {
  const maxAge = maxAgeOf(args);
  const now = operationNow(ctx);
  const wanted = args.platforms?.length ? new Set(args.platforms.map((p) => p.trim().toLowerCase())) : null;
  const quotes = rows.filter((r) => !wanted || wanted.has(r.platform)).map((r) => toQuote(r, now, maxAge));
  const fresh = new Set(quotes.filter((q) => !q.stale).map((q) => q.variantId));
  requestMarketRefresh(ctx, variantIds.filter((id) => !fresh.has(id)));
  return quotes;
}

/** Latest prices of one size, one quote per platform (optionally only some platforms), with staleness. */
export async function variantMarket(ctx: Context, variantId: string, args: MarketArgs): Promise<MarketQuote[]> {
  const rows = await ctx.loaders.get(LatestPricesByVariantLoader).load(variantId);
  return quotesOf(ctx, rows, args, [variantId]);
}

/** Latest prices of every size of a product at once, in size order. */
export async function productMarket(ctx: Context, productId: string, args: MarketArgs): Promise<MarketQuote[]> {
  const rows = await ctx.loaders.get(LatestPricesByProductLoader).load(productId);
  return quotesOf(ctx, rows, args, [...new Set(rows.map((r) => r.variant_id))]);
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
