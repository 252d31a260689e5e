import { defineJob } from '../../../../jobs/job-task';
import { ListingStatus } from '../../listings/listing.enums';
import { runRepricing } from '../reprice-run.service';

declare module '../../../../jobs/job-queue' {
  interface JobPayloads {
    'selling.reprice': Record<string, never>;
  }
}

/**
 * The scheduled sweep: every active listing with an active rule, every account, in chunks of 5,000 (set-based
 * per chunk). Catches what events missed (a cooldown that has run out, a worker that was down).
 */
export const repriceScheduleJob = defineJob({
  name: 'selling.reprice',
  description: 'Reprices every active listing with an active rule, set-based in chunks (every 15 minutes).',
  schedule: '*/15 * * * *',
  retry: { limit: 1, delay: 60, backoff: false },
  expireInSeconds: 30 * 60,
  async handler(ctx) {
    const result = await runRepricing(ctx, { accountId: null, statuses: [ListingStatus.ACTIVE], requireRule: true }, { dryRun: false, trigger: 'SCHEDULE' });
    if (result.applied) ctx.log.info({ evaluated: result.evaluated, applied: result.applied }, 'scheduled repricing applied changes');
    return { evaluated: result.evaluated, changed: result.changed, applied: result.applied };
  },
});
