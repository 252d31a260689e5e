import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Context } from '../../common/context';
import { buildProvider } from './connection-provider';
import { credentialValues } from './credential-hint';
import type { ConnectionCursors, ResourceCursor } from './entities/marketplace-connection.entity';
import { ConnectionStatus, SyncKind, SyncRunStatus } from './entities/sync.enums';
import { supports, type MarketplaceProvider, type NormalizedListing, type NormalizedOrder } from './providers/provider';
import { executeRun, type ExecutedRun, type RunLease, type RunResult, type SyncJobInfo } from './run-executor';
import { assertLease, claimRun, LeaseLostError, recordPage, withDatabaseRetry, type SyncRunRow } from './run-lease.service';
import { currentListingSink } from './sinks/listing-sink';
import { currentOrderSink, type SinkResult, type SyncTarget } from './sinks/order-sink';
import { connectionSyncKey } from './sync-run.service';
import { syncRuntime } from './sync-runtime';

/** A run never walks more pages than this; the next run continues from the cursor. */
export const MAX_PAGES_PER_RUN = 500;
/** Each pass re-reads a little before the previous one started, for clocks that disagree; upserts make the overlap harmless. */
const SINCE_OVERLAP_MS = 60_000;

type DeltaKind = SyncKind.ORDERS | SyncKind.LISTINGS;
type Resource = keyof ConnectionCursors;

interface PageOf {
  items: Array<NormalizedOrder | NormalizedListing>;
  nextCursor: string | null;
  done: boolean;
}

/** One resource's fetch and store, so orders and listings share the page loop. */
interface DeltaResource {
  resource: Resource;
  capability: 'fetchOrders' | 'fetchListings';
  fetch(provider: MarketplaceProvider, state: ResourceCursor, signal: AbortSignal): Promise<PageOf>;
  write(tx: EntityManager, target: SyncTarget, items: PageOf['items'], log: Logger): Promise<SinkResult>;
}

const RESOURCES: Record<DeltaKind, DeltaResource> = {
  [SyncKind.ORDERS]: {
    resource: 'orders',
    capability: 'fetchOrders',
    async fetch(provider, state, signal) {
      const page = await provider.fetchOrders!({ since: state.since ? new Date(state.since) : undefined, cursor: state.cursor, signal });
      return { items: page.orders, nextCursor: page.nextCursor, done: page.done };
    },
    write: (tx, target, items, log) => currentOrderSink().writeOrders(tx, target, items as NormalizedOrder[], log),
  },
  [SyncKind.LISTINGS]: {
    resource: 'listings',
    capability: 'fetchListings',
    async fetch(provider, state, signal) {
      const page = await provider.fetchListings!({ cursor: state.cursor, signal });
      return { items: page.listings, nextCursor: page.nextCursor, done: page.done };
    },
    write: (tx, target, items, log) => currentListingSink().writeListings(tx, target, items as NormalizedListing[], log),
  },
};

/** A connection as a worker reads it (credentials still encrypted). */
export interface ConnectionRow {
  id: string;
  account_id: string;
  platform_id: string;
  platform: string;
  scope: string;
  status: ConnectionStatus;
  credentials: string | null;
  cursors: ConnectionCursors;
}

/** Loads a connection for a worker (no tenant filter: workers act for every account). */
export async function loadConnectionRow(em: EntityManager, connectionId: string): Promise<ConnectionRow | null> {
  const rows = (await em.execute(
    `select c.id, c.account_id, c.platform_id, p.slug as platform, c.scope, c.status, c.credentials, c.cursors
     from marketplace_connection c join platform p on p.id = c.platform_id where c.id = ?`,
    [connectionId],
  )) as ConnectionRow[];
  return rows[0] ?? null;
}

/** Decrypts a connection's credentials (remembering them for scrubbing) and builds its adapter. */
export function connectionProvider(connection: ConnectionRow, lease: RunLease): MarketplaceProvider {
  const credentials = syncRuntime().cipher.decryptJson(connection.credentials!, { accountId: connection.account_id, connectionId: connection.id });
  lease.secrets.push(...credentialValues(credentials).map(String));
  return buildProvider({ id: connection.id, accountId: connection.account_id, platform: connection.platform }, credentials);
}

/** The cursor changed under a run that still holds its lease (the owner reconnected): the run stops, the next starts over. */
export class CursorMovedError extends Error {
  constructor(resource: string) {
    super(`The connection was reconnected while its ${resource} were syncing; the next sync starts over.`);
    this.name = 'CursorMovedError';
  }
}

const EMPTY: ResourceCursor = { cursor: null, passStartedAt: null, since: null, completedAt: null };
const sameState = (a: ResourceCursor, b: ResourceCursor) =>
  (['cursor', 'passStartedAt', 'since', 'completedAt'] as const).every((k) => (a[k] ?? null) === (b[k] ?? null));

/** The state after a page: the next cursor, or — when the pass is complete — the new high-water mark. */
function advance(state: ResourceCursor, page: PageOf, now: Date): ResourceCursor {
  const passStartedAt = state.passStartedAt ?? now.toISOString();
  if (!page.done) return { ...state, cursor: page.nextCursor, passStartedAt };
  return { cursor: null, passStartedAt: null, since: new Date(Date.parse(passStartedAt) - SINCE_OVERLAP_MS).toISOString(), completedAt: now.toISOString() };
}

/**
 * Writes one page and moves the cursor in ONE transaction, fenced by the run's lease and by the cursor itself:
 * a crash before commit leaves neither, and a page another worker already committed is not written twice.
 * Returns null when a retry finds that its own earlier commit landed.
 */
async function commitPage(em: EntityManager, lease: RunLease, connection: ConnectionRow, spec: DeltaResource, from: ResourceCursor, to: ResourceCursor, page: PageOf): Promise<SyncRunRow | null> {
  const target: SyncTarget = { connectionId: connection.id, accountId: connection.account_id, platformId: connection.platform_id, platform: connection.platform };
  return withDatabaseRetry(lease.log, 'commit sync page', () =>
    em.transactional(async (tx) => {
      await assertLease(tx, lease.run.id, lease.token);
      const [locked] = (await tx.execute(`select status, cursors from marketplace_connection where id = ? for update`, [connection.id])) as Array<Pick<ConnectionRow, 'status' | 'cursors'>>;
      if (!locked || locked.status === ConnectionStatus.DISCONNECTED) throw new LeaseLostError('the connection was disconnected');
      const current = { ...EMPTY, ...locked.cursors[spec.resource] };
      if (!sameState(current, from)) {
        if (sameState(current, to)) return null;
        throw new CursorMovedError(spec.resource);
      }
      const stored = await spec.write(tx, target, page.items, lease.log);
      await tx.execute(`update marketplace_connection set cursors = jsonb_set(cursors, ?::text[], ?::jsonb, true), updated_at = clock_timestamp() where id = ?`, [
        `{${spec.resource}}`,
        JSON.stringify(to),
        connection.id,
      ]);
      return recordPage(tx, lease.run.id, { fetched: page.items.length, written: stored.written, failed: stored.failed });
    }),
  );
}

/** The page loop of one claimed run. */
async function walkPages(ctx: Context, lease: RunLease, connectionId: string, kind: DeltaKind): Promise<RunResult> {
  const spec = RESOURCES[kind];
  const connection = await loadConnectionRow(ctx.em, connectionId);
  if (!connection || connection.status === ConnectionStatus.DISCONNECTED || !connection.credentials) {
    return { outcome: { status: SyncRunStatus.FAILED, error: 'The connection was disconnected.', reason: 'DISCONNECTED' } };
  }
  const provider = connectionProvider(connection, lease);
  if (!supports(provider, spec.capability)) {
    return { outcome: { status: SyncRunStatus.FAILED, error: `${connection.platform} offers no ${spec.resource} through its API.`, reason: 'UNSUPPORTED' } };
  }
  const done = (result: RunResult['outcome']): RunResult => ({ outcome: result, connection: { id: connection.id, status: ConnectionStatus.CONNECTED, synced: true } });
  let state: ResourceCursor = { ...EMPTY, ...connection.cursors[spec.resource] };
  let failed = 0;
  for (let pages = 1; ; pages++) {
    lease.signal.throwIfAborted();
    const page = await spec.fetch(provider, state, lease.signal);
    if (kind === SyncKind.ORDERS) {
      for (const order of page.items as NormalizedOrder[]) {
        if (!order.unifiedStatus) lease.log.warn({ platform: connection.platform, rawStatus: order.rawStatus, externalOrderNumber: order.externalOrderNumber }, 'unknown order status kept raw');
      }
    }
    const next = advance(state, page, ctx.clock.now());
    const row = await commitPage(ctx.em, lease, connection, spec, state, next, page);
    if (row) {
      failed = row.failed_count;
      await lease.progress(row);
    }
    state = next;
    if (page.done) break;
    if (pages >= MAX_PAGES_PER_RUN) return done({ status: SyncRunStatus.PARTIAL, error: `Stopped after ${MAX_PAGES_PER_RUN} pages; the next run continues from here.`, reason: 'PAGE_LIMIT' });
  }
  return done(failed ? { status: SyncRunStatus.PARTIAL, error: `${failed} ${spec.resource} could not be stored.`, reason: 'ITEMS_FAILED' } : { status: SyncRunStatus.SUCCEEDED });
}

/**
 * Runs the active ORDERS or LISTINGS run of a connection, if there is one to take: pages from the connection's
 * cursor, each page and its cursor advance committed together, until the platform says done.
 */
export async function runDeltaSync(ctx: Context, connectionId: string, kind: DeltaKind, job: SyncJobInfo): Promise<ExecutedRun | { runId: null; status: 'SKIPPED' }> {
  const staleSeconds = syncRuntime().runStaleAfterSeconds;
  const claimed = await withDatabaseRetry(ctx.log, 'claim sync run', () => claimRun(ctx.em, { singletonKey: connectionSyncKey(connectionId, kind) }, job.jobId, staleSeconds));
  if (!claimed) return { runId: null, status: 'SKIPPED' };
  return executeRun(ctx, claimed, job, connectionId, (lease) => walkPages(ctx, lease, connectionId, kind));
}
