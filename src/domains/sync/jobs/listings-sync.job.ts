import { defineJob } from '../../../jobs/job-task';
import { runDeltaSync } from '../delta-sync.service';
import { SyncKind } from '../entities/sync.enums';
import { connectionSyncKey } from '../sync-run.service';
import { jobInfo } from './job-info';

declare module '../../../jobs/job-queue' {
  interface JobPayloads {
    /** Runs the active LISTINGS run of the connection (ids only: never a credential). */
    'listings.sync': { connectionId: string };
  }
}

/** Sync of a seller connection's listings, resumable from its cursor; one job per connection at a time. */
export const listingsSyncJob = defineJob({
  name: 'listings.sync',
  description: "Fetches a seller connection's listings page by page from its cursor, one transaction per page.",
  // Waiting duplicates collapse per key; a job left active by a killed worker must not block the next one (stately would).
  policy: 'short',
  retry: { limit: 3, delay: 30, backoff: true },
  singletonKey: (data) => connectionSyncKey(data.connectionId, SyncKind.LISTINGS),
  expireInSeconds: 60 * 60,
  concurrency: 4,
  handler: (ctx, data) => runDeltaSync(ctx, data.connectionId, SyncKind.LISTINGS, jobInfo(ctx)),
});
