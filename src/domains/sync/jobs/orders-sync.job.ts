import { defineJob } from '../../../jobs/job-task';
import { runDeltaSync } from '../delta-sync.service';
import { SyncKind } from '../entities/sync.enums';
import { connectionSyncKey } from '../sync-run.service';
import { jobInfo } from './job-info';

declare module '../../../jobs/job-queue' {
  interface JobPayloads {
    /** Runs the active ORDERS run of the connection (ids only: never a credential). */
    'orders.sync': { connectionId: string };
  }
}

/** Delta sync of a seller connection's orders, from its cursor; one job per connection at a time. */
export const ordersSyncJob = defineJob({
  name: 'orders.sync',
  description: "Fetches a seller connection's orders changed since its cursor, one transaction per page.",
  // Waiting duplicates collapse per key; a job left active by a killed worker must not block the next one (stately would).
  policy: 'short',
  retry: { limit: 3, delay: 30, backoff: true },
  singletonKey: (data) => connectionSyncKey(data.connectionId, SyncKind.ORDERS),
  expireInSeconds: 60 * 60,
  concurrency: 4,
  handler: (ctx, data) => runDeltaSync(ctx, data.connectionId, SyncKind.ORDERS, jobInfo(ctx)),
});
