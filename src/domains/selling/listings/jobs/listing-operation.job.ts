import { defineJob } from '../../../../jobs/job-task';
import { applyItemListingState, InventoryItem, whyNotSellable } from '../../../inventory';
import { Listing } from '../../entities/listing.entity';
import { publishListingChanges } from '../listing-events';
import { enqueueOperationPoll, hasLiveListing } from '../listing-state';
import { ListingOperationStatus, PlatformSync } from '../listing.enums';
import { settlePlatformWrite } from '../platform-sync.service';

declare module '../../../../jobs/job-queue' {
  interface JobPayloads {
    /** Sends a listing's owed platform write, or polls the asynchronous one in flight. */
    'selling.listing-operation': { listingId: string; attempt?: number };
  }
}

/** Polls of one asynchronous operation before it is declared failed (every 5 s: ten minutes). */
export const MAX_OPERATION_POLLS = 120;

/** Finishes a listing's platform write: sends it when owed, polls it while the platform says PENDING. */
export const listingOperationJob = defineJob({
  name: 'selling.listing-operation',
  description: "Sends a listing's owed platform write or polls an asynchronous one (StockX) until it succeeds or fails.",
  singletonKey: (data) => data.listingId,
  retry: { limit: 3, delay: 10, backoff: true },
  expireInSeconds: 120,
  concurrency: 2,
  async handler(ctx, data) {
    const listing = await ctx.em.findOne(Listing, data.listingId, { filters: false });
    if (!listing || listing.externalOperationStatus !== ListingOperationStatus.PENDING) return { skipped: true };
    const [item, siblings] = await Promise.all([
      ctx.em.findOneOrFail(InventoryItem, listing.inventoryItemId, { filters: false }),
      ctx.em.find(Listing, { inventoryItemId: listing.inventoryItemId }, { filters: false }),
    ]);
    const attempt = data.attempt ?? 1;
    let outcome = await settlePlatformWrite(ctx.em, listing, { sellable: !whyNotSellable(item) });
    if (outcome.platformSync === PlatformSync.PENDING && attempt >= MAX_OPERATION_POLLS) {
      listing.externalOperationStatus = ListingOperationStatus.FAILED;
      listing.externalOperationError = `no outcome from the platform after ${MAX_OPERATION_POLLS} polls`;
      outcome = { platformSync: PlatformSync.FAILED, note: listing.externalOperationError };
    }
    applyItemListingState(item, hasLiveListing(siblings));
    await ctx.em.flush();
    if (outcome.platformSync === PlatformSync.PENDING) await enqueueOperationPoll(ctx, listing.id, attempt + 1);
    publishListingChanges(ctx.pubsub, [listing]);
    return { platformSync: outcome.platformSync, attempt };
  },
});
