import { dropExpiredMarketPartitions } from '../../domains/market';
import { defineJob } from '../job-task';

declare module '../job-queue' {
  interface JobPayloads {
    'market.retention': Record<string, never>;
  }
}

/** Drops whole weekly market_snapshot partitions older than MARKET_RETENTION_DAYS, daily. */
export const marketRetentionJob = defineJob({
  name: 'market.retention',
  description: 'Drops weekly market_snapshot partitions past MARKET_RETENTION_DAYS (whole partitions, never row by row).',
  schedule: '17 0 * * *',
  retry: { limit: 3, delay: 60, backoff: true },
  async handler(ctx) {
    const dropped = await dropExpiredMarketPartitions(ctx.em, { retentionDays: ctx.config.market.retentionDays, now: ctx.clock.now() });
    if (dropped.length) ctx.log.info({ dropped, retentionDays: ctx.config.market.retentionDays }, 'expired market snapshot partitions dropped');
    return { dropped };
  },
});
