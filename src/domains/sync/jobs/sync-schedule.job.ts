import { defineJob } from '../../../jobs/job-task';
import { scheduleConnectionSyncs } from '../sync-maintenance.service';

declare module '../../../jobs/job-queue' {
  interface JobPayloads {
    'sync.schedule': Record<string, never>;
  }
}

/** Every ten minutes, requests the orders (every 30 min) and listings (hourly) syncs that are due. */
export const syncScheduleJob = defineJob({
  name: 'sync.schedule',
  description: 'Requests the periodic orders and listings syncs of every seller connection that is due.',
  schedule: '*/10 * * * *',
  retry: { limit: 2, delay: 30, backoff: true },
  handler: (ctx) => scheduleConnectionSyncs(ctx),
});
