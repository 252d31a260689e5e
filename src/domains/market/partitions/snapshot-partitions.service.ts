import type { EntityManager } from '@mikro-orm/postgresql';
import { addWeeks, createPartitionSql, partitionName, SNAPSHOT_TABLE, weekStart } from './snapshot-weeks';

/** Serializes partition DDL across processes (any constant shared by every creator will do). */
const PARTITION_LOCK_KEY = 7_204_311_001;

/** Names of the given partitions that exist. */
export async function existingPartitions(em: EntityManager, names: string[]): Promise<Set<string>> {
  if (!names.length) return new Set();
  const rows: Array<{ name: string }> = await em.execute(
    `select n as name from unnest(?::text[]) n where to_regclass(n) is not null`,
    [`{${names.join(',')}}`],
  );
  return new Set(rows.map((r) => r.name));
}

/**
 * Creates the partitions of the given weeks that do not exist yet, in one short transaction under an
 * advisory lock so concurrent ingests and the maintenance job never race on the same DDL. Returns the created names.
 */
export async function createWeekPartitions(em: EntityManager, weeks: Date[]): Promise<string[]> {
  const starts = weeks.map(weekStart);
  const existing = await existingPartitions(em, starts.map(partitionName));
  const missing = starts.filter((start) => !existing.has(partitionName(start)));
  if (!missing.length) return [];
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(?)', [PARTITION_LOCK_KEY]);
    const stillMissing = await existingPartitions(tx, missing.map(partitionName));
    const created: string[] = [];
    for (const start of missing) {
      if (stillMissing.has(partitionName(start))) continue;
      await tx.execute(createPartitionSql(start));
      created.push(partitionName(start));
    }
    return created;
  });
}

/** Creates weekly partitions of market_snapshot from the current week up to weeksAhead ahead (idempotent). Returns the names it created. */
export async function ensureMarketPartitions(em: EntityManager, options: { weeksAhead?: number; now?: Date } = {}): Promise<string[]> {
  const weeksAhead = options.weeksAhead ?? 4;
  if (!Number.isInteger(weeksAhead) || weeksAhead < 0 || weeksAhead > 104) throw new RangeError(`weeksAhead must be a whole number 0–104, got ${weeksAhead}`);
  const now = options.now ?? new Date();
  return createWeekPartitions(em, Array.from({ length: weeksAhead + 1 }, (_, i) => addWeeks(now, i)));
}

/** Partitions of market_snapshot with their upper bounds (null for a DEFAULT partition), oldest first. */
export async function listMarketPartitions(em: EntityManager): Promise<Array<{ name: string; upperBound: Date | null }>> {
  const rows: Array<{ name: string; upper_bound: string | null }> = await em.execute(
    `select c.relname as name,
            (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''([^'']+)''\\)'))[1]::timestamptz as upper_bound
       from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = '${SNAPSHOT_TABLE}'::regclass
      order by upper_bound nulls last, c.relname`,
  );
  return rows.map((r) => ({ name: r.name, upperBound: r.upper_bound ? new Date(r.upper_bound) : null }));
}

/**
 * Drops whole partitions whose week ended before now − retentionDays; rows are never deleted one by one,
 * so retention costs a catalog update, not a table scan and vacuum. Returns the dropped names.
 */
export async function dropExpiredMarketPartitions(em: EntityManager, options: { retentionDays: number; now?: Date }): Promise<string[]> {
  const { retentionDays } = options;
  if (!Number.isFinite(retentionDays) || retentionDays < 1) throw new RangeError(`retentionDays must be at least 1, got ${retentionDays}`);
  const cutoff = (options.now ?? new Date()).getTime() - retentionDays * 86_400_000;
  const expired = (await listMarketPartitions(em)).filter((p) => p.upperBound && p.upperBound.getTime() <= cutoff);
  const dropped: string[] = [];
  for (const partition of expired) {
    await em.transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(?)', [PARTITION_LOCK_KEY]);
      await tx.execute(`drop table if exists "${partition.name.replaceAll('"', '""')}"`);
    });
    dropped.push(partition.name);
  }
  return dropped;
}
