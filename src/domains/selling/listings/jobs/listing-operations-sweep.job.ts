import { defineJob } from '../../../../jobs/job-task';
import { enqueueOperationPoll } from '../listing-state';
import { rawRows } from '../../../../common/sql';

declare module '../../../../jobs/job-queue' {
  interface JobPayloads {
    'selling.listing-operations-sweep': Record<string, never>;
  }
}

/**
 * Outbox sweep: platform writes owed for more than a minute (a crash after commit, writes recorded inside another
 * domain's transaction, a lost poll job) get an operation job. Idempotent: one waiting job per listing.
 */
export const listingOperationsSweepJob = defineJob({
  name: 'selling.listing-operations-sweep',
  description: 'Enqueues the operation job for listings whose platform write has been pending for over a minute.',
  schedule: '* * * * *',
  retry: { limit: 0, delay: 0, backoff: false },
  expireInSeconds: 120,
  async handler(ctx) {
    const rows = await rawRows<{ id: string }>(
      ctx.em,
      `select id from listing where external_operation_status = 'PENDING' and updated_at < now() - interval '1 minute' order by updated_at limit 1000`,
    );
    for (const { id } of rows) await enqueueOperationPoll(ctx, id, 1, 0);
    return { enqueued: rows.length };
  },
});
