import { OptimisticLockError, raw, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../../common/context';
import { ErrorCode, userError, type UserError } from '../../../common/errors';
import { Money } from '../../../common/money';
import { uuidOf } from '../../../common/node';
import { connectionFromCursor, pageWindow, type ConnectionArgs, type ConnectionShape } from '../../../common/pagination';
import { AllPlatformsLoader, PlatformByIdLoader } from '../../catalog';
import { moneyErrors } from '../../inventory';
import { LatestPricesByVariantLoader } from '../../market';
import type { ListingFilter } from '../api/listing-filter.input';
import type { UpdateListingPriceInput } from '../api/listing.inputs';
import { Listing } from '../entities/listing.entity';
import { PricingHistory } from '../entities/pricing-history.entity';
import { RepricingStrategyKind } from '../repricing/repricing-strategy';
import { listingChannelFor } from './listing-channel';
import { publishListingChanges } from './listing-events';
import { listingFloor, marketViewOf } from './listing-pricing';
import { enqueueOperationPoll } from './listing-state';
import { ListingOperationType, ListingStatus, PlatformSync, PricingReason } from './listing.enums';
import { ListingByIdLoader, RepricingRuleByListingLoader } from './listing.loaders';
import { pgArray } from '../../../common/sql';
import { localOnly, owePlatformWrite, settlePlatformWrite } from './platform-sync.service';

/** One of the viewer's listings by global id; another account's id answers exactly like a missing one. */
export async function findListing(ctx: Context, id: string): Promise<Listing | null> {
  const uuid = uuidOf(id, 'Listing');
  return uuid ? ctx.loaders.get(ListingByIdLoader).load(uuid) : null;
}

/** The filter as a query on the viewer's listings (the tenant filter adds the account). */
export async function listingWhere(ctx: Context, filter: ListingFilter | null | undefined): Promise<FilterQuery<Listing>> {
  const conditions: FilterQuery<Listing>[] = [];
  const uuids = (ids: string[], type: string) => ids.map((id) => uuidOf(id, type)).filter((u): u is string => !!u);
  if (filter?.ids) conditions.push({ id: { $in: uuids(filter.ids, 'Listing') } });
  if (filter?.statuses?.length) conditions.push({ status: { $in: filter.statuses } });
  if (filter?.inventoryItemIds) conditions.push({ inventoryItemId: { $in: uuids(filter.inventoryItemIds, 'InventoryItem') } });
  if (filter?.platforms) {
    const slugs = new Set(filter.platforms.map((p) => p.trim().toLowerCase()));
    const platforms = await ctx.loaders.get(AllPlatformsLoader).load('all');
    conditions.push({ platformId: { $in: platforms.filter((p) => slugs.has(p.slug)).map((p) => p.id) } });
  }
  if (filter?.strategies) {
    const strategies = pgArray(filter.strategies);
    conditions.push({ [raw((alias) => `${alias}.id in (select r.listing_id from repricing_rule r where r.strategy = any(?::text[]))`, [strategies])]: true });
  }
  return conditions.length ? { $and: conditions } : {};
}

/** One page of the viewer's listings, newest first; counts the whole list only when `totalCount` is selected. */
export async function listListings(ctx: Context, filter: ListingFilter | null | undefined, args: ConnectionArgs, info?: GraphQLResolveInfo): Promise<ConnectionShape<Listing>> {
  const page = await ctx.em.findByCursor(Listing, await listingWhere(ctx, filter), {
    ...pageWindow(args, info),
    orderBy: { createdAt: 'desc', id: 'desc' } as QueryOrderMap<Listing>,
  });
  return connectionFromCursor(page);
}

type PriceResult = { listing: Listing | null; pricingHistory: PricingHistory | null; platformSync: PlatformSync | null; note: string | null; errors: UserError[] };

/**
 * Sets a listing's ask by hand. Optimistic locking: the change is based on `expectedVersion` and refused with
 * CONFLICT when the listing moved on since (checked again by the UPDATE itself). Never below the floor. The
 * price change and its PricingHistory row are one transaction; the platform is updated afterwards.
 */
export async function updateListingPrice(ctx: Context, input: UpdateListingPriceInput): Promise<PriceResult> {
  const fail = (errors: UserError[]): PriceResult => ({ listing: null, pricingHistory: null, platformSync: null, note: null, errors });
  const uuid = uuidOf(input.id, 'Listing');
  const listing = uuid ? await ctx.em.findOne(Listing, uuid) : null;
  if (!listing) return fail([userError(ErrorCode.NOT_FOUND, 'No such listing.', ['id'])]);
  const priceErrors = moneyErrors(input.price, ['price'], { positive: true });
  if (priceErrors.length) return fail(priceErrors);
  if (listing.version !== input.expectedVersion) {
    return fail([userError(ErrorCode.CONFLICT, `The listing changed since version ${input.expectedVersion} (it is at version ${listing.version}); reload it and decide again.`, ['expectedVersion'])]);
  }
  if (![ListingStatus.DRAFT, ListingStatus.ACTIVE, ListingStatus.INACTIVE].includes(listing.status)) {
    const why = listing.status === ListingStatus.PENDING ? 'a platform operation is still in progress' : `the listing is ${listing.status}`;
    return fail([userError(ErrorCode.CONFLICT, `The price cannot change now: ${why}.`, ['id'])]);
  }
  const [rule, platform, prices] = await Promise.all([
    ctx.loaders.get(RepricingRuleByListingLoader).load(listing.id),
    ctx.loaders.get(PlatformByIdLoader).load(listing.platformId),
    ctx.loaders.get(LatestPricesByVariantLoader).load(listing.variantId),
  ]);
  const floor = listingFloor(listing, platform!, rule);
  if (input.price.lt(floor)) {
    return fail([userError(ErrorCode.FLOOR_VIOLATED, `${input.price.toFixed(2)} is below the floor ${floor.toFixed(2)} (cost basis + minimum margin after ${platform!.name}'s fees, or the rule's floor).`, ['price'])]);
  }
  if (input.price.eq(listing.askPrice)) return { listing, pricingHistory: null, platformSync: null, note: 'The ask already is this price.', errors: [] };

  const market = marketViewOf(prices, listing.platformId, listing.currency);
  const now = ctx.clock.now();
  const history = Object.assign(new PricingHistory(), {
    accountId: listing.accountId,
    listingId: listing.id,
    oldPrice: listing.askPrice,
    newPrice: input.price,
    currency: listing.currency,
    reason: PricingReason.MANUAL,
    strategy: rule?.strategy ?? null,
    marketLowestAsk: market?.lowestAsk ?? null,
    marketHighestBid: market?.highestBid ?? null,
  });
  ctx.em.persist(history);
  listing.askPrice = input.price;
  listing.lastPriceChangeAt = now;
  listing.marketLowestAsk = market?.lowestAsk ?? null;
  listing.marketHighestBid = market?.highestBid ?? null;
  // A FIXED rule would otherwise put the old price back on its next run.
  if (rule?.strategy === RepricingStrategyKind.FIXED) rule.fixedPrice = input.price;
  const channel = listing.externalListingId ? await listingChannelFor(ctx.em, listing.accountId, platform!.slug) : null;
  if (channel) owePlatformWrite(listing, ListingOperationType.UPDATE_PRICE);
  try {
    await ctx.em.flush();
  } catch (error) {
    if (!(error instanceof OptimisticLockError)) throw error;
    ctx.em.clear();
    return fail([userError(ErrorCode.CONFLICT, 'The listing was changed by another request at the same time; reload it and decide again.', ['expectedVersion'])]);
  }
  const outcome = channel ? await settlePlatformWrite(ctx.em, listing, { sellable: true, channel }) : localOnly(platform!.name, listing.externalListingId ? 'NO_CONNECTION' : 'NOT_ON_PLATFORM');
  if (channel) await ctx.em.flush();
  if (outcome.platformSync === PlatformSync.PENDING) await enqueueOperationPoll(ctx, listing.id);
  publishListingChanges(ctx.pubsub, [listing]);
  return { listing, pricingHistory: history, ...outcome, errors: [] };
}

/** The floor the listing's price never goes below, through loaders (rule and platform are batched across a page). */
export async function effectiveListingFloor(ctx: Context, listing: Listing): Promise<Money> {
  const [rule, platform] = await Promise.all([
    ctx.loaders.get(RepricingRuleByListingLoader).load(listing.id),
    ctx.loaders.get(PlatformByIdLoader).load(listing.platformId),
  ]);
  return Money.of(listingFloor(listing, platform!, rule), listing.currency.trim())!;
}
