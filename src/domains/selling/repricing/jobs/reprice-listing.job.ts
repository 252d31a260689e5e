import { defineJob } from '../../../../jobs/job-task';
import { ListingStatus } from '../../listings/listing.enums';
import { runRepricing } from '../reprice-run.service';

declare module '../../../../jobs/job-queue' {
  interface JobPayloads {
    /** Reprices one listing after price events (debounced by its singleton key). */
    'selling.reprice-listing': { listingId: string };
  }
}

/** Event-driven reprice of one listing; history reason MARKET_UPDATE. */
export const repriceListingJob = defineJob({
  name: 'selling.reprice-listing',
  description: 'Reprices one listing after market price events (debounced per listing).',
  singletonKey: (data) => data.listingId,
  retry: { limit: 2, delay: 5, backoff: true },
  expireInSeconds: 120,
  concurrency: 4,
  async handler(ctx, data) {
    const result = await runRepricing(
      ctx,
      { accountId: null, statuses: [ListingStatus.ACTIVE], listingIds: [data.listingId], requireRule: true },
      { dryRun: false, trigger: 'EVENT' },
    );
    return { evaluated: result.evaluated, applied: result.applied };
  },
});
