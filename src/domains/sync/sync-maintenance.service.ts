import type { Context } from '../../common/context';
import { ConnectionScope, ConnectionStatus, SyncKind, SyncTrigger } from './entities/sync.enums';
import { MarketplaceConnection } from './entities/marketplace-connection.entity';
import { publishRunRow, withDatabaseRetry, type SyncRunRow } from './run-lease.service';
import { JOB_OF_KIND, requestConnectionSync, type ConnectionSyncKind } from './sync-request.service';
import { syncRuntime } from './sync-runtime';

/** A run re-queued this many times after losing its worker is failed instead of tried again. */
export const MAX_RUN_ATTEMPTS = 3;
/** A run nobody started within a day is failed, so none stays QUEUED forever. */
const QUEUED_EXPIRY = '1 day';
/** QUEUED runs whose job may be gone are re-sent after this long without a start. */
const QUEUED_RESEND_AFTER_SECONDS = 120;

const RETURNING = `returning id, account_id, connection_id, platform_id, kind, trigger, status, singleton_key, request, fetched_count, written_count,
  failed_count, pages, attempts, error, error_reason, started_at, finished_at, heartbeat_at, created_at`;

/** What one reaper pass did. */
export interface ReapResult {
  requeued: number;
  failed: number;
  resent: number;
  expired: number;
}

/** Sends the job that will pick a QUEUED run up again. */
async function resend(ctx: Context, run: Pick<SyncRunRow, 'id' | 'kind' | 'connection_id' | 'singleton_key' | 'attempts'>): Promise<boolean> {
  if (!ctx.jobs || !(run.kind in JOB_OF_KIND)) return false;
  const kind = run.kind as ConnectionSyncKind;
  // Connection jobs run whatever run is active for their key; market jobs name their run, so they get a key of their own.
  const id =
    kind === SyncKind.MARKET_DATA || !run.connection_id
      ? await ctx.jobs.send('market.sync', { runId: run.id }, { singletonKey: `${run.singleton_key}:${run.id}:${run.attempts}` })
      : await ctx.jobs.send(JOB_OF_KIND[kind] as 'orders.sync', { connectionId: run.connection_id }, { singletonKey: run.singleton_key });
  return id !== null;
}

/**
 * The stale-run reaper. A RUNNING run whose worker stopped reporting (killed, crashed, cut off from the database)
 * goes back to QUEUED and its job is sent again — it resumes from its last committed page — or, after
 * {@link MAX_RUN_ATTEMPTS}, ends FAILED with reason WORKER_LOST. QUEUED runs whose job is gone are re-sent, and
 * ones nobody started within a day end FAILED (EXPIRED). So every accepted run reaches a final status.
 */
export async function reapStaleRuns(ctx: Context): Promise<ReapResult> {
  const staleSeconds = syncRuntime().runStaleAfterSeconds;
  const lost = (await withDatabaseRetry(ctx.log, 'reap stale runs', () =>
    ctx.em.execute(
      `update sync_run set
         status = case when attempts >= ? then 'FAILED' else 'QUEUED' end,
         error = case when attempts >= ? then ? else error end,
         error_reason = case when attempts >= ? then 'WORKER_LOST' else error_reason end,
         finished_at = case when attempts >= ? then clock_timestamp() end,
         lease_token = null, updated_at = clock_timestamp()
       where status = 'RUNNING' and heartbeat_at < clock_timestamp() - ? * interval '1 second'
       ${RETURNING}`,
      [
        MAX_RUN_ATTEMPTS,
        MAX_RUN_ATTEMPTS,
        `worker lost: the worker running this sync stopped responding ${MAX_RUN_ATTEMPTS} times`,
        MAX_RUN_ATTEMPTS,
        MAX_RUN_ATTEMPTS,
        staleSeconds,
      ],
    ),
  )) as SyncRunRow[];
  const result: ReapResult = { requeued: 0, failed: 0, resent: 0, expired: 0 };
  for (const run of lost) {
    if (run.status === 'FAILED') result.failed++;
    else {
      result.requeued++;
      await resend(ctx, run).catch((error) => ctx.log.warn({ err: error, runId: run.id }, 'could not re-send a re-queued run'));
    }
    ctx.log.warn({ runId: run.id, kind: run.kind, attempts: run.attempts, status: run.status }, 'sync run lost its worker');
    await publishRunRow(ctx.pubsub, run, ctx.log);
  }

  const expired = (await ctx.em.execute(
    `update sync_run set status = 'FAILED', error = 'No worker started this sync within a day.', error_reason = 'EXPIRED',
       finished_at = clock_timestamp(), updated_at = clock_timestamp()
     where status = 'QUEUED' and created_at < clock_timestamp() - interval '${QUEUED_EXPIRY}' ${RETURNING}`,
  )) as SyncRunRow[];
  result.expired = expired.length;
  for (const run of expired) await publishRunRow(ctx.pubsub, run, ctx.log);

  const waiting = (await ctx.em.execute(
    `select id, kind, connection_id, singleton_key, attempts, job_id from sync_run
     where status = 'QUEUED' and updated_at < clock_timestamp() - ? * interval '1 second' order by updated_at limit 100`,
    [QUEUED_RESEND_AFTER_SECONDS],
  )) as Array<SyncRunRow & { job_id: string | null }>;
  for (const run of waiting) {
    const name = JOB_OF_KIND[run.kind as ConnectionSyncKind];
    const job = run.job_id && name && ctx.jobs ? await ctx.jobs.status(name, run.job_id) : null;
    if (job && ['created', 'retry', 'active'].includes(job.state)) continue;
    if (await resend(ctx, run)) result.resent++;
    await ctx.em.execute(`update sync_run set updated_at = clock_timestamp() where id = ? and status = 'QUEUED'`, [run.id]);
  }
  return result;
}

/** Orders of a seller connection are synced when their last complete pass is older than this. */
export const SCHEDULED_ORDERS_EVERY_MS = 30 * 60_000;
/** Listings likewise, less often: they change when the reseller acts, which MarketGraph mostly sees itself. */
export const SCHEDULED_LISTINGS_EVERY_MS = 60 * 60_000;

/**
 * Requests the periodic orders and listings syncs of every CONNECTED (or ERROR) seller connection that is due.
 * Each connection is requested on its own: one failing never keeps the others from being scheduled.
 */
export async function scheduleConnectionSyncs(ctx: Context, now = ctx.clock.now()): Promise<{ requested: number; failed: number }> {
  const connections = await ctx.em.find(
    MarketplaceConnection,
    { scope: ConnectionScope.SELLER_ACCOUNT, status: { $in: [ConnectionStatus.CONNECTED, ConnectionStatus.ERROR] } },
    { filters: false, orderBy: { id: 'asc' } },
  );
  const platforms = new Map(
    ((await ctx.em.execute(`select id, supports_orders, supports_listings from platform`)) as Array<{ id: string; supports_orders: boolean; supports_listings: boolean }>).map((p) => [p.id, p]),
  );
  let requested = 0;
  let failed = 0;
  for (const connection of connections) {
    const platform = platforms.get(connection.platformId);
    const due = (resource: 'orders' | 'listings', everyMs: number) => {
      const completed = connection.cursors[resource]?.completedAt;
      return !completed || now.getTime() - Date.parse(completed) >= everyMs;
    };
    const kinds: ConnectionSyncKind[] = [];
    if (platform?.supports_orders && due('orders', SCHEDULED_ORDERS_EVERY_MS)) kinds.push(SyncKind.ORDERS);
    if (platform?.supports_listings && due('listings', SCHEDULED_LISTINGS_EVERY_MS)) kinds.push(SyncKind.LISTINGS);
    for (const kind of kinds) {
      try {
        await requestConnectionSync(ctx, connection, kind, SyncTrigger.SCHEDULE);
        requested++;
      } catch (error) {
        failed++;
        ctx.log.error({ err: error, connectionId: connection.id, kind }, 'could not schedule a connection sync; continuing with the others');
      }
    }
  }
  return { requested, failed };
}
