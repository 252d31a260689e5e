import type { EntityManager } from '@mikro-orm/postgresql';
import type Decimal from 'decimal.js';
import type { Context } from '../../../common/context';
import { ErrorCode, userError, type UserError } from '../../../common/errors';
import { Platform, computeNetProceeds } from '../../catalog';
import { applyItemListingState, InventoryItem, recordItemSale, whyNotSellable } from '../../inventory';
import { Listing } from '../entities/listing.entity';
import { RepricingRule } from '../entities/repricing-rule.entity';
import { listingChannelFor } from './listing-channel';
import { publishListingChanges } from './listing-events';
import { enqueueOperationPoll, hasLiveListing } from './listing-state';
import { FINAL_LISTING_STATUSES, LIVE_LISTING_STATUSES, ListingOperationStatus, ListingOperationType, ListingStatus, PlatformSync } from './listing.enums';
import { findListing } from './listing.service';
import { localOnly, owePlatformWrite, settlePlatformWrite, type PlatformSyncOutcome } from './platform-sync.service';

type StatusResult = { listing: Listing | null; platformSync: PlatformSync | null; note: string | null; errors: UserError[] };

const fail = (errors: UserError[]): StatusResult => ({ listing: null, platformSync: null, note: null, errors });

/** The item and all its listings, loaded together so status changes and the item's LISTED state stay consistent in one flush. */
async function itemWithListings(em: EntityManager, itemId: string, scoped: boolean) {
  const options = scoped ? {} : { filters: false as const };
  // Sequential on purpose: callers may pass an EntityManager inside a transaction, whose one connection cannot run queries in parallel.
  const item = await em.findOne(InventoryItem, itemId, options);
  const listings = await em.find(Listing, { inventoryItemId: itemId }, options);
  return { item: item!, listings };
}

/** Sends the owed platform writes of `listings` (already flushed as outbox entries), flushes, polls what is pending, publishes. */
async function pushOwed(ctx: Context, listings: Listing[], sellable: boolean): Promise<Map<string, PlatformSyncOutcome>> {
  const outcomes = new Map<string, PlatformSyncOutcome>();
  for (const listing of listings) {
    if (listing.externalOperationStatus !== ListingOperationStatus.PENDING || listing.externalOperationId) continue;
    outcomes.set(listing.id, await settlePlatformWrite(ctx.em, listing, { sellable }));
  }
  if (outcomes.size) await ctx.em.flush();
  for (const [id, outcome] of outcomes) if (outcome.platformSync === PlatformSync.PENDING) await enqueueOperationPoll(ctx, id);
  return outcomes;
}

async function changeStatus(ctx: Context, id: string, activate: boolean): Promise<StatusResult> {
  const found = await findListing(ctx, id);
  if (!found) return fail([userError(ErrorCode.NOT_FOUND, 'No such listing.', ['id'])]);
  if (FINAL_LISTING_STATUSES.includes(found.status)) return fail([userError(ErrorCode.CONFLICT, `The listing is ${found.status}; that is final.`, ['id'])]);
  if (found.status === ListingStatus.PENDING) return fail([userError(ErrorCode.CONFLICT, 'A platform operation of this listing is still in progress; wait for listingChanged.', ['id'])]);
  const target = activate ? ListingStatus.ACTIVE : ListingStatus.INACTIVE;
  if (found.status === target) return { listing: found, platformSync: null, note: `Already ${target}.`, errors: [] };
  const { item, listings } = await itemWithListings(ctx.em, found.inventoryItemId, true);
  const listing = listings.find((l) => l.id === found.id)!;
  if (activate) {
    const why = whyNotSellable(item);
    if (why) return fail([userError(ErrorCode.CONFLICT, `Cannot activate: ${why}.`, ['id'])]);
  }
  const platform = (await ctx.em.findOne(Platform, listing.platformId))!;
  // Deactivating a listing that exists only here needs no platform; creating one on activation does.
  const touchesPlatform = activate || !!listing.externalListingId;
  const channel = touchesPlatform ? await listingChannelFor(ctx.em, listing.accountId, platform.slug) : null;
  const now = ctx.clock.now();
  if (channel) {
    listing.status = ListingStatus.PENDING;
    owePlatformWrite(listing, activate ? ListingOperationType.ACTIVATE : ListingOperationType.DEACTIVATE);
  } else {
    listing.status = target;
    if (activate) listing.listedAt ??= now;
    else listing.delistedAt = now;
  }
  applyItemListingState(item, hasLiveListing(listings));
  await ctx.em.flush();
  let outcome = localOnly(platform.name, touchesPlatform ? 'NO_CONNECTION' : 'NOT_ON_PLATFORM');
  if (channel) {
    outcome = (await pushOwed(ctx, [listing], true)).get(listing.id) ?? outcome;
    applyItemListingState(item, hasLiveListing(listings));
    await ctx.em.flush();
  }
  publishListingChanges(ctx.pubsub, [listing]);
  return { listing, ...outcome, errors: [] };
}

/** Puts a draft or inactive listing up for sale, on its platform when the account is connected there. */
export const activateListing = (ctx: Context, input: { id: string }) => changeStatus(ctx, input.id, true);

/** Takes a listing down, on its platform when the account is connected there. */
export const deactivateListing = (ctx: Context, input: { id: string }) => changeStatus(ctx, input.id, false);

/** Takes listings down because their item can no longer be sold: INACTIVE at once here, a DEACTIVATE owed to each platform. */
function takeDown(listings: Listing[], now: Date): Listing[] {
  const taken: Listing[] = [];
  for (const listing of listings) {
    if (!LIVE_LISTING_STATUSES.includes(listing.status) || listing.status === ListingStatus.INACTIVE) continue;
    const wasOnPlatform = !!listing.externalListingId;
    listing.status = ListingStatus.INACTIVE;
    listing.delistedAt = now;
    if (wasOnPlatform) owePlatformWrite(listing, ListingOperationType.DEACTIVATE);
    taken.push(listing);
  }
  return taken;
}

/** The result of deactivating an item's other listings. */
export interface DelistResult {
  listing: Listing;
  outcome: PlatformSyncOutcome | null;
}

/**
 * Auto-delist: when an item sold on one platform, its other live listings come down everywhere, so it cannot
 * sell twice. Local state changes in one flush; each platform that holds the listing then gets a DEACTIVATE
 * (the operation job retries what cannot be sent now).
 */
export async function deactivateOtherListings(ctx: Context, inventoryItemId: string, exceptListingId: string | null): Promise<DelistResult[]> {
  const { item, listings } = await itemWithListings(ctx.em, inventoryItemId, !!ctx.viewer);
  if (!item) return [];
  const taken = takeDown(listings.filter((l) => l.id !== exceptListingId), ctx.clock.now());
  if (!taken.length) return [];
  applyItemListingState(item, hasLiveListing(listings));
  await ctx.em.flush();
  const outcomes = await pushOwed(ctx, taken, false);
  publishListingChanges(ctx.pubsub, taken);
  return taken.map((listing) => ({ listing, outcome: outcomes.get(listing.id) ?? null }));
}

/** What the orders side knows about a sale; everything is optional. */
export interface SaleFacts {
  /** The price it sold at (default: the ask). */
  price?: Decimal | null;
  /** Net proceeds as the platform reported them (default: computed from the platform's fees). */
  netProceeds?: Decimal | null;
  soldAt?: Date | null;
  /** Units sold (default 1). */
  units?: number;
}

/** The outcome of {@link markListingSold}. */
export interface MarkSoldResult {
  /** The listing, SOLD; null when no such listing (for the caller's account) exists. */
  listing: Listing | null;
  /** The item's other listings that were taken down (its last unit sold). */
  delisted: Listing[];
}

const isContext = (target: Context | EntityManager): target is Context => 'em' in target && 'loaders' in target;

/**
 * Marks a listing SOLD, records the sale on its item and, when that was the item's last unit, takes its other
 * listings down. Idempotent (a second report of the same sale changes nothing).
 *
 * With a Context (the viewer's or a job's): flushed, platform deactivations sent, listingChanged published.
 * With an EntityManager (e.g. inside the order sync's page transaction): changes are made in that unit of work
 * and flushed there; the platform deactivations are left as owed operations for the operation job, and the
 * caller may publish `publishListingChanges` after its commit.
 */
export async function markListingSold(target: Context | EntityManager, listingId: string, sale: SaleFacts = {}): Promise<MarkSoldResult> {
  const em = isContext(target) ? target.em : target;
  const scoped = isContext(target) && !!target.viewer;
  const listing = await em.findOne(Listing, listingId, scoped ? {} : { filters: false });
  if (!listing) return { listing: null, delisted: [] };
  if (listing.status === ListingStatus.SOLD) return { listing, delisted: [] };
  const { item, listings } = await itemWithListings(em, listing.inventoryItemId, scoped);
  const rule = await em.findOne(RepricingRule, { listingId }, { filters: false });
  const platform = await em.findOneOrFail(Platform, listing.platformId);
  const now = new Date();
  const self = listings.find((l) => l.id === listing.id)!;
  const price = sale.price ?? self.askPrice;
  self.status = ListingStatus.SOLD;
  self.soldAt = sale.soldAt ?? now;
  self.soldPrice = price;
  self.soldNetProceeds = sale.netProceeds ?? computeNetProceeds({ salePrice: price, schedule: platform }).netProceeds;
  self.soldStrategy = rule?.strategy ?? null;
  // The sale ends whatever this listing still owed its platform.
  if (self.externalOperationStatus === ListingOperationStatus.PENDING) self.externalOperationStatus = ListingOperationStatus.SUCCEEDED;
  const soldOut = recordItemSale(item, sale.units ?? 1);
  const delisted = soldOut ? takeDown(listings.filter((l) => l.id !== self.id), now) : [];
  applyItemListingState(item, hasLiveListing(listings));
  await em.flush();
  if (isContext(target)) {
    await pushOwed(target, delisted, false);
    publishListingChanges(target.pubsub, [self, ...delisted]);
  }
  return { listing: self, delisted };
}
