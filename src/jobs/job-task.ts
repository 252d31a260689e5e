import type { Context } from '../common/context';
import type { Config } from '../config/config';
import type { JobName, JobPayloads, JobQueue } from './job-queue';

/** How a failed run is retried: `delay` seconds before the first retry, doubling (with jitter) when `backoff`. */
export interface RetryPolicy {
  limit: number;
  delay: number;
  backoff: boolean;
}

/**
 * pg-boss queue policy. `stately` (the default): per singleton key — or per queue when jobs carry none — at
 * most one job waits and one runs. `standard`: no collapsing, for queues of independent jobs.
 */
export type QueuePolicy = 'stately' | 'standard' | 'short' | 'singleton';

/** Why a run started. */
export type JobTrigger = 'queue' | 'interval';

/** Context of one job run: its own EntityManager fork and loaders, no viewer, plus the job's own facts. */
export interface JobContext extends Context {
  jobs: JobQueue;
  config: Config;
  job: { id: string; name: JobName; retryCount: number; trigger: JobTrigger };
  /** Aborted when the worker must hand the job back (shutdown deadline); long handlers stop at a safe point and throw. */
  signal: AbortSignal;
}

/** A handler's result, stored with the completed job (JSON-safe). */
export type JobOutput = object;

/**
 * A declarative job: one file per task, registered in `src/jobs/tasks/index.ts`. Every task is a pg-boss queue
 * that any process can `send` to; workers run it on its cron `schedule`, at start (`runAtStart`), or — for
 * sub-minute cadences pg-boss cron cannot express — `every` N seconds in exactly one worker at a time.
 */
export interface JobTask<N extends JobName = JobName> {
  name: N;
  /** One line for logs and operators. */
  description: string;
  /** Cron expression (UTC); pg-boss enqueues one job per match across all workers. */
  schedule?: string;
  /** Seconds between in-process runs, led by one worker via a PostgreSQL advisory lock; undefined disables. */
  every?(config: Config): number | undefined;
  /** Enqueue once whenever a worker starts (collapses across workers on stately queues). */
  runAtStart?: boolean;
  /** When false the task has no queue, schedule or worker in this process; defaults to enabled. */
  enabled?(config: Config): boolean;
  retry: RetryPolicy;
  policy?: QueuePolicy;
  /** Default singleton key of a job (a sender's own key wins). */
  singletonKey?(data: JobPayloads[N]): string | undefined;
  /** A run still active after this many seconds is failed (and retried); default 15 minutes. */
  expireInSeconds?: number;
  /** Jobs of this queue one process runs in parallel; default 1. */
  concurrency?: number;
  handler(ctx: JobContext, data: JobPayloads[N]): Promise<JobOutput | void>;
}

/** Identity helper that infers the payload type of a task from its name. */
export function defineJob<N extends JobName>(task: JobTask<N>): JobTask<N> {
  return task;
}
