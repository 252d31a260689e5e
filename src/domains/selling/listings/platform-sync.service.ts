import type { EntityManager } from '@mikro-orm/postgresql';
import { Dec } from '../../../common/money';
import { ExternalRef, Platform, Variant } from '../../catalog';
import type { Listing } from '../entities/listing.entity';
import { listingChannelFor, type ChannelOperation, type ListingChannel } from './listing-channel';
import { ListingOperationStatus, ListingOperationType, ListingStatus, PlatformSync } from './listing.enums';

/** What a listing change did on the marketplace, for mutation payloads. */
export interface PlatformSyncOutcome {
  platformSync: PlatformSync;
  note: string;
}

/** Seconds between two polls of an asynchronous platform operation. */
export const OPERATION_POLL_SECONDS = 5;

/** Records a write the platform owes us (an outbox entry): sent right away by mutations, by the operation job otherwise. */
export function owePlatformWrite(listing: Listing, type: ListingOperationType): void {
  listing.externalOperationType = type;
  listing.externalOperationStatus = ListingOperationStatus.PENDING;
  listing.externalOperationId = null;
  listing.externalOperationError = null;
}

function clearOperation(listing: Listing): void {
  listing.externalOperationType = null;
  listing.externalOperationStatus = null;
  listing.externalOperationId = null;
  listing.externalOperationError = null;
}

const VERB: Record<ListingOperationType, string> = {
  CREATE: 'create listings',
  UPDATE_PRICE: 'change listing prices',
  ACTIVATE: 'activate listings',
  DEACTIVATE: 'deactivate listings',
};

/** No connection, or nothing to do on the platform: MarketGraph's record is the only one. */
export function localOnly(platformName: string, why: 'NO_CONNECTION' | 'NOT_ON_PLATFORM' | ListingOperationType): PlatformSyncOutcome {
  const note =
    why === 'NO_CONNECTION'
      ? `No ${platformName} seller connection: the change is tracked in MarketGraph only. Make it on ${platformName} yourself, or connect the account.`
      : why === 'NOT_ON_PLATFORM'
        ? `The listing does not exist on ${platformName}: the change is tracked in MarketGraph only.`
        : `${platformName}'s API cannot ${VERB[why]}: the change is tracked in MarketGraph only.`;
  return { platformSync: PlatformSync.LOCAL_ONLY, note };
}

/** The platform's ids of the listing's size, which creating a listing needs. */
async function createInput(em: EntityManager, listing: Listing, platform: Platform) {
  const variant = await em.findOne(Variant, listing.variantId, { filters: false });
  const refs = variant ? await em.find(ExternalRef, { productId: variant.productId, platformId: platform.id }, { filters: false }) : [];
  const productRef = refs.find((r) => !r.variantId);
  const variantRef = refs.find((r) => r.variantId === listing.variantId);
  if (!productRef) return null;
  return {
    externalProductId: productRef.externalId,
    externalVariantId: variantRef?.externalId,
    sizeKey: variant!.sizeKey,
    amount: new Dec(listing.askPrice).toFixed(2),
    currency: listing.currency.trim(),
    active: true,
    expiresAt: listing.expiresAt ?? undefined,
  };
}

type Send = { op: ChannelOperation } | { local: PlatformSyncOutcome } | { failed: string };

async function send(em: EntityManager, channel: ListingChannel, listing: Listing, platform: Platform): Promise<Send> {
  const type = listing.externalOperationType!;
  const external = listing.externalListingId;
  if (listing.externalOperationId) {
    if (!channel.pollOperation) return { failed: `${platform.name} cannot report the outcome of operation ${listing.externalOperationId}` };
    return {
      op: await channel.pollOperation({
        platform: platform.slug,
        operationType: type,
        status: 'PENDING',
        externalListingId: external ?? null,
        operationId: listing.externalOperationId,
        error: null,
        raw: null,
      }),
    };
  }
  const creating = type === ListingOperationType.CREATE || (type === ListingOperationType.ACTIVATE && !external);
  if (creating) {
    if (!channel.createListing) return { local: localOnly(platform.name, ListingOperationType.CREATE) };
    const input = await createInput(em, listing, platform);
    if (!input) return { failed: `no ${platform.name} product id is linked to this product (linkExternalRef), so the listing cannot be created there` };
    return { op: await channel.createListing(input) };
  }
  if (!external) return { local: localOnly(platform.name, 'NOT_ON_PLATFORM') };
  const amount = new Dec(listing.askPrice).toFixed(2);
  switch (type) {
    case ListingOperationType.UPDATE_PRICE:
      if (!channel.updateListingPrice) return { local: localOnly(platform.name, type) };
      // Shopify addresses a variant's price through its product.
      return { op: await channel.updateListingPrice({ externalListingId: external, amount, currency: listing.currency.trim(), externalProductId: (await createInput(em, listing, platform))?.externalProductId }) };
    case ListingOperationType.ACTIVATE:
      if (!channel.activateListing) return { local: localOnly(platform.name, type) };
      return { op: await channel.activateListing(external) };
    default:
      if (!channel.deactivateListing) return { local: localOnly(platform.name, ListingOperationType.DEACTIVATE) };
      return { op: await channel.deactivateListing(external) };
  }
}

/**
 * The listing status an operation's outcome implies. `sellable` is false when the item can no longer be sold
 * (a deactivation that failed must not put a sold item back on sale in MarketGraph's books).
 */
function applyOutcome(listing: Listing, status: ListingOperationStatus, sellable: boolean, now: Date): void {
  const type = listing.externalOperationType;
  if (type === ListingOperationType.CREATE || type === ListingOperationType.ACTIVATE) {
    if (status === ListingOperationStatus.SUCCEEDED) {
      listing.status = ListingStatus.ACTIVE;
      listing.listedAt ??= now;
    } else if (status === ListingOperationStatus.FAILED) listing.status = listing.listedAt ? ListingStatus.INACTIVE : ListingStatus.DRAFT;
  } else if (type === ListingOperationType.DEACTIVATE) {
    if (status === ListingOperationStatus.SUCCEEDED) {
      listing.status = ListingStatus.INACTIVE;
      listing.delistedAt ??= now;
    } else if (status === ListingOperationStatus.FAILED && listing.status === ListingStatus.PENDING) {
      listing.status = sellable ? ListingStatus.ACTIVE : ListingStatus.INACTIVE;
    }
  }
}

/**
 * Sends the write a listing owes its platform (or polls the one in flight) and applies the answer to the listing;
 * the caller flushes. PENDING means an asynchronous platform is still working: poll again later.
 */
export async function settlePlatformWrite(em: EntityManager, listing: Listing, options: { sellable: boolean; channel?: ListingChannel | null }): Promise<PlatformSyncOutcome> {
  const platform = await em.findOneOrFail(Platform, listing.platformId, { filters: false });
  if (listing.externalOperationStatus !== ListingOperationStatus.PENDING) return { platformSync: PlatformSync.SYNCED, note: `Nothing owed to ${platform.name}.` };
  const channel = options.channel !== undefined ? options.channel : await listingChannelFor(em, listing.accountId, platform.slug);
  const now = new Date();
  if (!channel) {
    clearOperation(listing);
    return localOnly(platform.name, 'NO_CONNECTION');
  }
  let result: Send;
  try {
    result = await send(em, channel, listing, platform);
  } catch (error) {
    result = { failed: error instanceof Error ? error.message : String(error) };
  }
  if ('local' in result) {
    clearOperation(listing);
    return result.local;
  }
  if ('failed' in result) {
    listing.externalOperationStatus = ListingOperationStatus.FAILED;
    listing.externalOperationError = result.failed;
    applyOutcome(listing, ListingOperationStatus.FAILED, options.sellable, now);
    return { platformSync: PlatformSync.FAILED, note: `${platform.name} did not apply the change: ${result.failed}` };
  }
  const { op } = result;
  const status = op.status as ListingOperationStatus;
  listing.externalOperationStatus = status;
  listing.externalOperationId = status === ListingOperationStatus.PENDING ? op.operationId : null;
  listing.externalOperationError = op.error;
  if (op.externalListingId) listing.externalListingId = op.externalListingId;
  applyOutcome(listing, status, options.sellable, now);
  if (status === ListingOperationStatus.SUCCEEDED) return { platformSync: PlatformSync.SYNCED, note: `Applied on ${platform.name}.` };
  if (status === ListingOperationStatus.PENDING) {
    return { platformSync: PlatformSync.PENDING, note: `${platform.name} accepted the change asynchronously; it is polled in the background and listingChanged reports the outcome.` };
  }
  return { platformSync: PlatformSync.FAILED, note: `${platform.name} refused the change: ${op.error ?? 'no reason given'}` };
}
