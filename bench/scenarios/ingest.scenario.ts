import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorPolicy } from '../../src/common/error-policy';
import { ingestMarketSnapshots, type IngestResult, type SnapshotRow } from '../../src/domains/market';
import { PRODUCT_PAGE_MARKET } from '../dataset';
import { amount, marketSeries, type MarketSeries } from '../market-series';
import { withCpuProfile } from '../profile';
import { formatCount, formatMs } from '../report';
import type { Scenario, Table } from '../scenario';

const CATALOG = { products: 1000, sizesPerProduct: 20 };
/** The history covers the most popular products; the batch prices the next ones, which have no latest prices yet. */
const FIRST_RANK = PRODUCT_PAGE_MARKET.products + 1;
const PRODUCTS = CATALOG.products - PRODUCT_PAGE_MARKET.products;
/** Firehose messages carry this many events (src/domains/market/subscriptions/price-change-publisher.ts). */
const FIREHOSE_CHUNK = 500;

/** Statement kinds of the ingest path, recognised by their text. */
const KINDS: Array<[RegExp, string]> = [
  [/^\s*with inserted as/i, 'snapshot insert + latest upsert + change detection'],
  [/union all\s+select 'p'/i, 'reference lookup (variants, platforms)'],
  [/to_regclass/i, 'partition check'],
  [/pg_advisory_xact_lock|create table/i, 'partition DDL'],
  [/set local jit/i, 'set local jit = off'],
  [/from price_alert/i, 'price alert lookup'],
];
/** Statements the process ran meanwhile that are not the ingest's (e.g. the gateway flushing product views). */
const UNRELATED = 'other statements of this process meanwhile (not counted)';
const kindOf = (sql: string) => KINDS.find(([pattern]) => pattern.test(sql))?.[1] ?? UNRELATED;

/** Wall time of every SQL statement the EntityManager's knex sends while `fn` runs, by kind. */
async function timeStatements<T>(em: EntityManager, fn: () => Promise<T>): Promise<{ result: T; byKind: Map<string, { count: number; ms: number }> }> {
  const knex = em.getKnex();
  const started = new Map<string, { at: number; sql: string }>();
  const byKind = new Map<string, { count: number; ms: number }>();
  const onQuery = (q: { __knexQueryUid: string; sql: string }) => started.set(q.__knexQueryUid, { at: performance.now(), sql: q.sql });
  const onDone = (_response: unknown, q: { __knexQueryUid: string }) => {
    const start = started.get(q.__knexQueryUid);
    if (!start) return;
    started.delete(q.__knexQueryUid);
    const kind = kindOf(start.sql);
    const entry = byKind.get(kind) ?? { count: 0, ms: 0 };
    entry.count++;
    entry.ms += performance.now() - start.at;
    byKind.set(kind, entry);
  };
  knex.on('query', onQuery);
  knex.on('query-response', onDone);
  knex.on('query-error', onDone);
  try {
    return { result: await fn(), byKind };
  } finally {
    knex.off('query', onQuery);
    knex.off('query-response', onDone);
    knex.off('query-error', onDone);
  }
}

interface Run {
  label: string;
  rows: number;
  ms: number;
  result: IngestResult;
  messages: number;
  byKind: Map<string, { count: number; ms: number }>;
  profile?: Table;
}

/** Rows of one tick for every series; prices derive from the series' position and the step's bumps. */
function tick(series: MarketSeries[], at: Date, bump: (i: number) => { ask: number; bid: number; last: number }): SnapshotRow[] {
  return series.map((s, i) => {
    const base = 20_000 + (i % 300) * 100;
    const b = bump(i);
    return {
      variantId: s.variantId,
      platformId: s.platformId,
      lowestAsk: amount(base + b.ask),
      highestBid: amount(base - 2_000 + b.bid),
      lastSale: amount(base - 1_000 + b.last),
      sales7d: 5 + (i % 20),
      sales30d: 20 + (i % 80),
      volatility: '0.125',
      currency: 'USD',
      capturedAt: at,
      source: 'API',
    };
  });
}

/**
 * The bulk ingest path itself (`ingestMarketSnapshots`: validation, reference check, one insert + latest upsert +
 * change detection statement, publish, alert lookup), called in this process with a fresh EntityManager fork, on
 * ~100,000 rows of one tick: first for series with no latest price (every row inserts one, every price is an
 * event), then the same series a tick later with changes, then once more with no change.
 */
export const ingestScenario: Scenario = {
  name: 'ingest',
  description: `ingestMarketSnapshots bulk path: rows/s for ~100,000-row batches, latest table empty for them, then full (with and without changes)`,
  timeoutSeconds: 1500,
  async run({ env, options, progress }) {
    const gateway = await env.gateway();
    await env.catalog(CATALOG);
    progress('market history (shared with product-page; loads once per run)');
    await env.marketHistory(PRODUCT_PAGE_MARKET);
    const pool = await env.database();
    const { rows: platforms } = await pool.query<{ slug: string }>('select slug from platform where supports_market_data order by slug');
    const series = await marketSeries(pool, { fromRank: FIRST_RANK, products: PRODUCTS, platforms: platforms.map((p) => p.slug) });
    const { rows: [{ existing }] } = await pool.query<{ existing: number }>(
      'select count(*)::int as existing from market_price mp where (mp.variant_id, mp.platform_id) in (select * from unnest($1::uuid[], $2::uuid[]))',
      [series.map((s) => s.variantId), series.map((s) => s.platformId)],
    );
    const failures: string[] = [];
    const runs: Run[] = [];
    let clock = Date.now();
    const steps: Array<{ label: string; bump: (i: number) => { ask: number; bid: number; last: number }; expectChanges: (rows: number) => number | null }> = [
      { label: `new series (${existing ? `${formatCount(existing)} of them already` : 'none'} in market_price)`, bump: () => ({ ask: 0, bid: 0, last: 0 }), expectChanges: (n) => (existing ? null : 3 * n) },
      { label: 'next tick, all asks + 1/2 bids + 1/3 last sales changed', bump: (i) => ({ ask: 100, bid: i % 2 ? 0 : 100, last: i % 3 ? 0 : 100 }), expectChanges: (n) => n + Math.ceil(n / 2) + Math.ceil(n / 3) },
      { label: 'next tick, no price changed', bump: (i) => ({ ask: 100, bid: i % 2 ? 0 : 100, last: i % 3 ? 0 : 100 }), expectChanges: () => 0 },
    ];
    for (const step of steps) {
      clock = Math.max(clock + 1000, Date.now());
      const rows = tick(series, new Date(clock), step.bump);
      progress(`ingest: ${step.label} (${formatCount(rows.length)} rows)`);
      const em = gateway.app.orm.em.fork();
      const started = performance.now();
      const { result: timed, table: profile } = await withCpuProfile(options, `ingest ${step.label}`, () =>
        timeStatements(em, () => ingestMarketSnapshots(em, gateway.app.pubsub, rows, { errorPolicy: ErrorPolicy.REJECT_EVERYTHING })),
      );
      const ms = performance.now() - started;
      const result = timed.result;
      if (result.rowErrors.length) failures.push(`${step.label}: ${result.rowErrors.length} rows rejected, first ${JSON.stringify(result.rowErrors[0])}`);
      if (result.written !== rows.length) failures.push(`${step.label}: wrote ${result.written} of ${rows.length} snapshots`);
      const expected = step.expectChanges(rows.length);
      if (expected !== null && result.changes !== expected) failures.push(`${step.label}: ${result.changes} changes detected, expected ${expected}`);
      const messages = result.changes ? new Set(series.map((s) => s.productId)).size + Math.ceil(result.changes / FIREHOSE_CHUNK) : 0;
      runs.push({ label: step.label, rows: rows.length, ms, result, messages, byKind: timed.byKind, profile });
    }

    const table: Table = {
      title: 'ingest — ingestMarketSnapshots (bulk path) on one tick of ~100,000 rows',
      columns: ['batch', 'rows', 'ms', 'rows/s', 'written', 'changes (events)', 'messages', 'SQL ms', 'other ms'],
      rows: runs.map((r) => {
        const sql = [...r.byKind].reduce((n, [kind, k]) => n + (kind === UNRELATED ? 0 : k.ms), 0);
        return [r.label, formatCount(r.rows), formatCount(r.ms), formatCount((r.rows / r.ms) * 1000), formatCount(r.result.written), formatCount(r.result.changes), formatCount(r.messages), formatCount(sql), formatCount(r.ms - sql)];
      }),
      notes: [
        `series: every size of the products ranked ${FIRST_RANK}–${CATALOG.products} by popularity on the ${platforms.length} market-data platforms (${platforms.map((p) => p.slug).join(', ')}) = ${formatCount(series.length)} rows per batch, on top of the product-page history (current week's partition already holds its snapshots)`,
        'ms: the ingestMarketSnapshots call (validation, reference lookup, partition check, one transaction, event building, publish, alert lookup); the rows are built beforehand, untimed',
        `messages: one per product with changes on PRICE_CHANGED:<productId>, plus firehose chunks of ${FIREHOSE_CHUNK} events; ${process.env.REDIS_URL ? 'published to Redis (the network write is asynchronous, after the call returns)' : 'in-process pub/sub (no REDIS_URL), nobody subscribed'}`,
        'SQL ms: wall time between sending each statement and its answer (knex query events; BEGIN and COMMIT are not among them); other ms: the rest (JavaScript: validation, array literals, event building, JSON for the publish)',
        'aim (issue 3) on this 2-core machine: ≥ 100,000 rows/s',
      ],
    };
    const statements: Table = {
      title: 'ingest — SQL statements per batch (wall ms)',
      columns: ['statement', ...runs.map((_, i) => `batch ${i + 1}`)],
      rows: [...new Set(runs.flatMap((r) => [...r.byKind.keys()]))].map((kind) => [
        kind,
        ...runs.map((r) => {
          const k = r.byKind.get(kind);
          return k ? `${formatMs(k.ms)}${k.count > 1 ? ` (${k.count}×)` : ''}` : '–';
        }),
      ]),
    };
    return {
      tables: [table, statements, ...runs.flatMap((r) => (r.profile ? [r.profile] : []))],
      headline: runs.map((r) => `${formatCount((r.rows / r.ms) * 1000)}`).join(' / ') + ' rows/s (new / changed / unchanged)',
      failures,
    };
  },
};
