const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Parent table of the weekly partitions. */
export const SNAPSHOT_TABLE = 'market_snapshot';

/** 1970-01-05, the first Monday of the Unix epoch. */
const FIRST_MONDAY_MS = 4 * DAY_MS;

/** Monday 00:00 UTC of the week containing `at` (weeks are UTC ISO weeks). */
export function weekStart(at: Date | number): Date {
  const ms = typeof at === 'number' ? at : at.getTime();
  const sinceMonday = (((ms - FIRST_MONDAY_MS) % WEEK_MS) + WEEK_MS) % WEEK_MS;
  return new Date(ms - sinceMonday);
}

/** The week starting `weeks` weeks after the week of `at`. */
export const addWeeks = (start: Date, weeks: number): Date => new Date(weekStart(start).getTime() + weeks * WEEK_MS);

/** Partition of the week starting at `start`: `market_snapshot_w20261116`. */
export function partitionName(start: Date): string {
  return `${SNAPSHOT_TABLE}_w${start.toISOString().slice(0, 10).replaceAll('-', '')}`;
}

/** Distinct week starts covering the given times (epoch milliseconds or dates), oldest first. */
export function weeksOf(times: Iterable<number | Date>): Date[] {
  const starts = new Set<number>();
  for (const time of times) {
    const ms = typeof time === 'number' ? time : time.getTime();
    starts.add(ms - ((((ms - FIRST_MONDAY_MS) % WEEK_MS) + WEEK_MS) % WEEK_MS));
  }
  return [...starts].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/** DDL creating the partition of one week (UTC bounds, lower inclusive, upper exclusive). */
export function createPartitionSql(start: Date): string {
  const from = start.toISOString();
  const to = new Date(start.getTime() + WEEK_MS).toISOString();
  return `create table if not exists ${partitionName(start)} partition of ${SNAPSHOT_TABLE} for values from ('${from}') to ('${to}')`;
}
