/**
 * Job name → payload. Each job file adds its queue by augmenting this interface
 * (`declare module '../job-queue' { interface JobPayloads { 'market.sync': MarketSyncData } }`),
 * so `queue.send()` is typed end to end. Payloads are stored as JSON: ids, numbers, strings only.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface JobPayloads {}

/** Name of a registered job queue, e.g. `market.partitions`. */
export type JobName = keyof JobPayloads;

/** Options of one enqueued job. */
export interface SendOptions {
  /**
   * Duplicate triggers collapse by this key: on the default `stately` queues at most one job per key waits
   * and one runs (a second `send` while one waits returns null). Defaults to the task's own key, if any.
   */
  singletonKey?: string;
  /** Earliest start: a time, or a delay in seconds. */
  startAfter?: Date | number;
  /** Higher runs first among waiting jobs of the same queue. */
  priority?: number;
}

/** Lifecycle state of a job, as pg-boss records it. */
export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/** What a producer can learn about a job it enqueued. */
export interface JobStatus {
  id: string;
  name: string;
  state: JobState;
  /** Attempts that failed and were retried so far. */
  retryCount: number;
  singletonKey: string | null;
  /** The handler's result (`worker` names the process that ran it) or the last error `{ message, name }`. */
  output: Record<string, unknown> | null;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
}

/** Enqueues work for the workers; available in every process role, gateways included. */
export interface JobQueue {
  /** Enqueues a job; resolves to its id, or null when an equal job (same singleton key) is already waiting. */
  send<N extends JobName>(name: N, data: JobPayloads[N], options?: SendOptions): Promise<string | null>;
  /** State of a job (including archived ones), or null when unknown. */
  status(name: JobName, id: string): Promise<JobStatus | null>;
}
