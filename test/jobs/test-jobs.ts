import type { EntityManager } from '@mikro-orm/postgresql';
import { defineJob, type JobQueue } from '../../src/jobs';

declare module '../../src/jobs/job-queue' {
  interface JobPayloads {
    'test.once': { n: number };
    'test.flaky': { failures: number };
    'test.doomed': Record<string, never>;
    'test.slow': Record<string, never>;
    'test.stuck': Record<string, never>;
    'test.tick': Record<string, never>;
  }
}

/** One handler invocation, as the test jobs record it. */
export interface Run {
  job: string;
  data: unknown;
  retryCount: number;
  /** The engine that ran it (its JobQueue is the engine itself). */
  queue: JobQueue;
  em: EntityManager;
  at: number;
}

/** Every run of every test job in this test file, in order. */
export const runs: Run[] = [];
export const runsOf = (job: string) => runs.filter((run) => run.job === job);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records its payload; collapses by the sender's singleton key. */
export const onceJob = defineJob({
  name: 'test.once',
  description: 'Records one run.',
  retry: { limit: 0, delay: 0, backoff: false },
  async handler(ctx, data) {
    runs.push({ job: 'test.once', data, retryCount: ctx.job.retryCount, queue: ctx.jobs, em: ctx.em, at: Date.now() });
    return { n: data.n };
  },
});

/** Fails its first `failures` attempts, then succeeds. */
export const flakyJob = defineJob({
  name: 'test.flaky',
  description: 'Fails a given number of times, then succeeds.',
  retry: { limit: 3, delay: 1, backoff: true },
  async handler(ctx, data) {
    runs.push({ job: 'test.flaky', data, retryCount: ctx.job.retryCount, queue: ctx.jobs, em: ctx.em, at: Date.now() });
    await ctx.em.getConnection().execute('select 1');
    if (ctx.job.retryCount < data.failures) throw new Error(`attempt ${ctx.job.retryCount + 1} fails`);
    return { attempts: ctx.job.retryCount + 1 };
  },
});

/** Always fails; retried once without backoff. */
export const doomedJob = defineJob({
  name: 'test.doomed',
  description: 'Always fails.',
  retry: { limit: 1, delay: 1, backoff: false },
  async handler(ctx) {
    runs.push({ job: 'test.doomed', data: {}, retryCount: ctx.job.retryCount, queue: ctx.jobs, em: ctx.em, at: Date.now() });
    throw new Error(`doomed attempt ${ctx.job.retryCount + 1}`);
  },
});

/** Takes a while but finishes well within a graceful stop. */
export const slowJob = defineJob({
  name: 'test.slow',
  description: 'Finishes after 1.5 s.',
  retry: { limit: 1, delay: 0, backoff: false },
  async handler(ctx) {
    runs.push({ job: 'test.slow', data: {}, retryCount: ctx.job.retryCount, queue: ctx.jobs, em: ctx.em, at: Date.now() });
    await sleep(1_500);
    return { finished: true };
  },
});

/** Never finishes on its first attempt: it waits for the hand-back signal and gives the job back; later attempts finish at once. */
export const stuckJob = defineJob({
  name: 'test.stuck',
  description: 'Blocks until its worker shuts down, then succeeds on the next attempt.',
  retry: { limit: 2, delay: 0, backoff: false },
  async handler(ctx) {
    runs.push({ job: 'test.stuck', data: {}, retryCount: ctx.job.retryCount, queue: ctx.jobs, em: ctx.em, at: Date.now() });
    if (ctx.job.retryCount > 0) return { resumed: true };
    await new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true }));
  },
});

/** An interval task of one second, led by one worker at a time. */
export const tickJob = defineJob({
  name: 'test.tick',
  description: 'Records which worker ran each tick.',
  every: () => 1,
  retry: { limit: 0, delay: 0, backoff: false },
  async handler(ctx) {
    runs.push({ job: 'test.tick', data: {}, retryCount: 0, queue: ctx.jobs, em: ctx.em, at: Date.now() });
  },
});
