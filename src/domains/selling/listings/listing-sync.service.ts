import type { EntityManager } from '@mikro-orm/postgresql';
import type Decimal from 'decimal.js';
import type { Logger } from 'pino';
import { Dec, roundMoney } from '../../../common/money';
import type { PubSub } from '../../../common/pubsub';
import { applyItemListingState, InventoryItem } from '../../inventory';
import { UnifiedListingStatus, type ListingSink, type NormalizedListing, type SinkResult, type SyncTarget } from '../../sync';
import { Listing } from '../entities/listing.entity';
import { PricingHistory } from '../entities/pricing-history.entity';
import { RepricingRule } from '../entities/repricing-rule.entity';
import { afterCommit } from '../../../common/orm/after-commit';
import { pgArray, rawRows } from '../../../common/sql';
import { RepricingStrategyKind } from '../repricing/repricing-strategy';
import { publishListingChanges } from './listing-events';
import { hasLiveListing } from './listing-state';
import { markListingSold } from './listing-status.service';
import { FINAL_LISTING_STATUSES, ListingOperationStatus, ListingStatus, PricingReason } from './listing.enums';

/** The listing status a platform's unified status stands for. */
const STATUS_OF: Record<UnifiedListingStatus, ListingStatus> = {
  [UnifiedListingStatus.PENDING]: ListingStatus.PENDING,
  [UnifiedListingStatus.ACTIVE]: ListingStatus.ACTIVE,
  [UnifiedListingStatus.INACTIVE]: ListingStatus.INACTIVE,
  [UnifiedListingStatus.SOLD]: ListingStatus.SOLD,
  [UnifiedListingStatus.DELETED]: ListingStatus.DELETED,
};

/** The reported ask, validated against the listing; a RangeError marks the synced listing as malformed. */
function reportedAsk(listing: Listing, reported: NormalizedListing): Decimal | null {
  if (reported.amount === null || reported.amount === undefined || reported.amount === '') return null;
  let amount: Decimal;
  try {
    amount = roundMoney(reported.amount);
  } catch {
    throw new RangeError(`amount ${JSON.stringify(reported.amount)} is not a decimal`);
  }
  if (!amount.isFinite() || amount.lte(0)) throw new RangeError(`amount ${reported.amount} is not a positive price`);
  const currency = reported.currency?.trim().toUpperCase();
  if (currency !== listing.currency.trim()) throw new RangeError(`currency ${JSON.stringify(reported.currency)} differs from the listing's ${listing.currency.trim()}`);
  return amount;
}

/** The status the listing takes: unknown platform statuses and anything after a final status keep what we have. */
function nextStatus(listing: Listing, reported: NormalizedListing, log: Logger, context: Record<string, unknown>): ListingStatus {
  const target = reported.status ? STATUS_OF[reported.status] : undefined;
  if (!target) {
    log.warn(context, 'synced listing status unknown to the platform status table; listing status unchanged');
    return listing.status;
  }
  if (target !== listing.status && FINAL_LISTING_STATUSES.includes(listing.status)) {
    log.warn({ ...context, current: listing.status, reported: target }, 'synced listing reports a status after a final one; kept the final status');
    return listing.status;
  }
  return target;
}

/**
 * Locks the inventory items behind a page's listings, in id order, before anything is read or written: a sale
 * locks its item and then its listings, so a page that wrote listings first and their items at flush could
 * deadlock with a sale of one of them. The listings are read after the lock, as the last sale left them.
 */
async function lockItemsOfPage(em: EntityManager, target: SyncTarget, externalListingIds: string[]): Promise<void> {
  await rawRows(
    em,
    `select i.id from inventory_item i join listing l on l.inventory_item_id = i.id
      where l.account_id = ? and l.platform_id = ? and l.external_listing_id = any(?::text[])
      order by i.id for update of i`,
    [target.accountId, target.platformId, pgArray(externalListingIds)],
  );
}

/**
 * Applies one page of synced listings inside the page's transaction. Only listings MarketGraph already has are
 * touched, matched by (account, platform, external listing id): their status follows the platform, and a
 * different ask becomes the listing's ask with a PricingHistory row (MANUAL: the seller changed it on the
 * platform). Platform listings without a match are skipped and logged (no inventory is invented for them);
 * a listing with a write still owed to its platform is left alone, since the platform has not caught up with
 * it yet. A replayed page changes nothing. listingChanged is published for changed listings after the commit.
 */
export async function writeSyncedListings(em: EntityManager, pubsub: PubSub, target: SyncTarget, page: NormalizedListing[], log: Logger): Promise<SinkResult> {
  const reports = new Map(page.map((l) => [l.externalListingId, l]));
  if (!reports.size) return { written: 0, failed: 0 };
  const scope = { accountId: target.accountId, platformId: target.platformId };
  await lockItemsOfPage(em, target, [...reports.keys()]);
  const listings = await em.find(Listing, { ...scope, externalListingId: { $in: [...reports.keys()] } }, { filters: false });
  const byExternalId = new Map(listings.map((l) => [l.externalListingId!, l]));
  const rules = listings.length ? await em.find(RepricingRule, { listingId: { $in: listings.map((l) => l.id) } }, { filters: false }) : [];
  const ruleOf = new Map(rules.map((r) => [r.listingId, r]));

  const now = new Date();
  let failed = 0;
  let skipped = 0;
  const changed = new Map<string, Listing>();
  const restated = new Set<string>();
  for (const reported of reports.values()) {
    const context = { connectionId: target.connectionId, platform: target.platform, externalListingId: reported.externalListingId, rawStatus: reported.rawStatus };
    const listing = byExternalId.get(reported.externalListingId);
    if (!listing) {
      skipped++;
      log.info(context, 'synced listing unknown to MarketGraph skipped; no inventory item is created for it');
      continue;
    }
    if (listing.externalOperationStatus === ListingOperationStatus.PENDING) {
      log.info({ ...context, listingId: listing.id, operation: listing.externalOperationType }, 'synced listing left alone: a write to the platform is still owed');
      continue;
    }
    let ask: Decimal | null;
    try {
      ask = reportedAsk(listing, reported);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      failed++;
      log.warn({ ...context, listingId: listing.id, reason: error.message }, 'synced listing skipped: malformed');
      continue;
    }
    const status = nextStatus(listing, reported, log, context);
    if (status === ListingStatus.SOLD && listing.status !== ListingStatus.SOLD) {
      // A sale also settles the item and takes its other listings down; that path owns those rules.
      const sold = await markListingSold(em, listing.id, { price: ask, soldAt: reported.updatedAt ?? now });
      for (const l of [listing, ...sold.delisted]) changed.set(l.id, l);
      continue;
    }
    if (status !== listing.status) {
      listing.status = status;
      if (status === ListingStatus.ACTIVE) listing.listedAt ??= now;
      if (status === ListingStatus.INACTIVE || status === ListingStatus.DELETED) listing.delistedAt = now;
      restated.add(listing.inventoryItemId);
      changed.set(listing.id, listing);
    }
    if (ask && !FINAL_LISTING_STATUSES.includes(status) && !ask.eq(listing.askPrice)) {
      const rule = ruleOf.get(listing.id);
      em.persist(
        Object.assign(new PricingHistory(), {
          accountId: listing.accountId,
          listingId: listing.id,
          oldPrice: listing.askPrice,
          newPrice: ask,
          currency: listing.currency,
          reason: PricingReason.MANUAL,
          strategy: rule?.strategy ?? null,
        }),
      );
      log.info({ ...context, listingId: listing.id, oldPrice: new Dec(listing.askPrice).toFixed(2), newPrice: ask.toFixed(2) }, 'ask changed on the platform; recorded as a manual price change');
      listing.askPrice = ask;
      listing.lastPriceChangeAt = now;
      // A FIXED rule would otherwise put the old price back (and push it to the platform) on its next run.
      if (rule?.strategy === RepricingStrategyKind.FIXED) rule.fixedPrice = ask;
      changed.set(listing.id, listing);
    }
  }
  if (restated.size) {
    // Loaded after the changes on purpose: the identity map keeps them, so the item sees its listings as they are now.
    const items = await em.find(InventoryItem, { id: { $in: [...restated] } }, { filters: false });
    const siblings = await em.find(Listing, { inventoryItemId: { $in: [...restated] } }, { filters: false });
    for (const item of items) applyItemListingState(item, hasLiveListing(siblings.filter((l) => l.inventoryItemId === item.id)));
  }
  await em.flush();
  if (skipped) log.info({ connectionId: target.connectionId, platform: target.platform, skipped }, 'synced listings unknown to MarketGraph skipped');
  const published = [...changed.values()];
  if (published.length) afterCommit(em, log, () => publishListingChanges(pubsub, published));
  return { written: changed.size, failed };
}

/** The listing store the sync engine writes through (registered with the sync domain's setListingSink at start-up). */
export function createListingSink(pubsub: PubSub): ListingSink {
  return { writeListings: (em, target, listings, log) => writeSyncedListings(em, pubsub, target, listings, log) };
}
