import { simulateMarketTick, tickAt } from '../../domains/sync/providers/simulated';
import { defineJob } from '../job-task';

declare module '../job-queue' {
  interface JobPayloads {
    /** `tick` replays a given simulator tick; without it the tick of the current time is priced. */
    'market.simulate': { tick?: number };
  }
}

/**
 * The simulated market feed. Every SIMULATOR_INTERVAL_SECONDS one worker — the holder of an advisory lock —
 * prices a batch of variants and ingests them, so subscribers see prices move. A tick is a pure function of
 * (seed, tick), so a missed or repeated tick needs no retry and a new leader continues the same price paths.
 */
export const marketSimulateJob = defineJob({
  name: 'market.simulate',
  description: 'Prices a batch of variants with the deterministic market simulator and ingests them as SIMULATED snapshots.',
  enabled: (config) => config.simulator.enabled,
  every: (config) => config.simulator.intervalSeconds,
  retry: { limit: 0, delay: 0, backoff: false },
  expireInSeconds: 60,
  async handler(ctx, data) {
    const { seed, intervalSeconds, batchSize } = ctx.config.simulator;
    const now = ctx.clock.now();
    const tick = data.tick ?? tickAt(now, intervalSeconds);
    return simulateMarketTick(ctx, { seed, tick, batchSize, capturedAt: now, signal: ctx.signal });
  },
});
