import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Context } from '../../common/context';
import { ConnectionStatus, SyncRunStatus } from './entities/sync.enums';
import { classifyRunFailure, scrubbedError } from './run-failure';
import { finishRun, LeaseLostError, publishRunRow, RunHeartbeat, withDatabaseRetry, type RunOutcome, type SyncRunRow } from './run-lease.service';
import { syncRuntime } from './sync-runtime';

/** What a worker hands to a sync: its job id and the signal that asks it to stop (shutdown). */
export interface SyncJobInfo {
  jobId: string | null;
  signal?: AbortSignal;
}

/** A claimed run while its body executes. */
export interface RunLease {
  run: SyncRunRow;
  token: string;
  /** Aborted when the lease is lost or the worker shuts down; pass it to provider calls. */
  signal: AbortSignal;
  log: Logger;
  /** Credential values the body learned; scrubbed from anything recorded about a failure. */
  secrets: string[];
  /** Remembers the latest row (after a page commit) and tells the owner. */
  progress(row: SyncRunRow): Promise<void>;
}

/** How the connection a run used fares. */
export interface ConnectionOutcome {
  id: string;
  status?: ConnectionStatus;
  error?: string | null;
  /** Sets last_sync_at. */
  synced: boolean;
}

/** How a body ended. */
export interface RunResult {
  outcome: RunOutcome;
  connection?: ConnectionOutcome;
  detail?: Record<string, unknown>;
}

/** What a sync job reports. */
export interface ExecutedRun {
  runId: string;
  status: SyncRunStatus | 'LEASE_LOST';
  detail?: Record<string, unknown>;
}

/** Final status of the run plus its connection's health, in one transaction; null when the run is no longer ours. */
async function finish(em: EntityManager, run: SyncRunRow, token: string, result: RunResult, log: Logger): Promise<SyncRunRow | null> {
  return withDatabaseRetry(log, 'finish sync run', () =>
    em.transactional(async (tx) => {
      const row = await finishRun(tx, run.id, token, result.outcome);
      if (!row || !result.connection) return row;
      const c = result.connection;
      await tx.execute(
        `update marketplace_connection set status = coalesce(?, status), last_error = ?, last_sync_at = case when ? then clock_timestamp() else last_sync_at end,
           updated_at = clock_timestamp() where id = ? and status <> 'DISCONNECTED'`,
        [c.status ?? null, c.error ?? null, c.synced, c.id],
      );
      return row;
    }),
  );
}

/** Puts a run back in the queue (worker shutting down) so another worker resumes it from its cursor. */
async function release(em: EntityManager, runId: string, token: string): Promise<void> {
  await em.execute(`update sync_run set status = 'QUEUED', lease_token = null, updated_at = clock_timestamp() where id = ? and lease_token = ? and status = 'RUNNING'`, [
    runId,
    token,
  ]);
}

/**
 * Runs the body of a claimed run with a heartbeat, and guarantees the run ends SUCCEEDED, PARTIAL or FAILED with a
 * reason — except when its lease was lost (someone else finishes it) or the worker is shutting down (handed back
 * to the queue, and the job fails so pg-boss retries it).
 */
export async function executeRun(
  ctx: Context,
  claimed: { row: SyncRunRow; token: string },
  job: SyncJobInfo,
  connectionId: string | null,
  body: (lease: RunLease) => Promise<RunResult>,
): Promise<ExecutedRun> {
  const { row: run, token } = claimed;
  const log = ctx.log.child({ runId: run.id, kind: run.kind, connectionId });
  const heartbeat = new RunHeartbeat(ctx.em, run.id, token, Math.max(1000, (syncRuntime().runStaleAfterSeconds * 1000) / 5), log, job.signal);
  let latest: SyncRunRow | null = run;
  const lease: RunLease = {
    run,
    token,
    signal: heartbeat.signal,
    log,
    secrets: [],
    async progress(row) {
      latest = row;
      await publishRunRow(ctx.pubsub, row, log);
    },
  };
  await publishRunRow(ctx.pubsub, run, log);
  try {
    const result = await body(lease);
    latest = await finish(ctx.em, run, token, result, log);
    return { runId: run.id, status: latest ? result.outcome.status : 'LEASE_LOST', detail: result.detail };
  } catch (error) {
    if (error instanceof LeaseLostError || heartbeat.signal.reason instanceof LeaseLostError) {
      log.warn({ reason: (error as Error).message }, 'sync run finished or taken over elsewhere; stopped without writing more');
      latest = null;
      return { runId: run.id, status: 'LEASE_LOST' };
    }
    if (job.signal?.aborted) {
      await release(ctx.em, run.id, token).catch((e) => log.warn({ err: e }, 'could not hand the run back'));
      latest = null;
      throw new Error('worker shutting down; the sync run was handed back to the queue');
    }
    const failure = classifyRunFailure(error, lease.secrets);
    if (failure.reason === 'INTERNAL') log.error({ err: scrubbedError(error, lease.secrets) }, 'sync run failed');
    else log.warn({ reason: failure.reason, error: failure.error }, 'sync run failed');
    const connection = connectionId ? { id: connectionId, status: failure.connectionStatus, error: failure.error, synced: false } : undefined;
    latest = await finish(ctx.em, run, token, { outcome: { status: SyncRunStatus.FAILED, error: failure.error, reason: failure.reason }, connection }, log);
    return { runId: run.id, status: latest ? SyncRunStatus.FAILED : 'LEASE_LOST' };
  } finally {
    heartbeat.stop();
    if (latest && latest !== run) await publishRunRow(ctx.pubsub, latest, log);
  }
}
