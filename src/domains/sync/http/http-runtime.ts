import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { setTimeout as delay } from 'node:timers/promises';
import { ConnectionRateLimiter, type RateLimitSpec, type Sleep } from './connection-rate-limiter';

/**
 * Process-wide collaborators of every provider HTTP client: logger, clock, sleep, randomness,
 * fetch and the rate limiters. One per process (limiters must outlive a single sync run);
 * tests build one with a recording sleep and a fixed clock.
 */
export interface HttpRuntime {
  logger: Logger;
  sleep: Sleep;
  now(): number;
  random(): number;
  fetch: typeof fetch;
  /** The limiter of one platform (cached; the first spec seen for a platform wins). */
  rateLimiter(platform: string, spec: RateLimitSpec): ConnectionRateLimiter;
}

/** Options of {@link createHttpRuntime}; everything but the logger defaults to the real thing. */
export interface HttpRuntimeOptions {
  logger: Logger;
  /** Shares rate limits across processes when set (`REDIS_URL`). */
  redis?: Redis;
  sleep?: Sleep;
  now?: () => number;
  random?: () => number;
  fetch?: typeof fetch;
}

const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, { signal });
};

/** Builds the {@link HttpRuntime} of a process. */
export function createHttpRuntime(options: HttpRuntimeOptions): HttpRuntime {
  const limiters = new Map<string, ConnectionRateLimiter>();
  return {
    logger: options.logger,
    sleep: options.sleep ?? realSleep,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    rateLimiter(platform, spec) {
      let limiter = limiters.get(platform);
      if (!limiter) {
        limiter = ConnectionRateLimiter.create(platform, spec, options.redis);
        limiters.set(platform, limiter);
      }
      return limiter;
    },
  };
}
