import type { Logger } from 'pino';
import type { LeaderLock } from './leader-lock';

/**
 * Runs a function on wall-clock boundaries of an interval (every 5 s at :00, :05, ...) in the one process that
 * holds the leader lock. Runs never overlap; a run that overruns skips the boundaries it missed instead of
 * queueing them (a feed wants the current tick, not a backlog).
 */
export class IntervalRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly options: { intervalMs: number; lock: LeaderLock; log: Logger; run: () => Promise<void> },
  ) {}

  start(): void {
    this.scheduleNext();
  }

  /** Stops scheduling, waits for the current run, then releases leadership for another worker. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.options.lock.release();
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    const { intervalMs } = this.options;
    const now = Date.now();
    const next = (Math.floor(now / intervalMs) + 1) * intervalMs;
    this.timer = setTimeout(() => {
      this.running = this.fire().finally(() => {
        this.running = undefined;
        this.scheduleNext();
      });
    }, next - now);
  }

  private async fire(): Promise<void> {
    if (this.stopped || !(await this.options.lock.acquire()) || this.stopped) return;
    try {
      await this.options.run();
    } catch (error) {
      this.options.log.warn({ err: error, task: this.options.lock.name }, 'interval run failed; next boundary retries');
    }
  }
}
