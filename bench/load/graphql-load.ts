import type { BenchGateway } from '../environment';
import { formatCount, formatMs } from '../report';
import { withCpuProfile } from '../profile';
import type { RunOptions, ScenarioReport, Table } from '../scenario';
import { runHttpLoad, type HttpLoadFigures } from './http-load';

/** A GraphQL operation to hammer over HTTP POST /graphql. */
export interface GraphqlLoad {
  /** Row label in the table, e.g. "products(first: 50) × variants". */
  label: string;
  query: string;
  variables?: Record<string, unknown>;
  /**
   * Several variable sets sent in turn (e.g. many product ids, so one hot row does not sit in
   * every cache); overrides `variables`. The first and the last are probed.
   */
  variableSets?: Array<Record<string, unknown>>;
  /** Send the run's API key (default true: figures are for authenticated requests). */
  authenticated?: boolean;
  connections: number;
  durationSeconds: number;
  /** Unmeasured run first, so the JIT, the pools and PostgreSQL's caches are warm (default 2 s). */
  warmupSeconds?: number;
  /** Checks one response's `data`; returns a problem description, or null when the result is right. */
  check?: (data: Record<string, unknown>) => string | null;
}

export interface GraphqlLoadResult {
  load: GraphqlLoad;
  figures: HttpLoadFigures;
  /** Problems that fail the scenario (wrong probe result, non-2xx, GraphQL errors, connection errors). */
  failures: string[];
  /** Hot functions of the gateway during the measured run, with `--cpu-profile`. */
  profile?: Table;
}

const REQUEST_TIMEOUT_SECONDS = 10;
const SETTLE_STABLE_MS = 500;
const SETTLE_LIMIT_MS = 30_000;

/** Total HTTP GraphQL operations the gateway has answered (its own Prometheus counter). */
async function operationsAnswered(gateway: BenchGateway): Promise<number> {
  const text = await (await fetch(`${gateway.url}/metrics`, { signal: AbortSignal.timeout(5000) })).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('marketgraph_graphql_operations_total{') && line.includes('transport="http"'))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/**
 * Waits until the gateway has worked off requests still queued when the load generator stopped
 * (their clients are gone, the server is not), so they neither slow the next measurement nor
 * race the shutdown. Bounded; returns how long it waited.
 */
export async function settle(gateway: BenchGateway): Promise<number> {
  const started = performance.now();
  let last = await operationsAnswered(gateway);
  let stableSince = performance.now();
  while (performance.now() - stableSince < SETTLE_STABLE_MS && performance.now() - started < SETTLE_LIMIT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await operationsAnswered(gateway);
    if (now !== last) [last, stableSince] = [now, performance.now()];
  }
  return performance.now() - started - SETTLE_STABLE_MS;
}

async function probe(gateway: BenchGateway, load: GraphqlLoad, headers: Record<string, string>, body: string): Promise<string | null> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_SECONDS * 1000),
  });
  const text = await response.text();
  if (response.status !== 200) return `probe answered HTTP ${response.status}: ${text.slice(0, 300)}`;
  const result = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (result.errors?.length || !result.data) return `probe returned errors: ${JSON.stringify(result.errors).slice(0, 300)}`;
  return load.check?.(result.data) ?? null;
}

/** Probes the operation (its result must be right), warms up, measures it, then lets the gateway drain. */
export async function measureGraphql(gateway: BenchGateway, load: GraphqlLoad, options: RunOptions, signal: AbortSignal): Promise<GraphqlLoadResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (load.authenticated ?? true) headers.authorization = `Bearer ${gateway.token}`;
  const bodies = (load.variableSets ?? [load.variables]).map((variables) => JSON.stringify({ query: load.query, variables }));
  if (!bodies.length) throw new Error(`${load.label}: variableSets is empty`);
  for (const body of new Set([bodies[0], bodies[bodies.length - 1]])) {
    const problem = await probe(gateway, load, headers, body);
    if (problem) throw new Error(`${load.label}: ${problem}`);
  }
  const request = {
    url: `${gateway.url}/graphql`,
    headers,
    bodies,
    connections: options.connections ?? load.connections,
    timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
    verifyGraphql: true,
  };
  const warmup = load.warmupSeconds ?? 2;
  if (warmup > 0) {
    await runHttpLoad({ ...request, durationSeconds: warmup }, signal);
    await settle(gateway);
  }
  const { result: figures, table: profile } = await withCpuProfile(options, load.label, () =>
    runHttpLoad({ ...request, durationSeconds: options.durationSeconds ?? load.durationSeconds }, signal),
  );
  await settle(gateway);
  const failures: string[] = [];
  const codes = Object.entries(figures.statusCodes).filter(([code]) => !code.startsWith('2')).map(([code, n]) => `${n}× ${code}`);
  if (figures.non2xx) failures.push(`${load.label}: ${figures.non2xx} non-2xx responses (${codes.join(', ')})`);
  if (figures.graphqlErrors) failures.push(`${load.label}: ${figures.graphqlErrors} responses with GraphQL errors`);
  if (figures.errors > figures.timeouts) failures.push(`${load.label}: ${figures.errors - figures.timeouts} connection errors`);
  if (signal.aborted) failures.push(`${load.label}: stopped early (time budget spent)`);
  return { load, figures, failures, profile };
}

/** The standard table of HTTP loads: one row per measured operation. */
export function loadTable(title: string, results: GraphqlLoadResult[], notes: string[] = []): Table {
  return {
    title,
    columns: ['operation', 'conn', 'secs', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'timeouts', 'non-2xx', 'GraphQL errors'],
    rows: results.map(({ load, figures: f }) => [
      load.label, f.connections, f.durationSeconds.toFixed(1), formatCount(f.requests), formatCount(f.requestsPerSecond),
      formatMs(f.p50), formatMs(f.p95), formatMs(f.p99), formatMs(f.max), f.errors, f.timeouts, f.non2xx, f.graphqlErrors,
    ]),
    notes,
  };
}

/** A scenario report made of one table of loads; the headline quotes the first load. */
export function loadReport(title: string, results: GraphqlLoadResult[], notes: string[] = []): ScenarioReport {
  const first = results[0]?.figures;
  return {
    tables: [loadTable(title, results, notes), ...results.flatMap((r) => (r.profile ? [r.profile] : []))],
    headline: first ? `${formatCount(first.requestsPerSecond)} req/s, p50 ${formatMs(first.p50)} / p95 ${formatMs(first.p95)} / p99 ${formatMs(first.p99)} ms` : 'no load measured',
    failures: results.flatMap((r) => r.failures),
  };
}
