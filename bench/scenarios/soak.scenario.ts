import os from 'node:os';
import path from 'node:path';
import { ErrorPolicy } from '../../src/common/error-policy';
import { toGlobalId } from '../../src/common/node';
import { ingestMarketSnapshots } from '../../src/domains/market';
import type { BenchGateway } from '../environment';
import { settle } from '../load/graphql-load';
import { percentile, runHttpLoad, type HttpLoadFigures, type HttpLoadRequest } from '../load/http-load';
import { openSubscribers, type SubscriberPool, type SubscriberSpec } from '../load/ws-subscribers';
import { amount, AskFeed, marketSeries, snapshotInput } from '../market-series';
import { formatCount, formatMs } from '../report';
import type { RunOptions, Scenario, Table } from '../scenario';
import { loadSellingBook, SELLING_BOOK } from '../selling-dataset';
import { spawnGateway, type SpawnedServer } from '../startup/spawn-gateway';

const CATALOG = { products: 1000, sizesPerProduct: 20 };
/** Soak length without `--duration` (CI-sized); the figure is taken with `--duration=1800`. */
const DEFAULT_SECONDS = 60;
/** Products the market reads, the ingest and the per-product subscribers share (most popular first). */
const PRODUCTS = 50;
const PLATFORMS = ['stockx', 'goat', 'alias', 'ebay'];
/** Price changes published per second through the admin mutation, one tick a second. */
const EVENTS_PER_SECOND = 100;
const SUBSCRIBERS = 200;
/** Subscribers with no filter (every event), part of SUBSCRIBERS. */
const FIREHOSE = 10;
const SUBSCRIBER_THREADS = 1;
/** The closed-loop burst of the read mix that finds the peak. */
const PEAK_CONNECTIONS = 32;
const PEAK_WARMUP_SECONDS = 2;
const PEAK_SECONDS = 5;
/** Share of the measured peak the soak sends, at a fixed rate. */
const LOAD_SHARE = 0.5;
const SOAK_CONNECTIONS = 16;
const REQUEST_TIMEOUT_SECONDS = 10;
/** Once the load stopped, deliveries still on their way are awaited this long at most. */
const DRAIN_LIMIT_MS = 30_000;
/** Setup (datasets, spawn, peak burst) and the drain and stop after the soak. */
const SETUP_BUDGET_SECONDS = 420;
const RSS_TARGET_PERCENT = 10;

const ASK = 30_000;
const MB = 2 ** 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const PRODUCTS_QUERY = `query SoakProducts($first: Int!) { products(first: $first) { edges { node { sku name variants { sizeKey } } } } }`;
const PRODUCT_MARKET_QUERY = `query SoakProductMarket($id: ID!) {
  product(id: $id) { variants { sizeKey market { platform { slug } lowestAsk { amount } highestBid { amount } stale } } }
}`;
const INVENTORY_QUERY = `query SoakInventory($first: Int!) {
  inventory(first: $first) { edges { node { id quantityAvailable marketplaceData { platform { slug } lowestAsk { amount } estimatedNet { amount } } } } }
}`;
const ADD_ITEM = `mutation SoakAddItem($input: AddInventoryItemInput!) { addInventoryItem(input: $input) { inventoryItem { id } errors { field message code } } }`;
const UPDATE_ITEM = `mutation SoakUpdateItem($input: UpdateInventoryItemInput!) { updateInventoryItem(input: $input) { inventoryItem { id notes } errors { field message code } } }`;
const INGEST_MUTATION = `mutation SoakIngest($input: IngestMarketSnapshotsInput!) { ingestMarketSnapshots(input: $input) { written changes errors { message } } }`;
const SUBSCRIPTION_SELECTION = 'field new { amount } at';
const PRODUCT_SUBSCRIPTION = `subscription SoakProductPrices($ids: [ID!]) { priceChanged(filter: { productIds: $ids }) { ${SUBSCRIPTION_SELECTION} } }`;
const FIREHOSE_SUBSCRIPTION = `subscription SoakAllPrices { priceChanged { ${SUBSCRIPTION_SELECTION} } }`;

/** One cycle of the mixed load, in the order every connection sends it: 16 reads, 4 writes. */
const MIX: Array<{ kind: 'products' | 'market' | 'inventory' | 'add' | 'update'; count: number }> = [
  { kind: 'products', count: 5 },
  { kind: 'market', count: 6 },
  { kind: 'inventory', count: 5 },
  { kind: 'update', count: 3 },
  { kind: 'add', count: 1 },
];
/** Cycles in the body list (each with other product and item ids). */
const CYCLES = 10;
const PAGE = 20;

const soakSeconds = (options: RunOptions) => options.durationSeconds ?? DEFAULT_SECONDS;
/** Per-minute rows for soaks of 6 minutes and more; six rows (at least 5 s each) for shorter ones. */
const intervalSecondsOf = (seconds: number) => (seconds >= 360 ? 60 : Math.max(5, Math.round(seconds / 6)));

interface Body {
  kind: string;
  write: boolean;
  body: string;
}

interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
}

/** RSS from /proc/<pid>/status and the V8 heap from the gateway's own prom-client metrics. */
async function sampleMemory(server: SpawnedServer): Promise<MemorySample> {
  const rss = server.rss();
  const text = await fetch(`${server.url}/metrics`, { signal: AbortSignal.timeout(5000) }).then((r) => r.text(), () => '');
  const metric = (name: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return line ? Number(line.slice(name.length + 1)) : NaN;
  };
  return { rss, heapUsed: metric('marketgraph_nodejs_heap_size_used_bytes'), heapTotal: metric('marketgraph_nodejs_heap_size_total_bytes') };
}


async function probe(url: string, headers: Record<string, string>, body: Body): Promise<string | null> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: body.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_SECONDS * 1000) });
  const text = await response.text();
  if (response.status !== 200) return `${body.kind}: probe answered HTTP ${response.status}: ${text.slice(0, 300)}`;
  const result = JSON.parse(text) as { data?: Record<string, { errors?: unknown[]; edges?: unknown[]; variants?: unknown[] } | null>; errors?: unknown[] };
  if (result.errors?.length || !result.data) return `${body.kind}: probe returned errors: ${JSON.stringify(result.errors).slice(0, 300)}`;
  const field = Object.values(result.data)[0];
  if (!field) return `${body.kind}: probe returned no ${Object.keys(result.data)[0]}`;
  if (field.errors?.length) return `${body.kind}: probe returned user errors: ${JSON.stringify(field.errors).slice(0, 300)}`;
  if (field.edges && field.edges.length !== PAGE) return `${body.kind}: expected ${PAGE} edges, got ${field.edges.length}`;
  if (field.variants && field.variants.length !== CATALOG.sizesPerProduct) return `${body.kind}: expected ${CATALOG.sizesPerProduct} sizes, got ${field.variants.length}`;
  return null;
}

/** Problems of one load run, for the failures list (timeouts are errors here: the soak aims at zero). */
function loadProblems(label: string, f: HttpLoadFigures): string[] {
  const problems: string[] = [];
  const codes = Object.entries(f.statusCodes).filter(([code]) => !code.startsWith('2')).map(([code, n]) => `${n}× ${code}`);
  if (f.non2xx) problems.push(`${label}: ${f.non2xx} non-2xx responses (${codes.join(', ')})`);
  if (f.graphqlErrors) problems.push(`${label}: ${f.graphqlErrors} responses with GraphQL or payload errors`);
  if (f.errors) problems.push(`${label}: ${f.errors} requests without a response (${f.timeouts} timeouts)`);
  return problems;
}

interface Tick {
  interval: number;
  products: number[];
  ms: number;
}

interface IntervalRow {
  label: string;
  atSeconds: number;
  figures: HttpLoadFigures;
  memory: MemorySample;
  /** Lowest and highest RSS of the once-a-second samples during the interval. */
  rssMin: number;
  rssMax: number;
  load: number;
  ingestMs: number[];
}

/**
 * Soak: a spawned gateway (its RSS and heap are its own) under a mixed load at half of the read mix's measured
 * peak for `--duration` seconds — product, market and inventory reads, inventory writes, the admin ingest
 * publishing price changes, and WebSocket subscribers counting what they receive against what was published.
 * One row per interval: requests, errors, latency, the gateway's RSS and heap, deliveries.
 */
export const soakScenario: Scenario = {
  name: 'soak',
  description: `mixed reads/writes/ingest + ${SUBSCRIBERS} priceChanged subscribers at ${LOAD_SHARE * 100} % of the read peak on a spawned gateway for --duration seconds (default ${DEFAULT_SECONDS}); RSS, heap, errors, p99 per interval`,
  timeoutSeconds: (options) => soakSeconds(options) + SETUP_BUDGET_SECONDS,
  async run({ env, options, signal, progress }) {
    const durationSeconds = soakSeconds(options);
    const intervalSeconds = intervalSecondsOf(durationSeconds);
    const intervals = Math.max(1, Math.round(durationSeconds / intervalSeconds));
    const gateway: BenchGateway = await env.gateway();
    progress(`loading ${CATALOG.products} products × ${CATALOG.sizesPerProduct} sizes and ${formatCount(SELLING_BOOK.items)} inventory items`);
    await env.catalog(CATALOG);
    const pool = await env.database();
    const client = await pool.connect();
    await loadSellingBook(client, SELLING_BOOK).finally(() => client.release());
    const series = await marketSeries(pool, { fromRank: 1, products: PRODUCTS, platforms: PLATFORMS });
    const productIds: string[] = [];
    for (const s of series) productIds[s.productIndex] = s.productId;
    const { rows: items } = await pool.query<{ id: string }>(
      `select i.id from inventory_item i join account a on a.id = i.account_id where a.email = 'bench@marketgraph.invalid' order by i.id limit $1`,
      [CYCLES * 3],
    );
    const { rows: variants } = await pool.query<{ id: string }>('select id from variant order by id desc limit $1', [CYCLES]);
    const failures: string[] = [];

    // Known bid and last sale on every series, so each later row changes only its lowest ask: one event per row.
    progress(`priming ${formatCount(series.length)} series`);
    const feed = new AskFeed(series, ASK);
    const primed = await ingestMarketSnapshots(gateway.app.orm.em.fork(), gateway.app.pubsub, feed.prime(new Date()), { errorPolicy: ErrorPolicy.REJECT_EVERYTHING });
    if (primed.rowErrors.length) throw new Error(`priming rejected rows: ${JSON.stringify(primed.rowErrors[0])}`);

    // The mixed body list: CYCLES × MIX, ids rotating.
    const bodies: Body[] = [];
    let update = 0;
    let market = 0;
    for (let c = 0; c < CYCLES; c++) {
      for (const { kind, count } of MIX) {
        for (let i = 0; i < count; i++) {
          if (kind === 'products') bodies.push({ kind, write: false, body: JSON.stringify({ query: PRODUCTS_QUERY, variables: { first: PAGE } }) });
          else if (kind === 'market') bodies.push({ kind, write: false, body: JSON.stringify({ query: PRODUCT_MARKET_QUERY, variables: { id: toGlobalId('Product', productIds[market++ % PRODUCTS]) } }) });
          else if (kind === 'inventory') bodies.push({ kind, write: false, body: JSON.stringify({ query: INVENTORY_QUERY, variables: { first: PAGE } }) });
          else if (kind === 'update') {
            const item = items[update++ % items.length];
            bodies.push({ kind, write: true, body: JSON.stringify({ query: UPDATE_ITEM, variables: { input: { id: toGlobalId('InventoryItem', item.id), notes: `soak note ${update}` } } }) });
          } else {
            const variant = variants[c % variants.length];
            bodies.push({ kind, write: true, body: JSON.stringify({ query: ADD_ITEM, variables: { input: { variantId: toGlobalId('Variant', variant.id), purchasePrice: '120.00', notes: 'soak' } } }) });
          }
        }
      }
    }
    const reads = bodies.filter((b) => !b.write);

    progress('spawning a gateway process (--role=gateway)');
    const server = await spawnGateway(env, { role: 'gateway', signal, cpuProfileDir: options.cpuProfileDir && path.join(options.cpuProfileDir, 'soak-gateway') });
    const target = { ...gateway, url: server.url };
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${gateway.token}` };
    const slugOf = new Map(series.map((s) => [s.platformId, s.platform]));
    const samples: Array<{ label: string; memory: MemorySample }> = [];
    const rows: IntervalRow[] = [];
    const ticks = new Map<number, Tick>();
    let subscribers: SubscriberPool | undefined;
    let peak: HttpLoadFigures | undefined;
    let rate = 0;
    const delivered = new Map<number, number>(); // tick time → deliveries
    /** Deliveries of events no tick of this soak published, to per-product and firehose subscribers. */
    const foreign = { product: 0, firehose: 0 };
    const perProduct = new Uint32Array(PRODUCTS);
    const subscriberErrors: string[] = [];
    let unexpectedCloses = 0;
    let profile: Table | undefined;
    let ingestStopped = Promise.resolve();
    let ingesting = false;
    let rssSampler: NodeJS.Timeout | undefined;

    const collect = async () => {
      const batch = await subscribers!.collect();
      for (let i = 0; i < batch.eventTimes.length; i++) {
        const at = batch.eventTimes[i];
        if (ticks.has(at)) delivered.set(at, (delivered.get(at) ?? 0) + 1);
        else foreign[batch.subscribers[i] >= SUBSCRIBERS - FIREHOSE ? 'firehose' : 'product']++;
      }
      for (const e of batch.errors) if (subscriberErrors.length < 5) subscriberErrors.push(e);
      unexpectedCloses += batch.unexpectedCloses;
      return batch.eventTimes.length;
    };
    const expectedOf = (tick: Tick) => tick.products.reduce((n, p) => n + perProduct[p] + FIREHOSE, 0);

    try {
      samples.push({ label: 'spawned, idle', memory: await sampleMemory(server) });
      const specs: SubscriberSpec[] = [];
      for (let i = 0; i < SUBSCRIBERS - FIREHOSE; i++) {
        perProduct[i % PRODUCTS]++;
        specs.push({ query: PRODUCT_SUBSCRIPTION, variables: { ids: [toGlobalId('Product', productIds[i % PRODUCTS])] } });
      }
      for (let i = 0; i < FIREHOSE; i++) specs.push({ query: FIREHOSE_SUBSCRIPTION });
      progress(`${SUBSCRIBERS} subscribers: connecting`);
      subscribers = await openSubscribers({ url: server.wsUrl, token: gateway.token, subscribers: specs, timePath: ['priceChanged', 'at'], threads: SUBSCRIBER_THREADS });
      if (subscribers.acked !== SUBSCRIBERS) failures.push(`only ${subscribers.acked} of ${SUBSCRIBERS} subscribers acknowledged (${subscribers.errors.join('; ')})`);
      await sleep(1500); // subscriptions register their Redis channels after the ack

      for (const kind of new Set(bodies.map((b) => b.kind))) {
        const problem = await probe(server.url, headers, bodies.find((b) => b.kind === kind)!);
        if (problem) throw new Error(problem);
      }

      // The peak: a short closed-loop burst of the read mix.
      const request = (list: Body[], connections: number): Omit<HttpLoadRequest, 'durationSeconds'> => ({
        url: `${server.url}/graphql`,
        headers,
        bodies: list.map((b) => b.body),
        connections,
        timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
        verifyGraphql: true,
        verifyPayloadErrors: true,
      });
      const peakConnections = options.connections ?? PEAK_CONNECTIONS;
      progress(`peak: read mix closed loop, ${peakConnections} connections, ${PEAK_WARMUP_SECONDS} s warm-up + ${PEAK_SECONDS} s`);
      await runHttpLoad({ ...request(reads, peakConnections), durationSeconds: PEAK_WARMUP_SECONDS }, signal);
      await settle(target);
      peak = await runHttpLoad({ ...request(reads, peakConnections), durationSeconds: PEAK_SECONDS }, signal);
      await settle(target);
      failures.push(...loadProblems('peak burst', peak));
      rate = Math.max(1, Math.round(peak.requestsPerSecond * LOAD_SHARE));
      await collect(); // nothing published yet; drops nothing
      samples.push({ label: `subscribed, after the peak burst`, memory: await sampleMemory(server) });

      // The ingest: one tick a second on a fixed schedule (a late tick goes at once, none is skipped).
      let interval = 0;
      const ingestLoop = async () => {
        const started = performance.now();
        for (let k = 0; ingesting && !signal.aborted; k++) {
          const wait = started + k * 1000 - performance.now();
          if (wait > 0) await sleep(wait);
          if (!ingesting) break;
          const at = new Date();
          const { rows: batch, products } = feed.next(EVENTS_PER_SECOND, at);
          const tick: Tick = { interval, products, ms: NaN };
          ticks.set(at.getTime(), tick);
          let problem: string | undefined;
          try {
            const response = await fetch(`${server.url}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${gateway.adminToken}` },
              body: JSON.stringify({
                query: INGEST_MUTATION,
                variables: {
                  input: {
                    snapshots: batch.map((r) => snapshotInput(r, slugOf)),
                  },
                },
              }),
              signal: AbortSignal.timeout(30_000),
            });
            const body = (await response.json()) as { data?: { ingestMarketSnapshots: { changes: number; errors: Array<{ message: string }> } }; errors?: unknown };
            const result = body.data?.ingestMarketSnapshots;
            if (!result) problem = `HTTP ${response.status}: ${JSON.stringify(body.errors).slice(0, 300)}`;
            else if (result.errors.length) problem = result.errors[0].message;
            else if (result.changes !== batch.length) problem = `${batch.length} rows gave ${result.changes} changes (expected one lowest-ask change per row)`;
          } catch (error) {
            problem = (error as Error).message;
          }
          tick.ms = Date.now() - at.getTime();
          if (problem) {
            ticks.delete(at.getTime()); // nothing (or not everything) was published: not expected
            if (failures.filter((f) => f.startsWith('ingest:')).length < 3) failures.push(`ingest: ${problem}`);
          }
        }
      };

      const loadRequest = { ...request(bodies, options.connections ?? SOAK_CONNECTIONS), durationSeconds: intervals * intervalSeconds, overallRate: rate, windowSeconds: intervalSeconds };
      progress(`soak: ${formatCount(rate)} req/s (${LOAD_SHARE * 100} % of ${formatCount(peak.requestsPerSecond)}) for ${intervals * intervalSeconds} s in ${intervals} intervals of ${intervalSeconds} s; ingest ${EVENTS_PER_SECOND} changes/s`);
      const soakStarted = performance.now();
      // RSS once a second (a /proc read), for each interval's low and high water marks.
      let rssSeen: number[] = [];
      rssSampler = setInterval(() => rssSeen.push(server.rss()), 1000);
      let recording = Promise.resolve();
      const onWindow = (figures: HttpLoadFigures) => {
        const k = interval++; // ticks from now on belong to the next interval
        const atSeconds = (performance.now() - soakStarted) / 1000;
        const rss = rssSeen;
        rssSeen = [];
        recording = recording.then(async () => {
          const memory = await sampleMemory(server);
          await collect();
          const ingestMs = [...ticks.values()].filter((t) => t.interval === k && Number.isFinite(t.ms)).map((t) => t.ms);
          const label = intervalSeconds % 60 === 0 ? `min ${(k * intervalSeconds) / 60 + 1}` : `${k * intervalSeconds}–${(k + 1) * intervalSeconds} s`;
          const seen = [...rss, memory.rss].filter(Number.isFinite);
          rows.push({ label, atSeconds, figures, memory, rssMin: Math.min(...seen), rssMax: Math.max(...seen), load: os.loadavg()[0], ingestMs });
          failures.push(...loadProblems(label, figures));
          progress(
            `${label}: ${formatCount(figures.requests)} requests, p99 ${formatMs(figures.p99)} ms, errors ${figures.errors + figures.non2xx + figures.graphqlErrors}, ` +
              `RSS ${(memory.rss / MB).toFixed(0)} MB, heap ${(memory.heapUsed / MB).toFixed(0)} MB, load ${os.loadavg()[0].toFixed(1)}`,
          );
        });
      };
      ingesting = true;
      ingestStopped = ingestLoop();
      await runHttpLoad(loadRequest, signal, onWindow);
      await recording;
      clearInterval(rssSampler);
      ingesting = false;
      await ingestStopped;
      await settle(target);

      // Collect until every expected delivery arrived, or nothing moved for 3 s, or the drain limit.
      const expectedTotal = [...ticks.values()].reduce((n, t) => n + expectedOf(t), 0);
      const drainStarted = performance.now();
      let idleSince = performance.now();
      while (true) {
        if (await collect()) idleSince = performance.now();
        const got = [...delivered.values()].reduce((n, v) => n + v, 0);
        if (got >= expectedTotal || performance.now() - idleSince > 3000 || performance.now() - drainStarted > DRAIN_LIMIT_MS) break;
        await sleep(250);
      }
      samples.push({ label: 'after the load (drained)', memory: await sampleMemory(server) });
    } finally {
      ingesting = false;
      clearInterval(rssSampler);
      await subscribers?.close();
      await ingestStopped.catch(() => undefined);
      const stopped = await server.stop(20_000);
      profile = server.profile('CPU profile — the spawned gateway, start to stop');
      if (stopped.killed || stopped.code !== 0) failures.push(`spawned gateway did not stop cleanly (${stopped.killed ? 'SIGKILLed' : `exit ${stopped.code ?? stopped.signal}`}): ${stopped.output.trim().split('\n').slice(-2).join(' | ').slice(0, 300)}`);
    }

    // Deliveries per interval, by the interval their event was published in.
    const perInterval = rows.map(() => ({ expected: 0, delivered: 0 }));
    for (const [at, tick] of ticks) {
      const slot = perInterval[Math.min(tick.interval, perInterval.length - 1)];
      if (!slot) continue;
      slot.expected += expectedOf(tick);
      slot.delivered += delivered.get(at) ?? 0;
    }
    const expectedTotal = perInterval.reduce((n, s) => n + s.expected, 0);
    const deliveredTotal = perInterval.reduce((n, s) => n + s.delivered, 0);
    if (deliveredTotal < expectedTotal) failures.push(`subscriptions: ${formatCount(expectedTotal - deliveredTotal)} of ${formatCount(expectedTotal)} expected deliveries missing`);
    if (deliveredTotal > expectedTotal) failures.push(`subscriptions: ${formatCount(deliveredTotal - expectedTotal)} deliveries more than expected`);
    // With Redis, PRICE_CHANGED channels are shared by every process on that Redis server (pub/sub ignores the
    // database number): other runs and test suites publishing there reach these subscribers too.
    const foreignNote = `deliveries of events this soak did not publish: ${formatCount(foreign.product)} to per-product subscribers, ${formatCount(foreign.firehose)} to firehose ones` +
      (process.env.REDIS_URL ? ' (Redis pub/sub is server-wide: other processes publishing price changes on the same Redis reach the firehose; not counted as errors)' : '');
    if (foreign.product || (foreign.firehose && !process.env.REDIS_URL)) failures.push(`subscriptions: ${foreignNote}`);
    if (subscriberErrors.length) failures.push(`subscriptions: ${subscriberErrors.join('; ')}`);
    if (unexpectedCloses) failures.push(`subscriptions: ${unexpectedCloses} sockets closed by the server`);
    if (signal.aborted) failures.push('stopped early (time budget spent)');

    const errorsOf = (f: HttpLoadFigures) => f.errors + f.non2xx + f.graphqlErrors;
    const totalErrors = rows.reduce((n, r) => n + errorsOf(r.figures), 0);
    // RSS growth: the sample at the end of the warm-up interval → the one at the end of the last interval; and, as a
    // check less exposed to where the collector happened to be, the lowest RSS of the first interval after the
    // warm-up → the lowest of the last.
    const baseline = rows[0]?.memory.rss ?? NaN;
    const end = rows[rows.length - 1]?.memory.rss ?? NaN;
    const growth = rows.length > 1 ? (100 * (end - baseline)) / baseline : NaN;
    const floorFrom = rows[1]?.rssMin ?? NaN;
    const floorTo = rows[rows.length - 1]?.rssMin ?? NaN;
    const floorGrowth = rows.length > 2 ? (100 * (floorTo - floorFrom)) / floorFrom : NaN;
    const mb = (bytes: number) => (Number.isFinite(bytes) ? (bytes / MB).toFixed(1) : '–');
    const percent = (value: number) => (Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(1)} %` : '–');
    const p99Of = (ms: number[]) => percentile(Float64Array.from(ms).sort(), 99);

    const table: Table = {
      title: `soak — mixed load at ${LOAD_SHARE * 100} % of the read peak on a spawned gateway (--role=gateway) for ${durationSeconds} s, ${SUBSCRIBERS} priceChanged subscribers, ${EVENTS_PER_SECOND} price changes/s`,
      columns: ['interval', 'at s', 'requests', 'req/s', 'errors', 'p50 ms', 'p99 ms', 'max ms', 'ingest p99 ms', 'events delivered/expected', 'RSS MB', 'RSS low–high MB', 'heap MB', 'load avg'],
      rows: [
        ...samples.slice(0, 2).map((s) => [s.label, '–', '–', '–', '–', '–', '–', '–', '–', '–', mb(s.memory.rss), '–', mb(s.memory.heapUsed), '–']),
        ...rows.map((r, k) => [
          k === 0 ? `${r.label} (warm-up)` : r.label,
          r.atSeconds.toFixed(0),
          formatCount(r.figures.requests),
          formatCount(r.figures.requestsPerSecond),
          errorsOf(r.figures),
          formatMs(r.figures.p50),
          formatMs(r.figures.p99),
          formatMs(r.figures.max),
          formatMs(p99Of(r.ingestMs)),
          `${formatCount(perInterval[k].delivered)}/${formatCount(perInterval[k].expected)}`,
          mb(r.memory.rss),
          `${mb(r.rssMin)}–${mb(r.rssMax)}`,
          mb(r.memory.heapUsed),
          r.load.toFixed(1),
        ]),
        ...samples.slice(2).map((s) => [s.label, '–', '–', '–', '–', '–', '–', '–', '–', '–', mb(s.memory.rss), '–', mb(s.memory.heapUsed), '–']),
      ],
      notes: [
        `peak: read mix closed loop at ${peak?.connections ?? '–'} connections for ${PEAK_SECONDS} s after ${PEAK_WARMUP_SECONDS} s warm-up: ${formatCount(peak?.requestsPerSecond ?? NaN)} req/s, p50 ${formatMs(peak?.p50 ?? NaN)} / p99 ${formatMs(peak?.p99 ?? NaN)} ms → soak rate ${formatCount(rate)} req/s`,
        `mix per cycle of ${MIX.reduce((n, m) => n + m.count, 0)} requests: ${MIX.map((m) => `${m.count}× ${m.kind}`).join(', ')} — products(first: ${PAGE}) { sku name variants }, product(id) { variants { market } } over the ${PRODUCTS} products being priced, inventory(first: ${PAGE}) { marketplaceData }, updateInventoryItem(notes), addInventoryItem; member's key`,
        `fixed rate: autocannon overallRate over ${options.connections ?? SOAK_CONNECTIONS} connections, each sending its share of a second back to back (1-second waves), one run for the whole soak reporting every interval; latencies are raw (not corrected for coordinated omission), so a gateway falling behind shows as req/s below the rate`,
        `errors: requests without a response (connection errors, ${REQUEST_TIMEOUT_SECONDS} s timeouts) + non-2xx + responses with GraphQL errors or mutation payload errors`,
        `ingest: ingestMarketSnapshots (admin mutation on the spawned gateway) with ${EVENTS_PER_SECOND} rows once a second, each changing one lowest ask over ${formatCount(series.length)} series (${PRODUCTS} products × ${CATALOG.sizesPerProduct} sizes × ${PLATFORMS.length} platforms); "ingest p99": capture → mutation answered`,
        `subscribers: ${SUBSCRIBERS - FIREHOSE} on one product each (spread over the ${PRODUCTS} products) + ${FIREHOSE} firehose, ${SUBSCRIBER_THREADS} client thread(s) in the bench process; events counted by the interval they were published in, awaited up to ${DRAIN_LIMIT_MS / 1000} s after the load`,
        `memory: RSS from /proc/<pid>/status (VmRSS) at the end of each interval, and once a second for the low–high range; heap = V8 heap used from the gateway's /metrics (marketgraph_nodejs_heap_size_used_bytes) at the end of each interval`,
        `RSS growth, end of the warm-up interval → end of the last: ${percent(growth)} (${mb(baseline)} → ${mb(end)} MB); lowest RSS of the first interval after the warm-up → of the last: ${percent(floorGrowth)} (${mb(floorFrom)} → ${mb(floorTo)} MB); target under ${RSS_TARGET_PERCENT} % and zero errors`,
        `totals: ${formatCount(rows.reduce((n, r) => n + r.figures.requests, 0))} requests, ${totalErrors} errors, ${formatCount(deliveredTotal)}/${formatCount(expectedTotal)} deliveries; ${foreignNote}`,
        `load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPU(s)`,
      ],
    };
    return {
      tables: [table, ...(profile ? [profile] : [])],
      headline: `${formatCount(rate)} req/s for ${rows.length * intervalSeconds} s: RSS ${percent(growth)} (${mb(baseline)} → ${mb(end)} MB; low ${percent(floorGrowth)}), ${totalErrors} errors, ${formatCount(deliveredTotal)}/${formatCount(expectedTotal)} events, p99 ${formatMs(rows[0]?.figures.p99 ?? NaN)} → ${formatMs(rows[rows.length - 1]?.figures.p99 ?? NaN)} ms, load ${os.loadavg()[0].toFixed(1)}`,
      failures,
    };
  },
};
