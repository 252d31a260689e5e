import { ensureMarketPartitions } from '../../domains/market';
import { defineJob } from '../job-task';

declare module '../job-queue' {
  interface JobPayloads {
    'market.partitions': Record<string, never>;
  }
}

/** Weeks of snapshot partitions kept ready, so ingest never waits on DDL and a missed day changes nothing. */
const WEEKS_AHEAD = 4;

/** Creates the weekly market_snapshot partitions ahead of time: daily, and whenever a worker starts. */
export const marketPartitionsJob = defineJob({
  name: 'market.partitions',
  description: `Creates the weekly market_snapshot partitions for the next ${WEEKS_AHEAD} weeks.`,
  schedule: '7 0 * * *',
  runAtStart: true,
  retry: { limit: 5, delay: 30, backoff: true },
  async handler(ctx) {
    const created = await ensureMarketPartitions(ctx.em, { weeksAhead: WEEKS_AHEAD, now: ctx.clock.now() });
    if (created.length) ctx.log.info({ created }, 'market snapshot partitions created');
    return { created };
  },
});
