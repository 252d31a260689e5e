import type { Context } from '../../../common/context';
import type { Listing } from '../entities/listing.entity';
import { ListingStatus } from './listing.enums';
import { OPERATION_POLL_SECONDS } from './platform-sync.service';

/** True when one of the listings is up for sale or on its way there (the item is LISTED). */
export const hasLiveListing = (listings: readonly Listing[]): boolean =>
  listings.some((l) => l.status === ListingStatus.ACTIVE || l.status === ListingStatus.PENDING);

/** Polls (or sends) a listing's pending platform operation in the background; one waiting job per listing. */
export async function enqueueOperationPoll(ctx: Pick<Context, 'jobs' | 'log'>, listingId: string, attempt = 1, delaySeconds = OPERATION_POLL_SECONDS): Promise<void> {
  if (!ctx.jobs) {
    ctx.log.warn({ listingId }, 'no job queue in this process: the pending listing operation is left to the sweep');
    return;
  }
  await ctx.jobs.send('selling.listing-operation', { listingId, attempt }, { singletonKey: listingId, startAfter: delaySeconds });
}
