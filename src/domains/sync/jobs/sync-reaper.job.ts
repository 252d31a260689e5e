import { defineJob } from '../../../jobs/job-task';
import { reapStaleRuns } from '../sync-maintenance.service';

declare module '../../../jobs/job-queue' {
  interface JobPayloads {
    'sync.reap': Record<string, never>;
  }
}

/**
 * Re-queues (or fails as "worker lost") runs whose worker stopped reporting, in one worker at a time, twice per
 * SYNC_RUN_STALE_AFTER_SECONDS; also at every worker start, so a restarted worker picks up what its predecessor left.
 */
export const syncReaperJob = defineJob({
  name: 'sync.reap',
  description: 'Re-queues sync runs whose worker died (or fails them as worker lost) and re-sends runs whose job is gone.',
  every: (config) => Math.max(1, Math.ceil(config.sync.runStaleAfterSeconds / 2)),
  runAtStart: true,
  // Waiting duplicates collapse per key; a job left active by a killed worker must not block the next one (stately would).
  policy: 'short',
  retry: { limit: 1, delay: 5, backoff: false },
  expireInSeconds: 120,
  handler: async (ctx) => ({ ...(await reapStaleRuns(ctx)) }),
});
