import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type Decimal from 'decimal.js';
import type { Context } from '../../../common/context';
import { ErrorCode, userError, type UserError } from '../../../common/errors';
import { Dec } from '../../../common/money';
import { inTransaction, lockRow } from '../../../common/orm/row-locks';
import { PlatformBySlugLoader, type Platform } from '../../catalog';
import { applyItemListingState, findInventoryItem, InventoryItem, moneyErrors, whyNotSellable } from '../../inventory';
import { LatestPricesByVariantLoader } from '../../market';
import type { RepricingRuleInput } from '../api/repricing.inputs';
import { Listing } from '../entities/listing.entity';
import { RepricingRule } from '../entities/repricing-rule.entity';
import { decideReprice } from '../repricing/decide-reprice';
import { repricingStrategyFor } from '../repricing/repricing-strategies';
import { RepricingStrategyKind, type MarketView } from '../repricing/repricing-strategy';
import { ceilingBelowFloor, ruleInputErrors, ruleSettingsOf, type RuleSettings } from '../repricing/repricing-rule.service';
import { listingChannelFor, type ListingChannel } from './listing-channel';
import { publishListingChanges } from './listing-events';
import { EMPTY_MARKET, listingFloor, marketViewOf, repricingListingOf } from './listing-pricing';
import { LIVE_LISTING_STATUSES, ListingOperationType, ListingSource, ListingStatus, PlatformSync } from './listing.enums';
import { ListingsByInventoryItemLoader } from './listing.loaders';
import { enqueueOperationPoll, hasLiveListing } from './listing-state';
import { localOnly, owePlatformWrite, settlePlatformWrite, type PlatformSyncOutcome } from './platform-sync.service';

/** What one new listing is asked to be (from createListing or a row of createListingsFromOpportunities). */
export interface ListingSpec {
  inventoryItemId: string;
  platform: string;
  /** When given, the item must be this size. */
  variantUuid?: string | null;
  price?: Decimal | null;
  rule?: RepricingRuleInput | null;
  costBasis?: Decimal | null;
  expiresAt?: Date | null;
  createdFrom: ListingSource;
  sourceOpportunityId?: string | null;
}

/** A validated listing, priced and ready to write. */
export interface ListingPlan {
  item: InventoryItem;
  platform: Platform;
  currency: string;
  costBasis: Decimal;
  askPrice: Decimal;
  settings: RuleSettings;
  market: MarketView | null;
  spec: ListingSpec;
}

/** The outcome of one written listing. */
export interface CreatedListing extends PlatformSyncOutcome {
  listing: Listing;
}

function costBasisOf(spec: ListingSpec, item: InventoryItem, currency: string, at: (name: string) => string[]): { cost?: Decimal; errors: UserError[] } {
  if (spec.costBasis != null) {
    const errors = moneyErrors(spec.costBasis, at('costBasis'));
    return { cost: spec.costBasis, errors };
  }
  if (item.purchaseCurrency.trim() === currency) return { cost: item.purchasePriceAmount, errors: [] };
  const message = `The item was bought in ${item.purchaseCurrency.trim()} and this platform sells in ${currency}: give costBasis in ${currency}.`;
  return { errors: [userError(ErrorCode.UNSUPPORTED, message, at('costBasis'))] };
}

/** The starting ask a strategy gives on the current market (guarded by floor and ceiling), or an error. */
function strategyPrice(plan: Omit<ListingPlan, 'askPrice'>, floor: Decimal, at: (name: string) => string[]): { price?: Decimal; errors: UserError[] } {
  const listing = repricingListingOf({ askPrice: floor, costBasis: plan.costBasis }, plan.platform);
  const market = plan.market ?? EMPTY_MARKET;
  const proposal = repricingStrategyFor(plan.settings.strategy).propose({ listing, market, rule: plan.settings });
  if (!proposal.target) {
    const message = `${plan.settings.strategy} has nothing to price from on ${plan.platform.name} (${proposal.explanation}): give a price.`;
    return { errors: [userError(ErrorCode.INVALID, message, at('price'))] };
  }
  const decision = decideReprice(listing, market, { ...plan.settings, maxChangePercent: null, cooldownSeconds: null }, new Date());
  return { price: decision.proposedPrice ?? floor, errors: [] };
}

/**
 * Validates and prices one listing without writing anything. The floor is the lowest ask that still nets the
 * cost basis plus the minimum margin after the platform's fees, unless the rule sets one explicitly.
 */
export async function planListing(ctx: Context, spec: ListingSpec, path: (string | number)[] = []): Promise<{ plan: ListingPlan | null; errors: UserError[] }> {
  const at = (name: string) => [...path, name].map(String);
  const fail = (errors: UserError[]) => ({ plan: null, errors });
  const [item, platform] = await Promise.all([
    findInventoryItem(ctx, spec.inventoryItemId),
    spec.platform.trim() ? ctx.loaders.get(PlatformBySlugLoader).load(spec.platform.trim()) : Promise.resolve(null),
  ]);
  const errors: UserError[] = [];
  if (!item) errors.push(userError(ErrorCode.NOT_FOUND, 'No such inventory item.', at('inventoryItemId')));
  if (!platform) errors.push(userError(ErrorCode.NOT_FOUND, `Unknown platform "${spec.platform}".`, at('platform')));
  if (spec.rule) errors.push(...ruleInputErrors(spec.rule, [...path, 'rule']));
  if (spec.price != null) errors.push(...moneyErrors(spec.price, at('price'), { positive: true }));
  if (spec.expiresAt && spec.expiresAt <= ctx.clock.now()) errors.push(userError(ErrorCode.OUT_OF_RANGE, 'The expiry is in the past.', at('expiresAt')));
  if (!item || !platform) return fail(errors);

  const why = whyNotSellable(item);
  if (why) errors.push(userError(ErrorCode.CONFLICT, `Cannot list: ${why}.`, at('inventoryItemId')));
  if (spec.variantUuid && spec.variantUuid !== item.variantId) errors.push(userError(ErrorCode.INVALID, 'The inventory item is another size.', at('variantId')));
  const existing = await ctx.loaders.get(ListingsByInventoryItemLoader).load(item.id);
  const live = existing.find((l) => l.platformId === platform.id && LIVE_LISTING_STATUSES.includes(l.status));
  if (live) errors.push(userError(ErrorCode.DUPLICATE, `The item already has a ${live.status} listing on ${platform.name}; change that one instead.`, at('platform')));
  const currency = platform.defaultCurrency.trim();
  const cost = costBasisOf(spec, item, currency, at);
  errors.push(...cost.errors);
  if (!spec.rule && spec.price == null) errors.push(userError(ErrorCode.REQUIRED, 'Give a price, a repricing rule, or both.', at('price')));
  if (errors.length) return fail(errors);

  const settings = spec.rule ? ruleSettingsOf(spec.rule, spec.price ?? null) : ruleSettingsOf({ strategy: RepricingStrategyKind.FIXED, active: true }, spec.price!);
  const prices = await ctx.loaders.get(LatestPricesByVariantLoader).load(item.variantId);
  const base = { item, platform, currency, costBasis: cost.cost!, settings, market: marketViewOf(prices, platform.id, currency), spec };
  const floor = listingFloor(base, platform, settings);
  const invalid = ceilingBelowFloor(settings, floor, [...path, 'rule']);
  if (invalid.length) return fail(invalid);
  if (spec.price != null) {
    if (spec.price.lt(floor)) {
      const message = `${spec.price.toFixed(2)} is below the floor ${floor.toFixed(2)}: the lowest ask that nets the cost basis plus the minimum margin after ${platform.name}'s fees (or the rule's explicit floor).`;
      return fail([userError(ErrorCode.FLOOR_VIOLATED, message, at('price'))]);
    }
    return { plan: { ...base, askPrice: new Dec(spec.price) }, errors: [] };
  }
  const priced = strategyPrice(base, floor, at);
  return priced.price ? { plan: { ...base, askPrice: priced.price }, errors: [] } : fail(priced.errors);
}

/**
 * Writes planned listings with their rules in one transaction, then creates them on their platforms where the
 * account has a connection (an outbox entry first, so a crash between the two is finished by the operation job).
 */
export async function writeListings(ctx: Context, plans: ListingPlan[], activate: boolean): Promise<CreatedListing[] | { errors: UserError[] }> {
  const channels = new Map<string, ListingChannel | null>();
  for (const plan of plans) {
    if (activate && !channels.has(plan.platform.slug)) channels.set(plan.platform.slug, await listingChannelFor(ctx.em, ctx.viewer!.accountId, plan.platform.slug));
  }
  const now = ctx.clock.now();
  const write = async (): Promise<Listing[] | { errors: UserError[] }> => {
    // Items locked in id order (no deadlock between two requests listing the same items): a sale that is taking the
    // last unit finishes first, and the item is then seen sold out instead of getting a live listing after it.
    for (const itemId of [...new Set(plans.map((p) => p.item.id))].sort()) await lockRow(ctx.em, InventoryItem, itemId);
    const unsellable = plans.find((plan) => whyNotSellable(plan.item));
    if (unsellable) return { errors: [userError(ErrorCode.CONFLICT, `Cannot list: ${whyNotSellable(unsellable.item)} (changed meanwhile); nothing was created.`, ['inventoryItemId'])] };
    const listings = plans.map((plan) => {
      const channel = activate ? channels.get(plan.platform.slug) : null;
      const listing = Object.assign(new Listing(), {
        accountId: ctx.viewer!.accountId,
        inventoryItemId: plan.item.id,
        variantId: plan.item.variantId,
        platformId: plan.platform.id,
        askPrice: plan.askPrice,
        originalAsk: plan.askPrice,
        currency: plan.currency,
        costBasis: plan.costBasis,
        status: !activate ? ListingStatus.DRAFT : channel ? ListingStatus.PENDING : ListingStatus.ACTIVE,
        listedAt: activate && !channel ? now : null,
        expiresAt: plan.spec.expiresAt ?? null,
        marketLowestAsk: plan.market?.lowestAsk ?? null,
        marketHighestBid: plan.market?.highestBid ?? null,
        createdFrom: plan.spec.createdFrom,
        sourceOpportunityId: plan.spec.sourceOpportunityId ?? null,
      });
      ctx.em.persist(listing);
      if (channel) owePlatformWrite(listing, ListingOperationType.CREATE);
      ctx.em.create(RepricingRule, { accountId: listing.accountId, listingId: listing.id, ...plan.settings });
      if (activate) applyItemListingState(plan.item, true);
      return listing;
    });
    await ctx.em.flush();
    return listings;
  };
  let listings: Listing[];
  try {
    const written = await inTransaction(ctx.em, write);
    if ('errors' in written) return written;
    listings = written;
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    ctx.em.clear();
    return { errors: [userError(ErrorCode.CONFLICT, 'Another request listed one of these items on the same platform meanwhile; nothing was created.', ['inventoryItemId'])] };
  }

  const results: CreatedListing[] = [];
  for (const [i, listing] of listings.entries()) {
    const plan = plans[i];
    const channel = activate ? channels.get(plan.platform.slug) : null;
    let outcome: PlatformSyncOutcome = activate ? localOnly(plan.platform.name, 'NO_CONNECTION') : { platformSync: PlatformSync.LOCAL_ONLY, note: 'Saved as a DRAFT; activateListing puts it up for sale.' };
    if (channel) {
      outcome = await settlePlatformWrite(ctx.em, listing, { sellable: true, channel });
      const siblings = await ctx.loaders.get(ListingsByInventoryItemLoader).load(plan.item.id);
      applyItemListingState(plan.item, hasLiveListing([...siblings, ...listings.filter((l) => l.inventoryItemId === plan.item.id)]));
    }
    results.push({ listing, ...outcome });
  }
  await ctx.em.flush();
  for (const result of results) if (result.platformSync === PlatformSync.PENDING) await enqueueOperationPoll(ctx, result.listing.id);
  publishListingChanges(ctx.pubsub, listings);
  return results;
}

/** Lists one of the viewer's inventory items on a platform, at a price or priced by a strategy. */
export async function createListing(ctx: Context, spec: ListingSpec, activate: boolean): Promise<{ listing: Listing | null; platformSync: PlatformSync | null; note: string | null; errors: UserError[] }> {
  const { plan, errors } = await planListing(ctx, spec);
  if (!plan) return { listing: null, platformSync: null, note: null, errors };
  const written = await writeListings(ctx, [plan], activate);
  if ('errors' in written) return { listing: null, platformSync: null, note: null, errors: written.errors };
  const [created] = written;
  return { listing: created.listing, platformSync: created.platformSync, note: created.note, errors: [] };
}
