import type { RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Viewer } from '../common/context';

const AUTHENTICATED_FACTOR = 10;

/** A caller over its budget; `retryAfterSeconds` until the bucket refills enough. */
export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number, readonly anonymous: boolean) {
    super(`Too many requests; retry in ${retryAfterSeconds}s${anonymous ? ' or authenticate with an API key for a higher limit' : ''}.`);
    this.name = 'RateLimited';
  }
}

const refusal = (rejection: unknown, anonymous: boolean): never => {
  if (!(rejection instanceof RateLimiterRes)) throw rejection;
  throw new RateLimited(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), anonymous);
};

/**
 * Per-minute budgets shared by HTTP and WebSocket (through Redis across gateways when configured):
 * operations of anonymous callers by IP, of authenticated ones by account (ten times higher, whichever key
 * they use), and failed authentications by IP. Accounts are charged only after authentication, so a made-up
 * token can neither spend its owner's budget nor get a bucket of its own.
 */
export class RateLimits {
  private readonly anonymous: RateLimiterAbstract;
  private readonly accounts: RateLimiterAbstract;
  private readonly authFailures: RateLimiterAbstract;

  constructor(options: { anonymousPerMinute: number; authFailuresPerMinute: number; keyPrefix: string; redis?: Redis }) {
    const make = (name: string, points: number): RateLimiterAbstract => {
      const keyPrefix = `${options.keyPrefix}_${name}`;
      return options.redis
        ? new RateLimiterRedis({ storeClient: options.redis, keyPrefix, points, duration: 60, insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: 60 }) })
        : new RateLimiterMemory({ keyPrefix, points, duration: 60 });
    };
    this.anonymous = make('anon', options.anonymousPerMinute);
    this.accounts = make('account', options.anonymousPerMinute * AUTHENTICATED_FACTOR);
    this.authFailures = make('authfail', options.authFailuresPerMinute);
  }

  /** Charges one operation to the viewer's account, or to the IP when anonymous; returns the points left. */
  async chargeOperation(viewer: Viewer | null, ip: string): Promise<number> {
    const state = await (viewer ? this.accounts.consume(viewer.accountId) : this.anonymous.consume(ip)).catch((rejection) => refusal(rejection, !viewer));
    return state.remainingPoints;
  }

  /**
   * Resolves presented credentials to a viewer through `resolve`, refusing an IP that has used up its failed
   * authentications before any key lookup, and charging every failure (malformed, unknown or revoked key) to the IP.
   * No credentials: anonymous (null), nothing looked up.
   */
  async authenticate(ip: string, credentials: unknown, resolve: () => Promise<Viewer | null>): Promise<Viewer | null> {
    if (credentials === undefined || credentials === null || credentials === '') return null;
    const failures = await this.authFailures.get(ip);
    if (failures && failures.consumedPoints >= this.authFailures.points) refusal(failures, false);
    try {
      return await resolve();
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
        await this.authFailures.consume(ip).catch((rejection) => (rejection instanceof RateLimiterRes ? undefined : Promise.reject(rejection)));
      }
      throw error;
    }
  }
}

const answer = (res: Response, status: number, message: string, code: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });

/**
 * Admits an HTTP request (/graphql, /reports/*): authenticates its bearer token, charges the operation to the
 * account or IP, and leaves the viewer in `res.locals.viewer`; answers 401 or 429 itself.
 */
export function admitRequests(deps: { limits: RateLimits; viewerOf(authorization: string | undefined): Promise<Viewer | null> }): RequestHandler {
  return async (req, res, next) => {
    const ip = req.ip ?? 'unknown';
    try {
      const authorization = req.headers.authorization;
      const viewer = await deps.limits.authenticate(ip, authorization, () => deps.viewerOf(authorization));
      res.setHeader('RateLimit-Remaining', String(await deps.limits.chargeOperation(viewer, ip)));
      res.locals.viewer = viewer;
      next();
    } catch (error) {
      if (error instanceof RateLimited) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
        answer(res, 429, error.message, 'RATE_LIMITED');
      } else if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
        res.setHeader('WWW-Authenticate', 'Bearer');
        answer(res, 401, error.message, 'UNAUTHENTICATED');
      } else next(error);
    }
  };
}
