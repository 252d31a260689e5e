import type { QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Context } from '../../common/context';
import { uuidOf } from '../../common/node';
import { connectionFromCursor, pageWindow, type ConnectionArgs, type ConnectionShape } from '../../common/pagination';
import type { PubSub } from '../../common/pubsub';
import { FINAL_RUN_STATUSES, SyncKind, SyncRunStatus, SyncTrigger } from './entities/sync.enums';
import type { MarketplaceConnection } from './entities/marketplace-connection.entity';
import { SyncRun, type SyncRunRequest } from './entities/sync-run.entity';
import { SYNC_RUN_UPDATED, type SyncRunPayload } from './sync.topics';

/** The single-flight key of a connection's runs of one kind (also the pg-boss singleton key of its jobs). */
export const connectionSyncKey = (connectionId: string, kind: SyncKind): string => `${connectionId}:${kind}`;

/** What a new run is for. */
export interface NewRun {
  singletonKey: string;
  kind: SyncKind;
  trigger: SyncTrigger;
  platformId: string | null;
  accountId?: string | null;
  connectionId?: string | null;
  request?: SyncRunRequest;
}

interface RunIdRow {
  id: string;
}

/**
 * Creates a QUEUED run unless one with the same singleton key is QUEUED or RUNNING — the partial unique index
 * decides under concurrency, so any number of simultaneous requests leave exactly one row. Returns the run's id
 * and whether this call created it.
 */
export async function createOrFindActiveRun(em: EntityManager, run: NewRun): Promise<{ id: string; created: boolean }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const inserted = (await em.execute(
      `insert into sync_run (id, account_id, connection_id, platform_id, kind, trigger, status, singleton_key, request, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?::jsonb, clock_timestamp(), clock_timestamp())
       on conflict (singleton_key) where status in ('QUEUED', 'RUNNING') do nothing
       returning id`,
      [randomUUID(), run.accountId ?? null, run.connectionId ?? null, run.platformId, run.kind, run.trigger, run.singletonKey, JSON.stringify(run.request ?? {})],
    )) as RunIdRow[];
    if (inserted.length) return { id: inserted[0].id, created: true };
    const active = (await em.execute(`select id from sync_run where singleton_key = ? and status in ('QUEUED', 'RUNNING')`, [run.singletonKey])) as RunIdRow[];
    // The active run may have finished between the two statements; then the next insert wins.
    if (active.length) return { id: active[0].id, created: false };
  }
  throw new Error(`sync run ${run.singletonKey}: could neither create nor find the active run`);
}

/** The JSON-safe event of a run. */
export function runPayload(run: SyncRun): SyncRunPayload {
  const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
  return {
    id: run.id,
    accountId: run.accountId!,
    connectionId: run.connectionId ?? null,
    platformId: run.platformId ?? null,
    kind: run.kind,
    trigger: run.trigger,
    status: run.status,
    fetched: run.fetchedCount,
    written: run.writtenCount,
    failed: run.failedCount,
    pages: run.pages,
    attempts: run.attempts,
    error: run.error ?? null,
    errorReason: run.errorReason ?? null,
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    heartbeatAt: iso(run.heartbeatAt),
    createdAt: iso(run.createdAt)!,
  };
}

/** A SyncRun object rebuilt from its event (no query), for subscribers. */
export function runFromPayload(payload: SyncRunPayload): SyncRun {
  const date = (s: string | null) => (s ? new Date(s) : null);
  return Object.assign(Object.create(SyncRun.prototype) as SyncRun, {
    id: payload.id,
    accountId: payload.accountId,
    connectionId: payload.connectionId,
    platformId: payload.platformId,
    kind: payload.kind,
    trigger: payload.trigger,
    status: payload.status,
    fetchedCount: payload.fetched,
    writtenCount: payload.written,
    failedCount: payload.failed,
    pages: payload.pages,
    attempts: payload.attempts,
    error: payload.error,
    errorReason: payload.errorReason,
    startedAt: date(payload.startedAt),
    finishedAt: date(payload.finishedAt),
    heartbeatAt: date(payload.heartbeatAt),
    createdAt: new Date(payload.createdAt),
  });
}

/** Tells the owner's subscribers where a run stands; market-wide runs (no owner) are not published. */
export async function publishRun(pubsub: PubSub, run: SyncRun): Promise<void> {
  if (run.accountId) await pubsub.publish(SYNC_RUN_UPDATED, run.accountId, runPayload(run));
}

/** Fails the QUEUED and RUNNING runs of a connection (a worker holding one notices at its next page and stops). */
export async function failActiveRunsOfConnection(ctx: Context, connection: MarketplaceConnection, error: string, reason: string): Promise<number> {
  const runs = await ctx.em.find(SyncRun, { connectionId: connection.id, status: { $in: [SyncRunStatus.QUEUED, SyncRunStatus.RUNNING] } }, { filters: false });
  const now = ctx.clock.now();
  for (const run of runs) Object.assign(run, { status: SyncRunStatus.FAILED, error, errorReason: reason, finishedAt: now, leaseToken: null });
  await ctx.em.flush();
  for (const run of runs) await publishRun(ctx.pubsub, run);
  return runs.length;
}

/** Filters of the syncRuns list. */
export interface SyncRunFilterArgs {
  connectionId?: string | null;
  kinds?: SyncKind[] | null;
  statuses?: SyncRunStatus[] | null;
  active?: boolean | null;
}

/** The viewer's runs, newest first; a connection id of another account filters to nothing, like a missing one. */
export async function listSyncRuns(ctx: Context, args: ConnectionArgs, filter: SyncRunFilterArgs = {}, info?: GraphQLResolveInfo): Promise<ConnectionShape<SyncRun>> {
  const where: Record<string, unknown> = {};
  if (filter.connectionId) where.connectionId = uuidOf(filter.connectionId, 'MarketplaceConnection') ?? '00000000-0000-0000-0000-000000000000';
  if (filter.kinds?.length) where.kind = { $in: filter.kinds };
  const statuses = filter.statuses?.length ? filter.statuses : null;
  if (statuses) where.status = { $in: statuses };
  if (filter.active === true) where.status = { $in: [SyncRunStatus.QUEUED, SyncRunStatus.RUNNING].filter((s) => !statuses || statuses.includes(s)) };
  if (filter.active === false) where.status = { $in: FINAL_RUN_STATUSES.filter((s) => !statuses || statuses.includes(s)) };
  const page = await ctx.em.findByCursor(SyncRun, where, { ...pageWindow(args, info), orderBy: { createdAt: 'desc', id: 'desc' } as QueryOrderMap<SyncRun> });
  return connectionFromCursor(page);
}

/** One of the viewer's runs by global id; another account's answers like a missing one. */
export async function findViewerRun(ctx: Context, id: string): Promise<SyncRun | null> {
  const uuid = uuidOf(id, 'SyncRun');
  return uuid ? ctx.em.findOne(SyncRun, { id: uuid }) : null;
}
