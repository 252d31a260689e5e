import type { Context } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { PlatformByIdLoader } from '../catalog';
import { findViewerConnection } from './connection.service';
import { ConnectionScope, ConnectionStatus, SyncKind, SyncRunStatus, SyncTrigger } from './entities/sync.enums';
import type { MarketplaceConnection } from './entities/marketplace-connection.entity';
import { SyncRun } from './entities/sync-run.entity';
import { connectionSyncKey, createOrFindActiveRun, publishRun } from './sync-run.service';

/** The job that runs each kind of connection sync. */
export const JOB_OF_KIND = {
  [SyncKind.ORDERS]: 'orders.sync',
  [SyncKind.LISTINGS]: 'listings.sync',
  [SyncKind.MARKET_DATA]: 'market.sync',
} as const;

/** Kinds a connection can be asked to sync. */
export type ConnectionSyncKind = keyof typeof JOB_OF_KIND;

/** Why a connection cannot run this kind of sync; null when it can. */
async function unsupportedReason(ctx: Context, connection: MarketplaceConnection, kind: SyncKind): Promise<string | null> {
  if (!(kind in JOB_OF_KIND)) return `${kind} syncs are not run per connection.`;
  const platform = await ctx.loaders.get(PlatformByIdLoader).load(connection.platformId);
  if (kind === SyncKind.MARKET_DATA) {
    if (connection.scope !== ConnectionScope.MARKET_DATA) return 'Market data is synced through MARKET_DATA connections.';
    return platform?.supportsMarketData ? null : `${platform?.name ?? 'This platform'} offers no market data.`;
  }
  if (connection.scope !== ConnectionScope.SELLER_ACCOUNT) return `${kind} are synced through SELLER_ACCOUNT connections.`;
  const supported = kind === SyncKind.ORDERS ? platform?.supportsOrders : platform?.supportsListings;
  return supported ? null : `${platform?.name ?? 'This platform'} offers no ${kind.toLowerCase()} through its API.`;
}

/** Hands a run to the workers; a run nobody can ever pick up is failed at once instead of left QUEUED. */
async function enqueue(ctx: Context, run: { id: string; singletonKey: string; connectionId: string; kind: ConnectionSyncKind }): Promise<void> {
  const failRun = async (error: string, reason: string) => {
    await ctx.em.execute(
      `update sync_run set status = 'FAILED', error = ?, error_reason = ?, finished_at = clock_timestamp(), updated_at = clock_timestamp() where id = ? and status = 'QUEUED'`,
      [error, reason, run.id],
    );
  };
  if (!ctx.jobs) return failRun('No job queue runs in this process.', 'NO_JOB_QUEUE');
  const data = run.kind === SyncKind.MARKET_DATA ? { runId: run.id } : { connectionId: run.connectionId };
  const name = JOB_OF_KIND[run.kind];
  let jobId = await ctx.jobs.send(name, data, { singletonKey: run.singletonKey });
  // A job for this key already waits: it will run whatever run is active for the key, so this one is covered —
  // unless it was sent for a run that has since ended; a key of this run's own guarantees it is picked up.
  jobId ??= await ctx.jobs.send(name, data, { singletonKey: `${run.singletonKey}:${run.id}` });
  if (jobId) await ctx.em.execute(`update sync_run set job_id = ? where id = ? and job_id is null`, [jobId, run.id]);
}

/**
 * Asks for a sync of one connection: creates its QUEUED run — or returns the one already QUEUED or RUNNING for
 * the same (connection, kind), so any number of triggers collapse into one run — and enqueues the job.
 */
export async function requestConnectionSync(ctx: Context, connection: MarketplaceConnection, kind: ConnectionSyncKind, trigger: SyncTrigger): Promise<SyncRun> {
  const singletonKey = connectionSyncKey(connection.id, kind);
  const { id, created } = await createOrFindActiveRun(ctx.em, {
    singletonKey,
    kind,
    trigger,
    platformId: connection.platformId,
    accountId: connection.accountId,
    connectionId: connection.id,
    request: kind === SyncKind.MARKET_DATA ? { source: connection.id, tier: 'HOT' } : {},
  });
  if (created) await enqueue(ctx, { id, singletonKey, connectionId: connection.id, kind });
  const run = await ctx.em.findOneOrFail(SyncRun, { id }, { filters: false, refresh: true });
  if (created) await publishRun(ctx.pubsub, run);
  return run;
}

/** syncConnection: validates the viewer's connection and the kind, then {@link requestConnectionSync}. */
export async function syncConnection(ctx: Context, args: { id: string; kind: SyncKind }): Promise<{ syncRun: SyncRun | null; errors: UserError[] }> {
  const fail = (code: ErrorCode, message: string, field: string) => ({ syncRun: null, errors: [userError(code, message, [field])] });
  const connection = await findViewerConnection(ctx, args.id);
  if (!connection) return fail(ErrorCode.NOT_FOUND, 'No such marketplace connection.', 'id');
  if (connection.status === ConnectionStatus.DISCONNECTED) return fail(ErrorCode.CONFLICT, 'The connection is disconnected; connect the marketplace again.', 'id');
  if (connection.status === ConnectionStatus.REAUTH_REQUIRED) return fail(ErrorCode.CONFLICT, 'The platform rejected the stored credentials; connect again with new ones first.', 'id');
  const unsupported = await unsupportedReason(ctx, connection, args.kind);
  if (unsupported) return fail(ErrorCode.UNSUPPORTED, unsupported, 'kind');
  const syncRun = await requestConnectionSync(ctx, connection, args.kind as ConnectionSyncKind, SyncTrigger.MANUAL);
  return { syncRun, errors: [] };
}

/** Whether a run is still going. */
export const isActiveRun = (run: SyncRun): boolean => run.status === SyncRunStatus.QUEUED || run.status === SyncRunStatus.RUNNING;
