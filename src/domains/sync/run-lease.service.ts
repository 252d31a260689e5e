import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { PubSub } from '../../common/pubsub';
import type { SyncKind, SyncRunStatus, SyncTrigger } from './entities/sync.enums';
import type { SyncRunRequest } from './entities/sync-run.entity';
import { SYNC_RUN_UPDATED, type SyncRunPayload } from './sync.topics';

/** A sync_run row as SQL returns it. */
export interface SyncRunRow {
  id: string;
  account_id: string | null;
  connection_id: string | null;
  platform_id: string | null;
  kind: SyncKind;
  trigger: SyncTrigger;
  status: SyncRunStatus;
  singleton_key: string;
  request: SyncRunRequest;
  fetched_count: number;
  written_count: number;
  failed_count: number;
  pages: number;
  attempts: number;
  error: string | null;
  error_reason: string | null;
  started_at: Date | null;
  finished_at: Date | null;
  heartbeat_at: Date | null;
  created_at: Date;
}

const RUN_COLUMNS = `id, account_id, connection_id, platform_id, kind, trigger, status, singleton_key, request, fetched_count, written_count,
  failed_count, pages, attempts, error, error_reason, started_at, finished_at, heartbeat_at, created_at`;

/** Raised inside a page transaction when the run is no longer ours (finished elsewhere, disconnected, or taken over). */
export class LeaseLostError extends Error {
  constructor(message = 'the run is no longer held by this worker') {
    super(message);
    this.name = 'LeaseLostError';
  }
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The event of a run row. */
export function payloadOfRow(row: SyncRunRow): SyncRunPayload {
  return {
    id: row.id,
    accountId: row.account_id!,
    connectionId: row.connection_id,
    platformId: row.platform_id,
    kind: row.kind,
    trigger: row.trigger,
    status: row.status,
    fetched: row.fetched_count,
    written: row.written_count,
    failed: row.failed_count,
    pages: row.pages,
    attempts: row.attempts,
    error: row.error,
    errorReason: row.error_reason,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    heartbeatAt: iso(row.heartbeat_at),
    createdAt: iso(row.created_at)!,
  };
}

/** Publishes a run row to its owner (market-wide runs have none and are not published). */
export async function publishRunRow(pubsub: PubSub, row: SyncRunRow, log: Logger): Promise<void> {
  if (!row.account_id) return;
  try {
    await pubsub.publish(SYNC_RUN_UPDATED, row.account_id, payloadOfRow(row));
  } catch (error) {
    log.warn({ err: error, runId: row.id }, 'could not publish sync run progress');
  }
}

/** Which run a worker wants: the active run of a singleton key, or one run by id. */
export type RunSelector = { singletonKey: string } | { runId: string };

/**
 * Takes a run for this worker: a QUEUED one, or a RUNNING one whose worker stopped reporting (crashed or
 * killed). A fresh fencing token makes every later write of the previous holder a no-op.
 */
export async function claimRun(em: EntityManager, selector: RunSelector, jobId: string | null, staleSeconds: number): Promise<{ row: SyncRunRow; token: string } | null> {
  const token = randomUUID();
  const worker = `${hostname()}:${process.pid}`;
  const [column, value] = 'runId' in selector ? ['id', selector.runId] : ['singleton_key', selector.singletonKey];
  const rows = (await em.execute(
    `update sync_run set status = 'RUNNING', lease_token = ?, worker = ?, attempts = attempts + 1, job_id = coalesce(?::uuid, job_id),
       started_at = coalesce(started_at, clock_timestamp()), heartbeat_at = clock_timestamp(), updated_at = clock_timestamp()
     where ${column} = ? and (status = 'QUEUED' or (status = 'RUNNING' and heartbeat_at < clock_timestamp() - ? * interval '1 second'))
     returning ${RUN_COLUMNS}`,
    [token, worker, jobId, value, staleSeconds],
  )) as SyncRunRow[];
  return rows.length ? { row: rows[0], token } : null;
}

/** Locks the run inside a page transaction and fails it with {@link LeaseLostError} unless this worker still holds it. */
export async function assertLease(tx: EntityManager, runId: string, token: string): Promise<void> {
  const rows = (await tx.execute(`select 1 from sync_run where id = ? and lease_token = ? and status = 'RUNNING' for update`, [runId, token])) as unknown[];
  if (!rows.length) throw new LeaseLostError();
}

/** Counts of one committed page. */
export interface PageCounts {
  fetched: number;
  written: number;
  failed: number;
}

/** Adds a page's counts to the run (inside the page transaction, after {@link assertLease}) and returns the row. */
export async function recordPage(tx: EntityManager, runId: string, counts: PageCounts): Promise<SyncRunRow> {
  const rows = (await tx.execute(
    `update sync_run set fetched_count = fetched_count + ?, written_count = written_count + ?, failed_count = failed_count + ?,
       pages = pages + 1, heartbeat_at = clock_timestamp(), updated_at = clock_timestamp()
     where id = ? returning ${RUN_COLUMNS}`,
    [counts.fetched, counts.written, counts.failed, runId],
  )) as SyncRunRow[];
  return rows[0];
}

/** How a run ended. */
export interface RunOutcome {
  status: SyncRunStatus.SUCCEEDED | SyncRunStatus.PARTIAL | SyncRunStatus.FAILED;
  error?: string | null;
  reason?: string | null;
}

/** Writes the final status (only while the lease holds); null when the run was already taken or finished elsewhere. */
export async function finishRun(tx: EntityManager, runId: string, token: string, outcome: RunOutcome): Promise<SyncRunRow | null> {
  const rows = (await tx.execute(
    `update sync_run set status = ?, error = ?, error_reason = ?, finished_at = clock_timestamp(), lease_token = null, updated_at = clock_timestamp()
     where id = ? and lease_token = ? and status = 'RUNNING' returning ${RUN_COLUMNS}`,
    [outcome.status, outcome.error ?? null, outcome.reason ?? null, runId, token],
  )) as SyncRunRow[];
  return rows[0] ?? null;
}

/**
 * Keeps a claimed run's heartbeat fresh on its own connection while the worker is busy, so the reaper can tell
 * a slow run from a dead worker; aborts `signal` as soon as the run turns out to be held by someone else.
 */
export class RunHeartbeat {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onParentAbort: () => void;

  constructor(
    private readonly em: EntityManager,
    private readonly runId: string,
    private readonly token: string,
    intervalMs: number,
    private readonly log: Logger,
    private readonly parent?: AbortSignal,
  ) {
    this.timer = setInterval(() => void this.beat(), intervalMs);
    this.timer.unref();
    this.onParentAbort = () => this.controller.abort(this.parent?.reason);
    if (parent?.aborted) this.onParentAbort();
    else parent?.addEventListener('abort', this.onParentAbort, { once: true });
  }

  /** Aborted when the lease is lost or the worker shuts down. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Stops beating and lets go of the worker's shutdown signal (shared by every job of the process). */
  stop(): void {
    clearInterval(this.timer);
    this.parent?.removeEventListener('abort', this.onParentAbort);
  }

  private async beat(): Promise<void> {
    try {
      const rows = (await this.em.fork().execute(
        `update sync_run set heartbeat_at = clock_timestamp() where id = ? and lease_token = ? and status = 'RUNNING' returning id`,
        [this.runId, this.token],
      )) as unknown[];
      if (!rows.length) this.controller.abort(new LeaseLostError());
    } catch (error) {
      // A failed beat is not a lost lease: the database may be back before the run is considered stale.
      this.log.warn({ err: error, runId: this.runId }, 'sync run heartbeat failed');
    }
  }
}

const TRANSIENT_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '40001', '40P01', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

/** True for database errors worth retrying: a dropped connection, a restart, a serialization conflict. */
export function isTransientDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  if (code && TRANSIENT_CODES.has(code)) return true;
  return /Connection terminated|terminating connection|connection.*(closed|ended|reset)|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(error.message);
}

/** Runs `step` again after a dropped database connection (with a short backoff), a few times. */
export async function withDatabaseRetry<T>(log: Logger, what: string, step: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts || !isTransientDatabaseError(error)) throw error;
      log.warn({ err: error, attempt, what }, 'database connection lost; retrying');
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
}
