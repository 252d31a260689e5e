import { defineJob } from '../../../jobs/job-task';
import { runMarketSync, type MarketSyncData } from '../market-sync.service';
import { jobInfo } from './job-info';

declare module '../../../jobs/job-queue' {
  interface JobPayloads {
    'market.sync': MarketSyncData;
  }
}

/**
 * Market data: every six hours the hot products plus the cold ones not synced for a day (so hot products refresh
 * every 6 h and cold ones daily), in batches sized to each platform's quota; on demand for stale reads.
 */
export const marketSyncJob = defineJob({
  name: 'market.sync',
  description: 'Prices hot products every 6 h and cold ones daily through MARKET_DATA connections; on demand for stale reads.',
  schedule: '0 */6 * * *',
  // Waiting duplicates collapse per key; a job left active by a killed worker must not block the next one (stately would).
  policy: 'short',
  retry: { limit: 2, delay: 60, backoff: true },
  expireInSeconds: 60 * 60,
  concurrency: 2,
  handler: (ctx, data) => runMarketSync(ctx, data ?? {}, jobInfo(ctx)),
});
