import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { JobQueue } from '../jobs/job-queue';
import type { Clock } from './clock';
import type { PubSub } from './pubsub';

/** Account role; admins may write shared data (catalog, market, sellers). */
export type AccountRole = 'ADMIN' | 'MEMBER';

/** The authenticated caller of one operation. */
export interface Viewer {
  accountId: string;
  role: AccountRole;
  scopes: string[];
  apiKeyId: string;
  baseCurrency: string;
}

/** Builds one DataLoader per operation; registered by the domain that owns the data. */
export type LoaderFactory<K, V> = (ctx: Context) => DataLoader<K, V>;

/** Per-operation cache of DataLoaders, keyed by their factory. */
export class Loaders {
  private readonly cache = new Map<LoaderFactory<unknown, unknown>, DataLoader<unknown, unknown>>();

  constructor(private readonly ctx: () => Context) {}

  get<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V> {
    let loader = this.cache.get(factory as LoaderFactory<unknown, unknown>);
    if (!loader) {
      loader = factory(this.ctx()) as DataLoader<unknown, unknown>;
      this.cache.set(factory as LoaderFactory<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Everything a resolver or service needs for one operation (HTTP request, subscription event or job). */
export interface Context {
  em: EntityManager;
  loaders: Loaders;
  viewer: Viewer | null;
  requestId: string;
  log: Logger;
  pubsub: PubSub;
  /** The process's clock: every "now" an operation computes with comes from here. */
  clock: Clock;
  /** Enqueues background jobs (absent only where no job engine runs, e.g. command-line tools). */
  jobs?: JobQueue;
}

/** Creates a context around a fresh EntityManager fork; tenancy filters get the viewer's account. */
export function createContext(parts: Omit<Context, 'loaders'>): Context {
  const ctx = { ...parts } as Context;
  ctx.loaders = new Loaders(() => ctx);
  ctx.em.setFilterParams('tenant', { accountId: parts.viewer?.accountId ?? '00000000-0000-0000-0000-000000000000' });
  return ctx;
}

/** The account the tenant filter of this EntityManager is set to (the viewer's, or the one a job scoped to). */
export function tenantOf(em: EntityManager): string {
  return (em.getFilterParams('tenant') as { accountId: string }).accountId;
}
