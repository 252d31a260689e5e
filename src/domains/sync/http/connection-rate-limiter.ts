import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** A request budget: `points` requests per `durationSeconds`, per connection. */
export interface RateLimitSpec {
  points: number;
  durationSeconds: number;
}

/** Sleeps for `ms`; rejects if `signal` aborts. Injected so tests never wait on the wall clock. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * Per-connection request budget for one platform, over `rate-limiter-flexible`: in-process memory
 * by default, Redis when a client is given so every worker process shares one budget per connection.
 * A Redis outage falls back to the in-memory limiter instead of failing the sync.
 */
export class ConnectionRateLimiter {
  private constructor(private readonly limiter: RateLimiterAbstract) {}

  static create(platform: string, spec: RateLimitSpec, redis?: Redis): ConnectionRateLimiter {
    const options = { keyPrefix: `mg:provider:${platform}`, points: spec.points, duration: spec.durationSeconds };
    const memory = new RateLimiterMemory(options);
    if (!redis) return new ConnectionRateLimiter(memory);
    return new ConnectionRateLimiter(new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory }));
  }

  /** Waits (through `sleep`) until the connection may send one more request; returns the time waited. */
  async acquire(connectionId: string, sleep: Sleep, signal?: AbortSignal): Promise<number> {
    let waited = 0;
    for (;;) {
      try {
        await this.limiter.consume(connectionId, 1);
        return waited;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const ms = Math.max(1, rejection.msBeforeNext);
        waited += ms;
        await sleep(ms, signal);
      }
    }
  }
}
