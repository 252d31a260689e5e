import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Clock } from '../common/clock';
import { createContext, type Context, type Viewer } from '../common/context';
import { unauthenticated } from '../common/errors';
import type { PubSub } from '../common/pubsub';
import { authenticate } from '../domains/accounts';
import type { JobQueue } from '../jobs/job-queue';
import type { ViewerCache } from './viewer-cache';

/** What every operation's context is built from. */
export interface ContextDeps {
  orm: MikroORM;
  pubsub: PubSub;
  log: Logger;
  clock: Clock;
  jobs?: JobQueue;
  viewers?: ViewerCache;
}

/**
 * Extracts the token of `Authorization: Bearer <token>` (also accepted in WebSocket connectionParams). Any other
 * scheme, or a bare token, is refused rather than read as anonymous.
 */
export function bearerToken(header: unknown): string | undefined {
  if (header === undefined || header === null || (typeof header === 'string' && !header.trim())) return undefined;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header.trim()) : null;
  if (!match) throw unauthenticated('Malformed Authorization: send the key as Authorization: Bearer <api key>.');
  return match[1];
}

/** Authenticates a token (through the gateway's short-lived cache when it has one). */
export async function viewerFor(deps: ContextDeps, token: string | undefined): Promise<Viewer | null> {
  if (!token) return null;
  const cached = deps.viewers?.get(token);
  if (cached) return cached;
  const viewer = await authenticate(deps.orm.em.fork(), token);
  if (viewer) deps.viewers?.set(token, viewer);
  return viewer;
}

/** A fresh context (own identity map, own loaders) for one operation of a viewer. */
export function operationContext(deps: ContextDeps, viewer: Viewer | null, requestId: string, log?: Logger): Context {
  return createContext({
    em: deps.orm.em.fork({ useContext: false }),
    viewer,
    requestId,
    log: log ?? deps.log.child({ requestId }),
    pubsub: deps.pubsub,
    clock: deps.clock,
    jobs: deps.jobs,
  });
}
