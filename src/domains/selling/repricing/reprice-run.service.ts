import type Decimal from 'decimal.js';
import type { Context } from '../../../common/context';
import { Dec } from '../../../common/money';
import { AllPlatformsLoader, type Platform } from '../../catalog';
import { LatestPricesByVariantLoader, type LatestPriceRow } from '../../market';
import { listingChannelFor } from '../listings/listing-channel';
import { publishListingChanges } from '../listings/listing-events';
import { EMPTY_MARKET, marketViewOf, repricingListingOf } from '../listings/listing-pricing';
import { enqueueOperationPoll } from '../listings/listing-state';
import { ListingStatus, PricingReason } from '../listings/listing.enums';
import { decideReprice, type RepricingGuard } from './decide-reprice';
import { applyPriceChanges, loadRepriceCandidates, type PriceChangeRow, type RepriceCandidateRow, type RepriceSelection } from './reprice-store.service';
import { RepricingStrategyKind, type RepricingRuleSettings } from './repricing-strategy';

/** Why a listing was not repriced. */
export enum RepriceSkipReason {
  UNCHANGED = 'UNCHANGED',
  COOLDOWN = 'COOLDOWN',
  INVALID_RULE = 'INVALID_RULE',
  NO_RULE = 'NO_RULE',
  NOT_ACTIVE = 'NOT_ACTIVE',
  CURRENCY_MISMATCH = 'CURRENCY_MISMATCH',
  CONFLICT = 'CONFLICT',
}

/** What started a run; it sets the PricingHistory reason. */
export type RepriceTrigger = 'REQUEST' | 'SCHEDULE' | 'EVENT';

/** The decision for one listing. */
export interface ListingDecision {
  listingId: string;
  accountId: string;
  strategy: RepricingStrategyKind | null;
  action: 'CHANGE' | 'SKIP';
  /** True when the change was written (never in a dry run). */
  applied: boolean;
  oldPrice: Decimal;
  newPrice: Decimal;
  proposedPrice: Decimal | null;
  reason: string;
  skip: RepriceSkipReason | null;
  guards: RepricingGuard[];
  floor: Decimal | null;
  ceiling: Decimal | null;
  currency: string;
  marketLowestAsk: Decimal | null;
  marketHighestBid: Decimal | null;
}

/** How a run behaves. */
export interface RepriceRunOptions {
  dryRun: boolean;
  trigger: RepriceTrigger;
  now?: Date;
  /** Listings per load-decide-write round (default 5,000): bounds memory, keeps statements few. */
  chunkSize?: number;
  /** Stop after this many listings (the rest is left for the next run); default unlimited. */
  maxListings?: number;
  /** Keep every decision for the caller (requests); jobs only need the counts. */
  collect?: boolean;
}

/** What a run did. */
export interface RepriceRunResult {
  decisions: ListingDecision[];
  evaluated: number;
  changed: number;
  applied: number;
  truncated: boolean;
}

const dec = (value: string | null): Decimal | null => (value === null ? null : new Dec(value));

function ruleOf(row: RepriceCandidateRow): RepricingRuleSettings {
  return {
    strategy: row.strategy as RepricingStrategyKind,
    undercutAmount: dec(row.undercut_amount),
    undercutPercent: dec(row.undercut_percent),
    fixedPrice: dec(row.fixed_price),
    floorPrice: dec(row.floor_price),
    minimumMargin: dec(row.minimum_margin),
    ceilingPrice: dec(row.ceiling_price),
    maxChangePercent: dec(row.max_change_percent),
    cooldownSeconds: row.cooldown_seconds,
  };
}

/** Decides one listing in memory; never throws for bad data (an invalid rule is a skip). */
export function decideListing(row: RepriceCandidateRow, platform: Platform, prices: readonly LatestPriceRow[], now: Date): ListingDecision {
  const askPrice = new Dec(row.ask_price);
  const currency = row.currency.trim();
  const market = marketViewOf(prices, row.platform_id, currency, askPrice);
  const base = {
    listingId: row.id, accountId: row.account_id, strategy: (row.strategy as RepricingStrategyKind | null) ?? null, currency,
    oldPrice: askPrice, newPrice: askPrice, proposedPrice: null, applied: false, guards: [], floor: null, ceiling: null,
    marketLowestAsk: market?.lowestAsk ?? null, marketHighestBid: market?.highestBid ?? null,
  };
  const skip = (reason: RepriceSkipReason, why: string): ListingDecision => ({ ...base, action: 'SKIP', skip: reason, reason: why });
  if (row.status !== ListingStatus.ACTIVE) return skip(RepriceSkipReason.NOT_ACTIVE, `the listing is ${row.status}; only ACTIVE listings are repriced`);
  if (!row.rule_id || !row.rule_active) return skip(RepriceSkipReason.NO_RULE, row.rule_id ? 'the repricing rule is inactive' : 'the listing has no repricing rule');
  const quoted = prices.find((p) => p.platform_id === row.platform_id);
  if (quoted && !market) return skip(RepriceSkipReason.CURRENCY_MISMATCH, `the market is quoted in ${quoted.currency.trim()}, the listing is in ${currency}`);
  const listing = repricingListingOf({ askPrice, costBasis: new Dec(row.cost_basis), lastPriceChangeAt: row.last_price_change_at ? new Date(row.last_price_change_at) : null }, platform);
  try {
    const decision = decideReprice(listing, market ?? EMPTY_MARKET, ruleOf(row), now);
    return {
      ...base,
      action: decision.action,
      newPrice: decision.newPrice,
      proposedPrice: decision.proposedPrice,
      reason: decision.reason,
      skip: decision.skip as RepriceSkipReason | null,
      guards: decision.guards,
      floor: decision.floor,
      ceiling: decision.ceiling,
    };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return skip(RepriceSkipReason.INVALID_RULE, error.message);
  }
}

function reasonOf(trigger: RepriceTrigger, strategy: RepricingStrategyKind | null): PricingReason {
  if (trigger === 'EVENT') return PricingReason.MARKET_UPDATE;
  return strategy === RepricingStrategyKind.COMPETITIVE || strategy === RepricingStrategyKind.MATCH_LOWEST_ASK ? PricingReason.COMPETITION : PricingReason.ALGORITHM;
}

/**
 * Reprices a selection of listings set-based: per chunk, one statement loads listings with their rules, one loads
 * the latest prices of their sizes (and platforms come from a per-operation cache), every decision is computed in
 * memory, and one statement writes all changes with their PricingHistory rows. A dry run stops before writing.
 */
export async function runRepricing(ctx: Context, selection: RepriceSelection, options: RepriceRunOptions): Promise<RepriceRunResult> {
  const now = options.now ?? ctx.clock.now();
  const chunkSize = options.chunkSize ?? 5_000;
  const limit = options.maxListings ?? Number.POSITIVE_INFINITY;
  const platforms = new Map((await ctx.loaders.get(AllPlatformsLoader).load('all')).map((p) => [p.id, p]));
  const channels = new Map<string, boolean>();
  const result: RepriceRunResult = { decisions: [], evaluated: 0, changed: 0, applied: 0, truncated: false };
  let afterId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const take = Math.min(chunkSize, limit - result.evaluated);
    if (take <= 0) {
      result.truncated = (await loadRepriceCandidates(ctx.em, selection, afterId, 1)).length > 0;
      break;
    }
    const rows = await loadRepriceCandidates(ctx.em, selection, afterId, take);
    if (!rows.length) break;
    afterId = rows[rows.length - 1].id;
    const priceLoader = ctx.loaders.get(LatestPricesByVariantLoader);
    const priceLists = await priceLoader.loadMany([...new Set(rows.map((r) => r.variant_id))]);
    const pricesOf = new Map<string, LatestPriceRow[]>();
    for (const list of priceLists) if (Array.isArray(list) && list.length) pricesOf.set(list[0].variant_id, list);
    priceLoader.clearAll();
    const decisions = rows.map((row) => decideListing(row, platforms.get(row.platform_id)!, pricesOf.get(row.variant_id) ?? [], now));
    result.evaluated += rows.length;
    const changes = decisions.filter((d) => d.action === 'CHANGE');
    result.changed += changes.length;
    if (!options.dryRun && changes.length) await writeChunk(ctx, rows, changes, channels, options.trigger, selection.accountId, now, result);
    if (options.collect) result.decisions.push(...decisions);
    if (rows.length < take) break;
  }
  return result;
}

async function writeChunk(
  ctx: Context,
  rows: RepriceCandidateRow[],
  changes: ListingDecision[],
  channels: Map<string, boolean>,
  trigger: RepriceTrigger,
  accountId: string | null,
  now: Date,
  result: RepriceRunResult,
): Promise<void> {
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  const slugOf = new Map((await ctx.loaders.get(AllPlatformsLoader).load('all')).map((p) => [p.id, p.slug]));
  const writes: PriceChangeRow[] = [];
  for (const change of changes) {
    const row = rowOf.get(change.listingId)!;
    let push = false;
    if (row.external_listing_id) {
      const key = `${row.account_id}|${row.platform_id}`;
      if (!channels.has(key)) channels.set(key, !!(await listingChannelFor(ctx.em, row.account_id, slugOf.get(row.platform_id)!)));
      push = channels.get(key)!;
    }
    writes.push({
      id: row.id,
      version: row.version,
      oldPrice: change.oldPrice.toFixed(2),
      newPrice: change.newPrice.toFixed(2),
      lowestAsk: change.marketLowestAsk?.toFixed(2) ?? null,
      highestBid: change.marketHighestBid?.toFixed(2) ?? null,
      reason: reasonOf(trigger, change.strategy),
      strategy: change.strategy!,
      push,
    });
  }
  const applied = await applyPriceChanges(ctx.em, writes, accountId, now);
  const appliedIds = new Set(applied.map((a) => a.id));
  for (const change of changes) {
    if (appliedIds.has(change.listingId)) {
      change.applied = true;
    } else {
      change.action = 'SKIP';
      change.skip = RepriceSkipReason.CONFLICT;
      change.reason = `${change.reason}; not applied: the listing changed meanwhile (another writer won)`;
      change.newPrice = change.oldPrice;
    }
  }
  result.applied += applied.length;
  publishListingChanges(ctx.pubsub, applied.map((a) => ({ id: a.id, accountId: a.account_id, version: a.version, status: a.status as ListingStatus })));
  for (const write of writes) if (write.push && appliedIds.has(write.id)) await enqueueOperationPoll(ctx, write.id, 1, 0);
}
