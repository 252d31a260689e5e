import { createContext } from '../../src/common/context';
import { ListingStatus, runRepricing } from '../../src/domains/selling';
import type { BenchGateway } from '../environment';
import { formatCount, formatMs } from '../report';
import type { Scenario, Table } from '../scenario';
import { loadSellingBook, SELLING_BOOK } from '../selling-dataset';

const CATALOG = { products: 1000, sizesPerProduct: 20 };
const DRY_RUNS = 3;

const MUTATION = `mutation BenchReprice($dryRun: Boolean!) {
  repriceListings(input: { dryRun: $dryRun }) {
    evaluated changed applied truncated
    decisions { listingId action newPrice { amount } skipReason }
    errors { code message }
  }
}`;

interface Measured {
  label: string;
  evaluated: number;
  changed: number;
  applied: number;
  ms: number;
  statements: number;
  responseBytes: number | null;
}

type RepriceData = { data?: { repriceListings: { evaluated: number; changed: number; applied: number; truncated: boolean; errors: unknown[] } }; errors?: unknown[] };

/** Counts the SQL statements the gateway's ORM sends while `fn` runs. */
async function counting<T>(gateway: BenchGateway, fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const knex = gateway.app.orm.em.getKnex();
  let statements = 0;
  const onQuery = () => statements++;
  knex.on('query', onQuery);
  try {
    return { result: await fn(), statements };
  } finally {
    knex.off('query', onQuery);
  }
}

async function overHttp(gateway: BenchGateway, dryRun: boolean, label: string, failures: string[]): Promise<Measured> {
  const started = performance.now();
  const { result, statements } = await counting(gateway, async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gateway.token}` },
      body: JSON.stringify({ query: MUTATION, variables: { dryRun } }),
    });
    const text = await response.text();
    if (!response.ok) failures.push(`${label}: HTTP ${response.status}`);
    return { text, body: JSON.parse(text) as RepriceData };
  });
  const ms = performance.now() - started;
  const payload = result.body.data?.repriceListings;
  if (result.body.errors || !payload) failures.push(`${label}: ${JSON.stringify(result.body.errors ?? 'no data').slice(0, 300)}`);
  else if (payload.errors.length || payload.truncated) failures.push(`${label}: errors ${JSON.stringify(payload.errors)}, truncated ${payload.truncated}`);
  return { label, evaluated: payload?.evaluated ?? 0, changed: payload?.changed ?? 0, applied: payload?.applied ?? 0, ms, statements, responseBytes: Buffer.byteLength(result.text) };
}

async function inProcess(gateway: BenchGateway, accountId: string, label: string): Promise<Measured> {
  const { app } = gateway;
  const ctx = createContext({ em: app.orm.em.fork(), viewer: null, requestId: 'bench', log: app.log, pubsub: app.pubsub, clock: app.clock, jobs: app.jobs });
  const started = performance.now();
  const { result, statements } = await counting(gateway, () =>
    runRepricing(ctx, { accountId, statuses: [ListingStatus.ACTIVE], requireRule: false }, { dryRun: true, trigger: 'REQUEST', collect: true }),
  );
  return { label, evaluated: result.evaluated, changed: result.changed, applied: result.applied, ms: performance.now() - started, statements, responseBytes: null };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const row = (m: Measured) => [m.label, formatCount(m.evaluated), formatCount(m.changed), formatCount(m.applied), formatMs(m.ms), formatCount(m.evaluated / (m.ms / 1000)), m.statements, m.responseBytes === null ? '–' : formatCount(m.responseBytes / 1024)];

/** repriceListings over the whole 10,000-listing book: set-based load, in-memory decisions, one write statement per chunk. */
export const repricingScenario: Scenario = {
  name: 'repricing',
  description: `repriceListings over ${formatCount(SELLING_BOOK.items)} listings (4 strategies, fee-aware floors): decisions per second, dry run and applied`,
  timeoutSeconds: 300,
  async run({ env, progress }) {
    const gateway = await env.gateway();
    progress(`loading ${CATALOG.products} products × ${CATALOG.sizesPerProduct} sizes and ${SELLING_BOOK.items} listings`);
    await env.catalog(CATALOG);
    const pool = await env.database();
    const client = await pool.connect();
    let accountId: string;
    try {
      await loadSellingBook(client, SELLING_BOOK);
      accountId = (await client.query<{ id: string }>("select id from account where email = 'bench@marketgraph.invalid'")).rows[0].id;
    } finally {
      client.release();
    }
    const failures: string[] = [];
    progress('warm-up dry run');
    await overHttp(gateway, true, 'warm-up', failures);
    const dry: Measured[] = [];
    for (let i = 1; i <= DRY_RUNS; i++) {
      progress(`dry run ${i}/${DRY_RUNS} over HTTP`);
      dry.push(await overHttp(gateway, true, `HTTP dry run ${i}`, failures));
    }
    progress('dry run in process (no HTTP, no JSON)');
    const service = await inProcess(gateway, accountId, 'in-process dry run (service only)');
    progress('applied run over HTTP');
    const applied = await overHttp(gateway, false, 'HTTP applied run (writes + history)', failures);
    const settled = await overHttp(gateway, false, 'HTTP applied run again (market unchanged)', failures);
    for (const m of [...dry, service, applied]) if (m.evaluated !== SELLING_BOOK.items) failures.push(`${m.label}: evaluated ${m.evaluated}, expected ${SELLING_BOOK.items}`);
    if (applied.applied === 0) failures.push('the applied run changed nothing');
    if (dry.some((d) => d.applied !== 0)) failures.push('a dry run applied changes');

    const medianDry = median(dry.map((d) => d.ms));
    const table: Table = {
      title: `repricing — repriceListings over ${formatCount(SELLING_BOOK.items)} listings`,
      columns: ['run', 'listings', 'changes', 'applied', 'ms', 'decisions/s', 'SQL statements', 'response KiB'],
      rows: [...dry, service, applied, settled].map(row),
      notes: [
        'set-based per chunk of 5,000: one statement loads listings with rules, one the latest prices of their sizes, one writes every change with its PricingHistory row',
        `median HTTP dry run: ${formatMs(medianDry)} ms = ${formatCount(SELLING_BOOK.items / (medianDry / 1000))} decisions/s (decisions include fee-aware floors: priceForTargetNet per listing)`,
      ],
    };
    return {
      tables: [table],
      headline: `${formatCount(SELLING_BOOK.items / (medianDry / 1000))} decisions/s dry, ${formatCount(applied.evaluated / (applied.ms / 1000))} decisions/s applied (${formatCount(applied.applied)} changes)`,
      failures,
    };
  },
};
