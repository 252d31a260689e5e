import type { EntityManager } from '@mikro-orm/postgresql';
import type Decimal from 'decimal.js';
import type { Context } from '../../../common/context';
import { ErrorCode, userError, type UserError } from '../../../common/errors';
import { inTransaction, lockRow } from '../../../common/orm/row-locks';
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

/**
 * The item, locked, and all its listings as committed: the item row is the lock of the item and its listings, so
 * sales, status changes and the item's LISTED state are decided one writer at a time. Only inside a transaction.
 */
async function itemWithListings(em: EntityManager, itemId: string, scoped: boolean) {
  const options = scoped ? {} : { filters: false as const };
  // Sequential on purpose: inside a transaction there is one connection, which cannot run queries in parallel.
  const item = await lockRow(em, InventoryItem, itemId, options);
  const listings = await em.find(Listing, { inventoryItemId: itemId }, { ...options, refresh: true });
  return { item: item!, listings };
}

/** Sends the owed platform writes of `listings` (already committed as outbox entries), flushes, polls what is pending. */
export async function pushOwed(ctx: Context, listings: Listing[], sellable: boolean): Promise<Map<string, PlatformSyncOutcome>> {
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
  const target = activate ? ListingStatus.ACTIVE : ListingStatus.INACTIVE;
  const changed = await inTransaction(ctx.em, async () => {
    const { item, listings } = await itemWithListings(ctx.em, found.inventoryItemId, true);
    const listing = listings.find((l) => l.id === found.id)!;
    if (FINAL_LISTING_STATUSES.includes(listing.status)) return fail([userError(ErrorCode.CONFLICT, `The listing is ${listing.status}; that is final.`, ['id'])]);
    if (listing.status === ListingStatus.PENDING) return fail([userError(ErrorCode.CONFLICT, 'A platform operation of this listing is still in progress; wait for listingChanged.', ['id'])]);
    if (listing.status === target) return { listing, platformSync: null, note: `Already ${target}.`, errors: [] };
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
    return { listing, item, listings, channel, outcome: localOnly(platform.name, touchesPlatform ? 'NO_CONNECTION' : 'NOT_ON_PLATFORM') };
  });
  if (!('item' in changed)) return changed;
  const { listing, item, listings, channel } = changed;
  let outcome = changed.outcome;
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
 * The local half of auto-delist, in the caller's transaction: locks the item and takes its other live listings
 * down (INACTIVE, a DEACTIVATE owed to each platform that holds one); flushed. The caller sends the owed writes
 * ({@link pushOwed}) and publishes once committed.
 */
export async function takeDownOtherListings(em: EntityManager, inventoryItemId: string, exceptListingId: string | null, scoped: boolean): Promise<Listing[]> {
  const { item, listings } = await itemWithListings(em, inventoryItemId, scoped);
  if (!item) return [];
  const taken = takeDown(listings.filter((l) => l.id !== exceptListingId), new Date());
  if (!taken.length) return [];
  applyItemListingState(item, hasLiveListing(listings));
  await em.flush();
  return taken;
}

/**
 * Auto-delist: when an item sold on one platform, its other live listings come down everywhere, so it cannot
 * sell twice. Local state changes in one transaction; each platform that holds the listing then gets a DEACTIVATE
 * (the operation job retries what cannot be sent now).
 */
export async function deactivateOtherListings(ctx: Context, inventoryItemId: string, exceptListingId: string | null): Promise<DelistResult[]> {
  const taken = await inTransaction(ctx.em, () => takeDownOtherListings(ctx.em, inventoryItemId, exceptListingId, !!ctx.viewer));
  if (!taken.length) return [];
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
 * listings down, with the item row locked (in the caller's transaction, else in one of its own). Idempotent (a
 * second report of the same sale changes nothing).
 *
 * With a Context (the viewer's or a job's): flushed, platform deactivations sent, listingChanged published.
 * With an EntityManager (e.g. inside the order sync's page transaction): changes are made in that unit of work
 * and flushed there; the platform deactivations are left as owed operations for the operation job, and the
 * caller may publish `publishListingChanges` after its commit.
 */
export async function markListingSold(target: Context | EntityManager, listingId: string, sale: SaleFacts = {}): Promise<MarkSoldResult> {
  const em = isContext(target) ? target.em : target;
  const scoped = isContext(target) && !!target.viewer;
  const result = await inTransaction(em, async (): Promise<MarkSoldResult & { changed: boolean }> => {
    const found = await em.findOne(Listing, listingId, scoped ? {} : { filters: false });
    if (!found) return { listing: null, delisted: [], changed: false };
    const { item, listings } = await itemWithListings(em, found.inventoryItemId, scoped);
    const self = listings.find((l) => l.id === found.id)!;
    if (self.status === ListingStatus.SOLD) return { listing: self, delisted: [], changed: false };
    const rule = await em.findOne(RepricingRule, { listingId }, { filters: false });
    const platform = await em.findOneOrFail(Platform, self.platformId);
    const now = new Date();
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
    return { listing: self, delisted, changed: true };
  });
  if (isContext(target) && result.changed) {
    await pushOwed(target, result.delisted, false);
    publishListingChanges(target.pubsub, [result.listing!, ...result.delisted]);
  }
  return { listing: result.listing, delisted: result.delisted };
}
