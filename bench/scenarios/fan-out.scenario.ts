import path from 'node:path';
import { ErrorPolicy } from '../../src/common/error-policy';
import { toGlobalId } from '../../src/common/node';
import { ingestMarketSnapshots, type SnapshotRow } from '../../src/domains/market';
import type { BenchGateway } from '../environment';
import { percentile } from '../load/http-load';
import { openSubscribers, type SubscriberSpec } from '../load/ws-subscribers';
import { amount, AskFeed, marketSeries, snapshotInput, STEADY_BID, STEADY_LAST } from '../market-series';
import { formatCount, formatMs } from '../report';
import type { Scenario, Table } from '../scenario';
import { spawnGateway, type SpawnedServer } from '../startup/spawn-gateway';

const CATALOG = { products: 1000, sizesPerProduct: 20 };
/** Products the events (and the per-product subscribers) are spread over, most popular first. */
const PRODUCTS = 200;
const PLATFORMS = ['stockx', 'goat', 'alias', 'ebay'];
const LEVELS = [1000, 5000];
/** Subscribers with no filter (every event), part of each level's count. */
const FIREHOSE = 10;
const EVENTS_PER_SECOND = 1000;
const TICKS_PER_SECOND = 10;
const WARMUP_SECONDS = 2;
const MEASURE_SECONDS = 10;
/** Once publishing stopped, deliveries still on their way are awaited this long at most. */
const DRAIN_LIMIT_MS = 30_000;
const SUBSCRIBER_THREADS = 2;

const ASK = 30_000;

const SELECTION = 'field new { amount } changePercent at';
const PRODUCT_SUBSCRIPTION = `subscription BenchProductPrices($ids: [ID!]) { priceChanged(filter: { productIds: $ids }) { ${SELECTION} } }`;
const FIREHOSE_SUBSCRIPTION = `subscription BenchAllPrices { priceChanged { ${SELECTION} } }`;

const INGEST_MUTATION = `mutation BenchIngest($input: IngestMarketSnapshotsInput!) {
  ingestMarketSnapshots(input: $input) { written changes errors { message } }
}`;

const MB = 2 ** 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Publishes price rows through the ingest path: in this process over Redis, or the admin mutation on the spawned gateway. */
interface Publisher {
  how: string;
  publish(rows: SnapshotRow[]): Promise<{ changes: number; problem?: string }>;
}

function inProcessPublisher(gateway: BenchGateway): Publisher {
  return {
    how: 'ingestMarketSnapshots in the bench process (bulk path), events over Redis to the spawned gateway',
    async publish(rows) {
      const result = await ingestMarketSnapshots(gateway.app.orm.em.fork(), gateway.app.pubsub, rows, { errorPolicy: ErrorPolicy.REJECT_EVERYTHING });
      return { changes: result.changes, problem: result.rowErrors.length ? JSON.stringify(result.rowErrors[0]) : undefined };
    },
  };
}

function mutationPublisher(server: SpawnedServer, adminToken: string, slugOf: Map<string, string>): Publisher {
  return {
    how: 'admin mutation ingestMarketSnapshots on the spawned gateway (no REDIS_URL: it publishes in its own process)',
    async publish(rows) {
      const snapshots = rows.map((r) => snapshotInput(r, slugOf));
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ query: INGEST_MUTATION, variables: { input: { snapshots } } }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json()) as { data?: { ingestMarketSnapshots: { changes: number; errors: Array<{ message: string }> } }; errors?: unknown };
      const result = body.data?.ingestMarketSnapshots;
      if (!result) return { changes: 0, problem: `HTTP ${response.status}: ${JSON.stringify(body.errors).slice(0, 300)}` };
      return { changes: result.changes, problem: result.errors.length ? result.errors[0].message : undefined };
    },
  };
}


/** What one level measured. */
interface LevelFigures {
  subscribers: number;
  acked: number;
  published: number;
  publishSeconds: number;
  expected: number;
  delivered: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  silent: number;
  /** Subscribers that received fewer (more) of the window's events than were published for them. */
  short: number;
  extra: number;
  /** Deliveries and latency of the per-product subscribers and of the firehose ones. */
  product: { count: number; p50: number; p99: number };
  firehose: { count: number; p50: number; p99: number };
  ingestP50: number;
  ingestP99: number;
  rss: { before: number; connected: number; loaded: number; closed: number };
  connectSeconds: number;
  drainMs: number;
}

/**
 * Subscription fan-out: a separate gateway process (its RSS is its own), 1,000 then 5,000 graphql-ws subscribers
 * from worker threads — one product each (spread over 200 products) plus a few firehose subscribers — while
 * 1,000 price changes a second flow through the ingest path for 10 s. Latency = receive time − the event's `at`
 * (its captured time, set just before the ingest call, so it includes the ingest statement and the publish).
 */
export const fanOutScenario: Scenario = {
  name: 'fan-out',
  description: `priceChanged fan-out on a spawned gateway: ${LEVELS.map(formatCount).join(' then ')} WebSocket subscribers at ${formatCount(EVENTS_PER_SECOND)} events/s`,
  timeoutSeconds: 600,
  async run({ env, options, signal, progress }) {
    const gateway = await env.gateway();
    await env.catalog(CATALOG);
    const pool = await env.database();
    const series = await marketSeries(pool, { fromRank: 1, products: PRODUCTS, platforms: PLATFORMS });
    const productIds: string[] = [];
    for (const s of series) productIds[s.productIndex] = s.productId;
    const failures: string[] = [];
    const feed = new AskFeed(series, ASK);

    // Known bid and last sale on every series, so each later row changes only its lowest ask: one event per row.
    progress(`priming ${formatCount(series.length)} series (bid ${amount(STEADY_BID)}, last sale ${amount(STEADY_LAST)})`);
    const primeRows = feed.prime(new Date());
    for (let i = 0; i < primeRows.length; i += 5000) {
      const result = await ingestMarketSnapshots(gateway.app.orm.em.fork(), gateway.app.pubsub, primeRows.slice(i, i + 5000));
      if (result.rowErrors.length) throw new Error(`priming rejected rows: ${JSON.stringify(result.rowErrors[0])}`);
    }

    progress('spawning a gateway process (--role=gateway)');
    const server = await spawnGateway(env, { role: 'gateway', signal, cpuProfileDir: options.cpuProfileDir && path.join(options.cpuProfileDir, 'fan-out-gateway') });
    const slugOf = new Map(series.map((s) => [s.platformId, s.platform]));
    const publisher = process.env.REDIS_URL ? inProcessPublisher(gateway) : mutationPublisher(server, gateway.adminToken, slugOf);
    const levels: LevelFigures[] = [];
    let profile: Table | undefined;
    const perTick = Math.round(EVENTS_PER_SECOND / TICKS_PER_SECOND);

    /** Publishes ticks for `seconds`, paced on a fixed schedule (a late tick goes at once, none is skipped). */
    const publishFor = async (seconds: number, ticks: Array<{ at: number; products: number[] }>, ingestMs: number[]) => {
      const started = performance.now();
      const total = Math.round(seconds * TICKS_PER_SECOND);
      for (let k = 0; k < total && !signal.aborted; k++) {
        const due = started + (k * 1000) / TICKS_PER_SECOND;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const at = new Date();
        const { rows, products } = feed.next(perTick, at);
        const result = await publisher.publish(rows);
        ingestMs.push(Date.now() - at.getTime());
        const problem = result.problem ?? (result.changes !== rows.length ? `${rows.length} rows gave ${result.changes} changes (expected one lowest-ask change per row)` : undefined);
        if (problem && !failures.includes(`publish: ${problem}`)) failures.push(`publish: ${problem}`);
        ticks.push({ at: at.getTime(), products });
      }
      return (performance.now() - started) / 1000;
    };

    try {
      for (const level of LEVELS) {
        if (signal.aborted) break;
        const rssBefore = server.rss();
        const specs: SubscriberSpec[] = [];
        const perProduct = new Uint32Array(PRODUCTS);
        for (let i = 0; i < level - FIREHOSE; i++) {
          perProduct[i % PRODUCTS]++;
          specs.push({ query: PRODUCT_SUBSCRIPTION, variables: { ids: [toGlobalId('Product', productIds[i % PRODUCTS])] } });
        }
        for (let i = 0; i < FIREHOSE; i++) specs.push({ query: FIREHOSE_SUBSCRIPTION });
        progress(`${formatCount(level)} subscribers: connecting`);
        const connectStarted = performance.now();
        const subscribers = await openSubscribers({ url: server.wsUrl, token: gateway.token, subscribers: specs, timePath: ['priceChanged', 'at'], threads: SUBSCRIBER_THREADS });
        const connectSeconds = (performance.now() - connectStarted) / 1000;
        try {
          if (subscribers.acked !== level) failures.push(`${level} subscribers: only ${subscribers.acked} connections acknowledged (${subscribers.errors.join('; ')})`);
          await sleep(1500); // subscriptions register their Redis channels after the ack
          const rssConnected = server.rss();
          progress(`${formatCount(level)} subscribers: warm-up ${WARMUP_SECONDS} s`);
          await publishFor(WARMUP_SECONDS, [], []);
          await subscribers.collect();
          progress(`${formatCount(level)} subscribers: ${formatCount(EVENTS_PER_SECOND)} events/s for ${MEASURE_SECONDS} s`);
          const ticks: Array<{ at: number; products: number[] }> = [];
          const ingestMs: number[] = [];
          const publishSeconds = await publishFor(MEASURE_SECONDS, ticks, ingestMs);
          const windowStart = ticks[0]?.at ?? Date.now();
          const windowEnd = (ticks[ticks.length - 1]?.at ?? Date.now()) + 1;
          let expected = 0;
          for (const tick of ticks) for (const p of tick.products) expected += perProduct[p] + FIREHOSE;

          // Collect until every expected delivery arrived, or nothing moved for 3 s, or the drain limit.
          const latencies: number[] = [];
          const byClass = { product: [] as number[], firehose: [] as number[] };
          const perSubscriber = new Uint32Array(level);
          const drainStarted = performance.now();
          let idleSince = performance.now();
          let errors: string[] = [];
          let unexpectedCloses = 0;
          while (true) {
            const batch = await subscribers.collect();
            let fresh = 0;
            for (let i = 0; i < batch.eventTimes.length; i++) {
              const at = batch.eventTimes[i];
              if (at >= windowStart - 1 && at < windowEnd) {
                latencies.push(batch.receivedAt[i] - at);
                byClass[batch.subscribers[i] >= level - FIREHOSE ? 'firehose' : 'product'].push(batch.receivedAt[i] - at);
                perSubscriber[batch.subscribers[i]]++;
                fresh++;
              }
            }
            errors = [...errors, ...batch.errors].slice(0, 5);
            unexpectedCloses += batch.unexpectedCloses;
            if (fresh) idleSince = performance.now();
            if (latencies.length >= expected || performance.now() - idleSince > 3000 || performance.now() - drainStarted > DRAIN_LIMIT_MS) break;
            await sleep(250);
          }
          const drainMs = Math.max(0, idleSince - drainStarted);
          // Per subscriber: what its product (or the firehose) was sent in the window against what it received.
          const perProductEvents = new Uint32Array(PRODUCTS);
          for (const tick of ticks) for (const p of tick.products) perProductEvents[p]++;
          const sent = ticks.length * perTick;
          let short = 0;
          let extra = 0;
          for (let i = 0; i < level; i++) {
            const want = i < level - FIREHOSE ? perProductEvents[i % PRODUCTS] : sent;
            if (perSubscriber[i] < want) short++;
            else if (perSubscriber[i] > want) extra++;
          }
          if (errors.length) failures.push(`${level} subscribers: ${errors.join('; ')}`);
          if (unexpectedCloses) failures.push(`${level} subscribers: ${unexpectedCloses} sockets closed by the server`);
          const rssLoaded = server.rss();
          const sorted = Float64Array.from(latencies).sort();
          const classFigures = (values: number[]) => {
            const a = Float64Array.from(values).sort();
            return { count: a.length, p50: percentile(a, 50), p99: percentile(a, 99) };
          };
          const sortedIngest = Float64Array.from(ingestMs).sort();
          progress(`${formatCount(level)} subscribers: closing`);
          await subscribers.close();
          await sleep(1000);
          levels.push({
            subscribers: level,
            acked: subscribers.acked,
            published: ticks.length * perTick,
            publishSeconds,
            expected,
            delivered: sorted.length,
            p50: percentile(sorted, 50),
            p95: percentile(sorted, 95),
            p99: percentile(sorted, 99),
            max: sorted.length ? sorted[sorted.length - 1] : NaN,
            silent: perSubscriber.filter((n) => n === 0).length,
            short,
            extra,
            product: classFigures(byClass.product),
            firehose: classFigures(byClass.firehose),
            ingestP50: percentile(sortedIngest, 50),
            ingestP99: percentile(sortedIngest, 99),
            rss: { before: rssBefore, connected: rssConnected, loaded: rssLoaded, closed: server.rss() },
            connectSeconds,
            drainMs,
          });
        } catch (error) {
          await subscribers.close();
          throw error;
        }
      }
    } finally {
      const stopped = await server.stop(20_000);
      profile = server.profile('CPU profile — the spawned gateway, start to stop');
      if (stopped.killed || stopped.code !== 0) failures.push(`spawned gateway did not stop cleanly (${stopped.killed ? 'SIGKILLed' : `exit ${stopped.code ?? stopped.signal}`}): ${stopped.output.trim().split('\n').slice(-2).join(' | ').slice(0, 300)}`);
    }

    const table: Table = {
      title: `fan-out — priceChanged { ${SELECTION} } on a spawned gateway (--role=gateway), ${formatCount(EVENTS_PER_SECOND)} lowest-ask changes/s for ${MEASURE_SECONDS} s`,
      columns: ['subscribers', 'connect s', 'published/s', 'deliveries expected', 'delivered', 'delivered/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'subs short/extra/silent', 'ingest p50/p99 ms', 'RSS MB idle → subscribed → loaded → closed'],
      rows: levels.map((l) => [
        `${formatCount(l.acked)}/${formatCount(l.subscribers)}`,
        l.connectSeconds.toFixed(1),
        formatCount(l.published / l.publishSeconds),
        formatCount(l.expected),
        `${formatCount(l.delivered)} (${((100 * l.delivered) / Math.max(1, l.expected)).toFixed(1)} %)`,
        formatCount(l.delivered / l.publishSeconds),
        formatMs(l.p50),
        formatMs(l.p95),
        formatMs(l.p99),
        formatMs(l.max),
        `${l.short}/${l.extra}/${l.silent}`,
        `${formatMs(l.ingestP50)} / ${formatMs(l.ingestP99)}`,
        [l.rss.before, l.rss.connected, l.rss.loaded, l.rss.closed].map((b) => (b / MB).toFixed(0)).join(' → '),
      ]),
      notes: [
        `subscribers: one product each (productIds: [id]), spread evenly over the ${PRODUCTS} most popular products, plus ${FIREHOSE} firehose subscribers (no filter) in each level; ${SUBSCRIBER_THREADS} client threads in the bench process`,
        `events: ${perTick} rows every ${1000 / TICKS_PER_SECOND} ms over ${formatCount(series.length)} series (${PRODUCTS} products × ${CATALOG.sizesPerProduct} sizes × ${PLATFORMS.length} platforms) in a fixed shuffled order; each row changes only the lowest ask → one event`,
        `publisher: ${publisher.how}; it waits for each tick's ingest, so a saturated publisher shows as published/s below ${formatCount(EVENTS_PER_SECOND)}`,
        `latency: receive time in the client thread − the event's \`at\` (captured time, set just before the ingest call): includes the ingest transaction ("ingest" column: capture → ingest call returned) and Redis; deliveries counted for events of the ${MEASURE_SECONDS} s window after a ${WARMUP_SECONDS} s warm-up, awaited up to ${DRAIN_LIMIT_MS / 1000} s after the last publish`,
        'expected deliveries = Σ over events (subscribers of its product + firehose subscribers); a shortfall means events were dropped (each stream keeps at most 5,000 undelivered events, oldest dropped first) or still queued when the drain gave up',
        'subs short/extra/silent: subscribers that received fewer / more of the window\'s events than were published for their product (all of them, for the firehose) / none at all',
        'aim (issue 3) on this 2-core machine: 5,000 subscribers with p99 ≤ 100 ms at 1,000 events/s — compare the last row',
        ...levels.map(
          (l) =>
            `${formatCount(l.subscribers)} subscribers: per-product subscribers ${formatCount(l.product.count)} deliveries, p50 ${formatMs(l.product.p50)} / p99 ${formatMs(l.product.p99)} ms; ` +
            `firehose ${formatCount(l.firehose.count)}, p50 ${formatMs(l.firehose.p50)} / p99 ${formatMs(l.firehose.p99)} ms; the last deliveries arrived ${formatCount(l.drainMs)} ms after the last publish (polled every 250 ms)`,
        ),
      ],
    };
    const last = levels[levels.length - 1];
    return {
      tables: [table, ...(profile ? [profile] : [])],
      headline: last ? `${formatCount(last.subscribers)} subs: ${formatCount(last.delivered / last.publishSeconds)} deliveries/s, p50 ${formatMs(last.p50)} / p99 ${formatMs(last.p99)} ms, RSS ${(last.rss.loaded / MB).toFixed(0)} MB` : 'no level measured',
      failures,
    };
  },
};
