import type { NextFunction, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { bearerToken } from './request-context';

const AUTHENTICATED_FACTOR = 10;

/**
 * Per-minute request limits on /graphql: anonymous callers by IP, authenticated ones by key prefix
 * (ten times higher). Shared across gateways through Redis when configured.
 */
export function rateLimit(options: { anonymousPerMinute: number; redis?: Redis }) {
  const make = (keyPrefix: string, points: number): RateLimiterAbstract =>
    options.redis
      ? new RateLimiterRedis({ storeClient: options.redis, keyPrefix, points, duration: 60, insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: 60 }) })
      : new RateLimiterMemory({ keyPrefix, points, duration: 60 });
  const anonymous = make('mg_rl_anon', options.anonymousPerMinute);
  const authenticated = make('mg_rl_key', options.anonymousPerMinute * AUTHENTICATED_FACTOR);

  return async (req: Request, res: Response, next: NextFunction) => {
    const token = bearerToken(req.headers.authorization);
    const [limiter, key] = token ? [authenticated, token.slice(0, 16)] : [anonymous, req.ip ?? 'unknown'];
    try {
      const state = await limiter.consume(key);
      res.setHeader('RateLimit-Remaining', String(state.remainingPoints));
      next();
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return next(rejection);
      const retryAfter = Math.ceil(rejection.msBeforeNext / 1000);
      res.setHeader('Retry-After', String(retryAfter));
      res.status(429).json({
        errors: [{ message: `Too many requests; retry in ${retryAfter}s${token ? '' : ' or authenticate with an API key for a higher limit'}.`, extensions: { code: 'RATE_LIMITED' } }],
      });
    }
  };
}
