import type { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Clock } from '../common/clock';
import { createContext } from '../common/context';
import type { PubSub } from '../common/pubsub';
import type { Config } from '../config/config';
import { IntervalRunner } from './interval-runner';
import type { JobName, JobPayloads, JobQueue, JobStatus, SendOptions } from './job-queue';
import type { JobContext, JobTask, JobTrigger } from './job-task';
import { LeaderLock } from './leader-lock';

/** PostgreSQL schema of pg-boss's tables, next to ours in the application database. */
export const JOB_SCHEMA = 'pgboss';

/** What the engine needs; `work: false` makes a producer only (gateway role): it enqueues but runs nothing. */
export interface JobEngineOptions {
  config: Config;
  orm: MikroORM;
  pubsub: PubSub;
  log: Logger;
  clock: Clock;
  databaseUrl: string;
  tasks: readonly JobTask[];
  work: boolean;
}

type QueuedJob = PgBoss.JobWithMetadata<JobPayloads[JobName]>;

/**
 * Thin layer over pg-boss: one queue per declarative {@link JobTask}, cron schedules, leader-run intervals,
 * one EntityManager fork per run, and graceful hand-back of unfinished jobs on stop.
 */
export class JobEngine implements JobQueue {
  /** Identifies this process in job outputs (`worker`) and logs. */
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly tasks: Map<string, JobTask>;
  private readonly workerIds = new Map<string, string[]>();
  private readonly runners: IntervalRunner[] = [];
  private readonly abort = new AbortController();
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly boss: PgBoss,
    private readonly options: JobEngineOptions,
  ) {
    this.tasks = new Map(options.tasks.filter((task) => task.enabled?.(options.config) ?? true).map((task) => [task.name, task]));
  }

  /** Connects pg-boss (installing or migrating its schema), creates the queues and, for workers, starts working. */
  static async start(options: JobEngineOptions): Promise<JobEngine> {
    const boss = new PgBoss({
      connectionString: options.databaseUrl,
      schema: JOB_SCHEMA,
      application_name: options.work ? 'marketgraph-worker' : 'marketgraph-producer',
      max: options.work ? 4 : 2,
      supervise: options.work,
      schedule: options.work,
      migrate: true,
    });
    boss.on('error', (error) => options.log.error({ err: error }, 'job queue error'));
    await boss.start();
    const engine = new JobEngine(boss, options);
    try {
      await engine.createQueues();
      if (options.work) await engine.startWorking();
    } catch (error) {
      await engine.stop(1000);
      throw error;
    }
    return engine;
  }

  async send<N extends JobName>(name: N, data: JobPayloads[N], options: SendOptions = {}): Promise<string | null> {
    const task = this.tasks.get(name) as JobTask<N> | undefined;
    if (!task) throw new Error(`Job "${name}" is not registered or is disabled in this process.`);
    const singletonKey = options.singletonKey ?? task.singletonKey?.(data);
    const id = await this.boss.send(name, data as object, {
      ...(singletonKey !== undefined && { singletonKey }),
      ...(options.startAfter !== undefined && { startAfter: options.startAfter }),
      ...(options.priority !== undefined && { priority: options.priority }),
    });
    if (id && options.startAfter === undefined) for (const workerId of this.workerIds.get(name) ?? []) this.boss.notifyWorker(workerId);
    return id;
  }

  async status(name: JobName, id: string): Promise<JobStatus | null> {
    const job = await this.boss.getJobById<object>(name, id, { includeArchive: true });
    if (!job) return null;
    return {
      id: job.id,
      name: job.name,
      state: job.state,
      retryCount: job.retryCount,
      singletonKey: job.singletonKey,
      output: (job.output as Record<string, unknown> | null) ?? null,
      createdOn: job.createdOn,
      startedOn: job.startedOn ?? null,
      completedOn: job.completedOn ?? null,
    };
  }

  /**
   * Stops taking work, lets running jobs finish for up to `timeoutMs`, then aborts their signal and hands
   * whatever is still running back to the queue (failed → retried by another worker), and disconnects.
   */
  stop(timeoutMs: number): Promise<void> {
    this.stopping ??= (async () => {
      const handBack = setTimeout(() => this.abort.abort(new Error('worker shutting down')), Math.max(0, timeoutMs - 500));
      try {
        await Promise.all([...this.runners.map((runner) => runner.stop()), this.boss.stop({ graceful: true, timeout: timeoutMs, wait: true })]);
      } finally {
        clearTimeout(handBack);
        this.abort.abort(new Error('worker stopped'));
      }
    })();
    return this.stopping;
  }

  private async createQueues(): Promise<void> {
    for (const task of this.tasks.values()) {
      const queue = {
        name: task.name,
        policy: task.policy ?? 'stately',
        retryLimit: task.retry.limit,
        retryDelay: task.retry.delay,
        retryBackoff: task.retry.backoff,
        expireInSeconds: task.expireInSeconds ?? 15 * 60,
      };
      await this.boss.createQueue(task.name, queue);
      await this.boss.updateQueue(task.name, queue);
    }
  }

  private async startWorking(): Promise<void> {
    const { config, log } = this.options;
    for (const task of this.options.tasks) {
      if (!this.tasks.has(task.name) || !task.schedule) await this.boss.unschedule(task.name);
    }
    for (const task of this.tasks.values()) {
      if (task.schedule) await this.boss.schedule(task.name, task.schedule, {}, { tz: 'UTC' });
      const ids: string[] = [];
      for (let i = 0; i < (task.concurrency ?? 1); i++) {
        ids.push(
          await this.boss.work<JobPayloads[JobName]>(
            task.name,
            { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: config.jobs.pollIntervalSeconds },
            ([job]) => this.runQueued(task, job),
          ),
        );
      }
      this.workerIds.set(task.name, ids);
      if (task.runAtStart) await this.send(task.name, {} as JobPayloads[JobName]);
      const seconds = task.every?.(config);
      if (seconds) {
        const runner = new IntervalRunner({
          intervalMs: seconds * 1000,
          lock: new LeaderLock(this.options.databaseUrl, task.name, log),
          log,
          run: () => this.runInterval(task),
        });
        runner.start();
        this.runners.push(runner);
      }
    }
    log.info({ worker: this.id, queues: [...this.tasks.keys()], intervals: this.runners.length }, 'job worker started');
  }

  /** Completion is written before returning: pg-boss's own bookkeeping after a handler is not awaited and can lose a race with shutdown. */
  private async runQueued(task: JobTask, job: QueuedJob): Promise<void> {
    const ctx = this.context(task, job.id, job.retryCount, 'queue');
    const started = Date.now();
    try {
      const output = (await task.handler(ctx, job.data)) ?? {};
      await this.boss.complete(task.name, job.id, { ...output, worker: this.id });
      ctx.log.debug({ ms: Date.now() - started, output }, 'job completed');
    } catch (error) {
      const final = job.retryCount >= job.retryLimit;
      const err = error instanceof Error ? error : new Error(String(error));
      ctx.log[final ? 'error' : 'warn']({ err, retryCount: job.retryCount, final }, final ? 'job failed' : 'job failed; it will be retried');
      await this.boss.fail(task.name, job.id, { name: err.name, message: err.message, worker: this.id });
    }
  }

  private async runInterval(task: JobTask): Promise<void> {
    const ctx = this.context(task, `interval:${randomUUID()}`, 0, 'interval');
    const started = Date.now();
    const output = await task.handler(ctx, {} as JobPayloads[JobName]);
    ctx.log.debug({ ms: Date.now() - started, output }, 'interval run completed');
  }

  private context(task: JobTask, id: string, retryCount: number, trigger: JobTrigger): JobContext {
    const { orm, pubsub, log, config, clock } = this.options;
    const ctx = createContext({
      em: orm.em.fork({ useContext: false }),
      viewer: null,
      requestId: `job:${id}`,
      log: log.child({ job: task.name, jobId: id }),
      pubsub,
      clock,
      jobs: this,
    });
    return Object.assign(ctx, { jobs: this, config, job: { id, name: task.name, retryCount, trigger }, signal: this.abort.signal });
  }
}
