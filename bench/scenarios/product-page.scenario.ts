import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../src/common/node';
import { HistoryInterval } from '../../src/domains/market/entities/market.enums';
import { latestPricesOfVariants } from '../../src/domains/market/reads/latest-price.rows';
import { priceHistoryOf } from '../../src/domains/market/reads/price-history.rows';
import { marketHistoryRowCount, PRODUCT_PAGE_MARKET } from '../dataset';
import { percentile } from '../load/http-load';
import { loadReport, measureGraphql, type GraphqlLoadResult } from '../load/graphql-load';
import { formatCount, formatMs } from '../report';
import type { Scenario, Table } from '../scenario';

const CATALOG = { products: 1000, sizesPerProduct: 20 };
const PLATFORMS = PRODUCT_PAGE_MARKET.platforms.length;
const DAY_MS = 86_400_000;
/** Serial runs of each statement for the breakdown table. */
const STATEMENT_RUNS = 60;

const PAGE_QUERY = `query BenchProductPage($id: ID!, $from: DateTime!) {
  product(id: $id) {
    variants {
      sizeKey
      market { lowestAsk { amount } highestBid { amount } stale }
      priceHistory(interval: DAY, from: $from) { open close }
    }
  }
}`;

/** The same page without the history, and the history without the latest prices: which half costs what. */
const MARKET_ONLY_QUERY = `query BenchProductMarket($id: ID!) {
  product(id: $id) { variants { sizeKey market { lowestAsk { amount } highestBid { amount } stale } } }
}`;
const HISTORY_ONLY_QUERY = `query BenchProductHistory($id: ID!, $from: DateTime!) {
  product(id: $id) { variants { sizeKey priceHistory(interval: DAY, from: $from) { open close } } }
}`;

type PageVariant = {
  sizeKey: string;
  market?: Array<{ lowestAsk: { amount: string } | null; highestBid: { amount: string } | null; stale: boolean }>;
  priceHistory?: Array<{ open: string | null; close: string | null }>;
};

/** Checks a product page answer: every size, four fresh quotes each, 7–8 daily buckets per platform. */
function checkPage(data: Record<string, unknown>): string | null {
  const variants = (data.product as { variants?: PageVariant[] } | null)?.variants;
  if (!variants) return 'product not found';
  if (variants.length !== CATALOG.sizesPerProduct) return `expected ${CATALOG.sizesPerProduct} sizes, got ${variants.length}`;
  for (const v of variants) {
    if (v.market) {
      if (v.market.length !== PLATFORMS) return `size ${v.sizeKey}: expected ${PLATFORMS} quotes, got ${v.market.length}`;
      if (v.market.some((q) => !q.lowestAsk || !q.highestBid || q.stale)) return `size ${v.sizeKey}: a quote is missing or stale`;
    }
    if (v.priceHistory) {
      const n = v.priceHistory.length;
      if (n < 7 * PLATFORMS || n > 8 * PLATFORMS) return `size ${v.sizeKey}: expected 7–8 daily buckets × ${PLATFORMS} platforms, got ${n}`;
      if (v.priceHistory.some((b) => b.open === null || b.close === null)) return `size ${v.sizeKey}: a bucket without open/close`;
    }
  }
  return null;
}

async function timeSerially(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const samples = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples[i] = performance.now() - started;
  }
  samples.sort();
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/**
 * The primary read path (DESIGN.md §11): one product → 20 sizes → latest price on 4 platforms → 7 days of daily
 * OHLC, over issue 3's history of 200 products × 20 sizes × 4 platforms × 30 days hourly, rotating over the 200
 * products. Then the page's two halves alone, the two statements alone (serially, outside the HTTP stack), and the
 * history statement's plan.
 */
export const productPageScenario: Scenario = {
  name: 'product-page',
  description: 'product(id) → 20 sizes → latest on 4 platforms → 7-day daily history, 32 connections over 200 products with 30 days of hourly snapshots',
  timeoutSeconds: 1500,
  async run({ env, options, signal, progress }) {
    const gateway = await env.gateway();
    progress(`loading ${CATALOG.products} products × ${CATALOG.sizesPerProduct} sizes`);
    const catalog = await env.catalog(CATALOG);
    const expectedRows = marketHistoryRowCount(PRODUCT_PAGE_MARKET, CATALOG.sizesPerProduct);
    progress(`loading market history: ${formatCount(expectedRows)} snapshots (minutes on a busy 2-core machine)`);
    const history = await env.marketHistory(PRODUCT_PAGE_MARKET);
    const failures: string[] = [];
    if (history.snapshots !== expectedRows) failures.push(`market history: expected ${expectedRows} snapshots, loaded ${history.snapshots}`);

    const pool = await env.database();
    const { rows: products } = await pool.query<{ id: string }>('select id from product order by popularity desc, id limit $1', [PRODUCT_PAGE_MARKET.products]);
    const from = new Date(Date.now() - 7 * DAY_MS);
    const variableSets = products.map((p) => ({ id: toGlobalId('Product', p.id), from: from.toISOString() }));
    const load = { connections: 32, durationSeconds: 10, check: checkPage };

    const results: GraphqlLoadResult[] = [];
    progress('product page: 32 connections');
    results.push(await measureGraphql(gateway, { ...load, label: 'product page (market + 7-day history)', query: PAGE_QUERY, variableSets }, options, signal));
    if (!signal.aborted) {
      progress('product page, latest prices only');
      results.push(await measureGraphql(gateway, { ...load, label: 'latest prices only', query: MARKET_ONLY_QUERY, variableSets: variableSets.map(({ id }) => ({ id })) }, options, signal));
    }
    if (!signal.aborted) {
      progress('product page, history only');
      results.push(await measureGraphql(gateway, { ...load, label: '7-day history only', query: HISTORY_ONLY_QUERY, variableSets }, options, signal));
    }

    // The two statements the page's market fields issue, timed one at a time (no concurrency, no HTTP, no GraphQL).
    progress('statements alone (serial) and the history plan');
    const em = gateway.app.orm.em.fork();
    const { rows: variantRows } = await pool.query<{ product_id: string; id: string }>(
      'select product_id, id from variant where product_id = any($1::uuid[]) order by product_id, position',
      [products.map((p) => p.id)],
    );
    const variantsOf = new Map<string, string[]>();
    for (const v of variantRows) variantsOf.set(v.product_id, [...(variantsOf.get(v.product_id) ?? []), v.id]);
    let turn = 0;
    const nextVariants = () => variantsOf.get(products[turn++ % products.length].id)!;
    const to = new Date();
    const range = { platform: null, from, to, interval: HistoryInterval.DAY };
    const latestTimes = await timeSerially(STATEMENT_RUNS, () => latestPricesOfVariants(em, nextVariants()));
    const historyTimes = await timeSerially(STATEMENT_RUNS, () => priceHistoryOf(em, nextVariants(), range));
    const plan = await explainHistory(em, variantsOf.get(products[0].id)!, range);

    const report = loadReport('product-page — product(id) { variants { sizeKey market { … stale } priceHistory(interval: DAY, from: −7 d) { open close } } }', results, [
      `dataset: ${formatCount(catalog.products)} products × ${CATALOG.sizesPerProduct} sizes; history for the ${PRODUCT_PAGE_MARKET.products} most popular: ` +
        `${formatCount(history.snapshots)} snapshots (${PRODUCT_PAGE_MARKET.platforms.join(', ')}; ${PRODUCT_PAGE_MARKET.days} days hourly, time-ordered in weekly partitions as ingest writes them), ${formatCount(history.latest)} latest prices`,
      `history load: ${formatCount(history.ms / 1000)} s (snapshot inserts ${formatCount(history.steps.snapshots / 1000)} s, latest upsert ${formatCount(history.steps.latest / 1000)} s, vacuum + analyze ${formatCount(history.steps.vacuum / 1000)} s)`,
      `${products.length} products in turn (variableSets); each page: ${CATALOG.sizesPerProduct} sizes × ${PLATFORMS} quotes + ${CATALOG.sizesPerProduct} × ${PLATFORMS} × 7–8 daily buckets (from ${from.toISOString()})`,
      'aim (issue 3) on this 2-core machine: product page p95 ≤ 25 ms at 32 connections — compare the first row',
    ]);
    const statements: Table = {
      title: 'product-page — the market statements alone, serially (one product per run, through MikroORM’s knex, no HTTP/GraphQL)',
      columns: ['statement', 'runs', 'p50 ms', 'p95 ms'],
      rows: [
        ['latest prices of 20 sizes (market_price ⋈ platform)', STATEMENT_RUNS, formatMs(latestTimes.p50), formatMs(latestTimes.p95)],
        ['7-day daily OHLC of 20 sizes × 4 platforms (market_snapshot)', STATEMENT_RUNS, formatMs(historyTimes.p50), formatMs(historyTimes.p95)],
      ],
      notes: ['history plan (EXPLAIN ANALYZE, BUFFERS, one product):', ...plan.map((line) => `  ${line}`)],
    };
    report.tables.splice(1, 0, statements);
    report.failures.push(...failures);
    return report;
  },
};

/**
 * EXPLAIN ANALYZE of the very statement `priceHistoryOf` sends (captured from it, not a copy), for one product,
 * trimmed to the lines that say where the time goes.
 */
async function explainHistory(em: EntityManager, variantIds: string[], range: Parameters<typeof priceHistoryOf>[2]): Promise<string[]> {
  let captured: { sql: string; bindings: unknown[] } | undefined;
  const capturing = {
    getKnex: () => ({ raw: (sql: string, bindings: unknown[]) => ((captured = { sql, bindings }), Promise.resolve({ rows: [] })) }),
    getTransactionContext: () => undefined,
  } as unknown as EntityManager;
  await priceHistoryOf(capturing, variantIds, range);
  if (!captured) return ['(statement not captured)'];
  const result = (await em.getKnex().raw(`explain (analyze, buffers, costs off) ${captured.sql}`, captured.bindings as never[])) as { rows: Array<{ 'QUERY PLAN': string }> };
  return result.rows
    .map((r) => r['QUERY PLAN'])
    .filter((line) => /Scan|Sort|Aggregate|Append|Buffers|Heap Fetches|Execution Time|Planning Time|Rows Removed/.test(line))
    .slice(0, 24);
}
