import { defineJob } from '../../../../jobs/job-task';
import { detectArbitrageOpportunities } from '../opportunity-detection.service';

declare module '../../../../jobs/job-queue' {
  interface JobPayloads {
    /** `maxAgeHours`: ignore prices captured longer ago than this (default 24). */
    'selling.opportunities': { maxAgeHours?: number };
  }
}

/**
 * Arbitrage detection over the latest market prices: one set-based statement upserts the profitable routes
 * as OPEN opportunities and expires the ones that no longer pay. Idempotent, so a retry or an overlap is harmless.
 */
export const opportunitiesDetectJob = defineJob({
  name: 'selling.opportunities',
  description: 'Detects cross-platform arbitrage (fees on both sides) from the latest prices; opens new opportunities and expires stale ones.',
  schedule: '*/10 * * * *',
  retry: { limit: 2, delay: 30, backoff: true },
  expireInSeconds: 300,
  async handler(ctx, data) {
    const result = await detectArbitrageOpportunities(ctx.em, { maxAgeHours: data.maxAgeHours, now: ctx.clock.now() });
    if (result.detected || result.expired) ctx.log.info(result, 'arbitrage opportunities updated');
    return result;
  },
});
