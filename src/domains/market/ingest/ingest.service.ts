import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ErrorPolicy } from '../../../common/error-policy';
import { ErrorCode, userError, type UserError } from '../../../common/errors';
import type { PubSub } from '../../../common/pubsub';
import { evaluatePriceAlerts } from '../alerts/price-alert-evaluation';
import { createWeekPartitions } from '../partitions/snapshot-partitions.service';
import { weeksOf } from '../partitions/snapshot-weeks';
import { pgArray, rawRows } from '../../../common/sql';
import { publishPriceChanges, publishUnchangedRefreshes } from '../subscriptions/price-change-publisher';
import { isStoredSnapshotConflict, writeSnapshotBatch, type ChangedPriceRow } from './ingest-statement';
import { priceChangeEvents } from './price-changes';
import type { IngestResult, SnapshotRow } from './snapshot-row';
import { isUuid, validateSnapshotRow, type ParsedSnapshot } from './snapshot-validation';

/** Snapshot rows per statement: large enough to amortize round trips, small enough to bound the statement's memory. */
const STATEMENT_ROWS = 100_000;

/** Options of {@link ingestMarketSnapshots}. */
export interface IngestOptions {
  /** REJECT_EVERYTHING (default) writes nothing when any row fails; REJECT_FAILED_ROWS writes the valid rows. */
  errorPolicy?: ErrorPolicy;
  /** Reference time for "future" timestamps (default: now). */
  now?: Date;
  /** Name of the input list in error paths (default "snapshots"): errors read ["snapshots", 3, "lowestAsk"]. */
  path?: string;
  /** Where to report a failed alert evaluation (the snapshots are committed by then, so it does not fail the ingest). */
  log?: Logger;
}

interface References {
  productOfVariant: Map<string, string>;
  platformSlug: Map<string, string>;
}

/** The newest row of each (variant, platform): only it is compared with, and becomes, the latest price. */
function newestPerKey(rows: ParsedSnapshot[]): ParsedSnapshot[] {
  // Nested maps keyed by the id strings themselves: no concatenated key to build and hash per row.
  const newest = new Map<string, Map<string, ParsedSnapshot>>();
  const result: ParsedSnapshot[] = [];
  for (const row of rows) {
    let byPlatform = newest.get(row.variantId);
    if (!byPlatform) newest.set(row.variantId, (byPlatform = new Map()));
    const current = byPlatform.get(row.platformId);
    if (!current || row.capturedAt > current.capturedAt) byPlatform.set(row.platformId, row);
  }
  for (const byPlatform of newest.values()) for (const row of byPlatform.values()) result.push(row);
  return result;
}

/** Variants (with their product) and platforms the rows name, in one statement. */
async function loadReferences(em: EntityManager, rows: ParsedSnapshot[]): Promise<References> {
  const variantIds = new Set<string>();
  const platformIds = new Set<string>();
  for (const row of rows) {
    variantIds.add(row.variantId);
    platformIds.add(row.platformId);
  }
  const found = await rawRows<{ kind: 'v' | 'p'; id: string; extra: string }>(
    em,
    `select 'v' as kind, id, product_id::text as extra from variant where id = any(?::uuid[])
     union all
     select 'p', id, slug from platform where id = any(?::uuid[])`,
    [pgArray([...variantIds].filter(isUuid)), pgArray([...platformIds].filter(isUuid))],
  );
  const refs: References = { productOfVariant: new Map(), platformSlug: new Map() };
  for (const row of found) (row.kind === 'v' ? refs.productOfVariant : refs.platformSlug).set(row.id, row.extra);
  return refs;
}

/**
 * Bulk path: validates, inserts snapshots (unnest), upserts market_price latest rows and detects changes in the
 * same transaction, then publishes PriceChangeEvents (after commit) — or, for products whose prices did not move,
 * a MARKET_REFRESHED signal — and evaluates price alerts.
 */
export async function ingestMarketSnapshots(em: EntityManager, pubsub: PubSub, rows: SnapshotRow[], options: IngestOptions = {}): Promise<IngestResult> {
  const policy = options.errorPolicy ?? ErrorPolicy.REJECT_EVERYTHING;
  const now = (options.now ?? new Date()).getTime();
  const path = options.path ?? 'snapshots';
  const errors = new Map<number, UserError[]>();
  const candidates: ParsedSnapshot[] = [];
  const indexOf: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const result = validateSnapshotRow(rows[i], path, i, now);
    if (Array.isArray(result)) errors.set(i, result);
    else {
      candidates.push(result);
      indexOf.push(i);
    }
  }
  const refs = candidates.length ? await loadReferences(em, candidates) : { productOfVariant: new Map<string, string>(), platformSlug: new Map<string, string>() };
  const accepted: ParsedSnapshot[] = [];
  candidates.forEach((row, c) => {
    const unknown: UserError[] = [];
    if (!refs.productOfVariant.has(row.variantId)) unknown.push(userError(ErrorCode.NOT_FOUND, 'No such variant.', [path, indexOf[c], 'variantId']));
    if (!refs.platformSlug.has(row.platformId)) unknown.push(userError(ErrorCode.NOT_FOUND, 'No such platform.', [path, indexOf[c], 'platformId']));
    if (unknown.length) errors.set(indexOf[c], unknown);
    else accepted.push(row);
  });
  const rowErrors = [...errors].sort(([a], [b]) => a - b).map(([index, list]) => ({ index, errors: list }));
  if (!accepted.length || (rowErrors.length && policy === ErrorPolicy.REJECT_EVERYTHING)) return { written: 0, changes: 0, rowErrors };

  // DDL outside the write transaction: it takes a brief lock on the parent table, not one held for the whole batch.
  const weeks = weeksOf(accepted.map((r) => r.capturedAt));
  await createWeekPartitions(em, weeks);

  const productOf = (variantId: string) => refs.productOfVariant.get(variantId)!;
  const latest = newestPerKey(accepted);
  const write = (skipStored: boolean) =>
    em.transactional(async (tx) => {
      // JIT compilation costs more than it saves on a single bulk statement.
      await rawRows(tx, 'set local jit = off');
      let total = 0;
      let changedRows: ChangedPriceRow[] = [];
      for (let start = 0; start < accepted.length; start += STATEMENT_ROWS) {
        const last = start + STATEMENT_ROWS >= accepted.length;
        const batch = await writeSnapshotBatch(tx, accepted.slice(start, start + STATEMENT_ROWS), last ? latest : [], productOf, { skipStored });
        total += batch.written;
        if (last) changedRows = batch.changed;
      }
      return { written: total, changed: changedRows };
    });
  // Fresh data (the normal case) takes the fast plain insert; a batch repeating stored snapshots is redone skipping them.
  const { written, changed } = await write(false).catch((error) => {
    if (isStoredSnapshotConflict(error)) return write(true);
    throw error;
  });

  const events = priceChangeEvents(changed, (id) => refs.platformSlug.get(id)!);
  publishPriceChanges(pubsub, events);
  publishUnchangedRefreshes(pubsub, latest.map((row) => ({ productId: productOf(row.variantId), variantId: row.variantId })), events);
  try {
    await evaluatePriceAlerts(em, pubsub, events);
  } catch (error) {
    options.log?.error({ err: error, changes: events.length }, 'price alert evaluation failed after ingest');
  }
  return { written, changes: events.length, rowErrors };
}
