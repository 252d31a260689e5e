import path from 'node:path';
import { toGlobalId } from '../../src/common/node';
import { SyncTrigger } from '../../src/domains/sync/entities/sync.enums';
import { openSubscribers, type SubscriberPool } from '../load/ws-subscribers';
import { formatCount, formatMs } from '../report';
import type { Scenario, Table } from '../scenario';
import { spawnGateway } from '../startup/spawn-gateway';

const CATALOG = { products: 1000, sizesPerProduct: 20 };
/**
 * Products per subscription. A stream may name 100, but it buffers at most 5,000 undelivered events (oldest
 * dropped): one 500-variant batch of 25 products is up to 6,000 events at once, which overflowed a 100-product stream
 * without Redis (in-process pub/sub delivers the whole ingest synchronously). 10 products stay below that.
 */
const IDS_PER_SUBSCRIPTION = 10;
const POLL_SECONDS = 0.5;
const JOBS_LIMIT_MS = 180_000;
const EVENTS_LIMIT_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How a batch of products is handed to the workers: one big job, or many small on-demand ones. */
interface Shape {
  label: string;
  /** Popularity rank of the first product (1-based); the shapes use disjoint products. */
  fromRank: number;
  products: number;
  productsPerJob: number;
}

const SHAPES: Shape[] = [
  { label: 'one market.sync job, 200 products', fromRank: 601, products: 200, productsPerJob: 200 },
  { label: '20 market.sync jobs × 10 products', fromRank: 801, products: 200, productsPerJob: 10 },
];

interface ShapeFigures {
  shape: Shape;
  variants: number;
  jobs: number;
  runs: number;
  pricePoints: number;
  expectedEvents: number;
  events: number;
  /** ms from enqueue to: first run started, last run finished, last event received. */
  firstStartMs: number;
  lastFinishMs: number;
  lastEventMs: number;
  /** Sum of the runs' own durations (started → finished). */
  runMs: number;
  statuses: string;
}

/**
 * End-to-end sync throughput with the simulated provider: `market.sync` jobs enqueued from this process (the job
 * queue any gateway uses) for products nobody synced in this run, executed by a spawned `--role=all` process
 * (SIMULATOR_ENABLED: on-demand runs price platforms no connection covers with the simulator; its periodic feed is
 * pushed out to once a day so it adds nothing), whose price changes reach priceChanged subscribers on the same
 * process. Measured: enqueue → every expected event received.
 */
export const syncScenario: Scenario = {
  name: 'sync',
  description: 'market.sync with the simulated provider, enqueue → priceChanged events received: variants/s end to end',
  timeoutSeconds: 600,
  async run({ env, options, signal, progress }) {
    const gateway = await env.gateway();
    await env.catalog(CATALOG);
    const pool = await env.database();
    progress('spawning a server (--role=all, simulator on for on-demand syncs)');
    const server = await spawnGateway(env, {
      role: 'all',
      signal,
      cpuProfileDir: options.cpuProfileDir && path.join(options.cpuProfileDir, 'sync-server'),
      extra: { SIMULATOR_ENABLED: 'true', SIMULATOR_INTERVAL_SECONDS: '86400', JOB_POLL_INTERVAL_SECONDS: String(POLL_SECONDS) },
    });
    const failures: string[] = [];
    const figures: ShapeFigures[] = [];
    try {
      await sleep(2000); // the worker's start-up jobs (partitions, schedules) settle
      for (const shape of SHAPES) {
        if (signal.aborted) break;
        const { rows } = await pool.query<{ id: string }>('select id from product order by popularity desc, id offset $1 limit $2', [shape.fromRank - 1, shape.products]);
        const productIds = rows.map((r) => r.id);
        const subscriptions = [];
        for (let i = 0; i < productIds.length; i += IDS_PER_SUBSCRIPTION) {
          subscriptions.push({
            query: 'subscription BenchSyncPrices($ids: [ID!]) { priceChanged(filter: { productIds: $ids }) { field at } }',
            variables: { ids: productIds.slice(i, i + IDS_PER_SUBSCRIPTION).map((id) => toGlobalId('Product', id)) },
          });
        }
        const subscribers: SubscriberPool = await openSubscribers({ url: server.wsUrl, token: gateway.token, subscribers: subscriptions, timePath: ['priceChanged', 'at'], threads: 1 });
        try {
          if (subscribers.acked !== subscriptions.length) throw new Error(`subscriptions not acknowledged: ${subscribers.errors.join('; ')}`);
          await sleep(1500);
          await subscribers.collect();
          progress(`sync: ${shape.label}`);
          const enqueuedAt = Date.now();
          const jobIds: string[] = [];
          for (let i = 0; i < productIds.length; i += shape.productsPerJob) {
            const id = await gateway.app.jobs.send(
              'market.sync',
              { productIds: productIds.slice(i, i + shape.productsPerJob), trigger: SyncTrigger.ON_DEMAND },
              { singletonKey: `bench:sync:${shape.fromRank}:${i}` },
            );
            if (!id) throw new Error('market.sync was not enqueued (an equal job is already waiting)');
            jobIds.push(id);
          }

          // Every job done (completed or failed), then every event its runs caused.
          const deadline = Date.now() + JOBS_LIMIT_MS;
          let states: string[] = [];
          while (Date.now() < deadline && !signal.aborted) {
            states = await Promise.all(jobIds.map(async (id) => (await gateway.app.jobs.status('market.sync', id))?.state ?? 'unknown'));
            if (states.every((s) => s === 'completed' || s === 'failed' || s === 'cancelled')) break;
            await sleep(200);
          }
          const notDone = states.filter((s) => s !== 'completed');
          if (notDone.length) failures.push(`${shape.label}: ${notDone.length} of ${jobIds.length} jobs not completed (${[...new Set(notDone)].join(', ')})`);
          const { rows: [expected] } = await pool.query<{ events: number; price_points: number }>(
            `select coalesce(sum((lowest_ask_changed_at >= $2)::int + (highest_bid_changed_at >= $2)::int + (last_sale_changed_at >= $2)::int), 0)::int as events,
                    count(*) filter (where captured_at >= $2)::int as price_points
               from market_price where product_id = any($1::uuid[])`,
            [productIds, new Date(enqueuedAt).toISOString()],
          );
          let events = 0;
          let lastReceived = 0;
          const eventsDeadline = Date.now() + EVENTS_LIMIT_MS;
          while (events < expected.events && Date.now() < eventsDeadline) {
            const batch = await subscribers.collect();
            for (let i = 0; i < batch.eventTimes.length; i++) {
              if (batch.eventTimes[i] < enqueuedAt - 1) continue;
              events++;
              lastReceived = Math.max(lastReceived, batch.receivedAt[i]);
            }
            if (batch.errors.length) failures.push(`${shape.label}: ${batch.errors.join('; ')}`);
            if (events < expected.events) await sleep(100);
          }
          if (events < expected.events) failures.push(`${shape.label}: ${events} of ${expected.events} expected events arrived within ${EVENTS_LIMIT_MS / 1000} s of the jobs finishing`);
          const { rows: [runs] } = await pool.query<{ runs: number; first_start: number | null; last_finish: number | null; run_ms: number | null; statuses: string | null }>(
            `select count(*)::int as runs, (extract(epoch from min(started_at)) * 1000)::float8 as first_start,
                    (extract(epoch from max(finished_at)) * 1000)::float8 as last_finish,
                    sum(extract(epoch from finished_at - started_at) * 1000)::float8 as run_ms,
                    string_agg(distinct status, ', ') as statuses
               from sync_run where kind = 'MARKET_DATA' and created_at >= $1`,
            [new Date(enqueuedAt).toISOString()],
          );
          if (runs.statuses !== 'SUCCEEDED') failures.push(`${shape.label}: runs ended ${runs.statuses ?? 'nowhere (no run recorded)'}`);
          figures.push({
            shape,
            variants: productIds.length * CATALOG.sizesPerProduct,
            jobs: jobIds.length,
            runs: runs.runs,
            pricePoints: expected.price_points,
            expectedEvents: expected.events,
            events,
            firstStartMs: runs.first_start !== null ? runs.first_start - enqueuedAt : NaN,
            lastFinishMs: runs.last_finish !== null ? runs.last_finish - enqueuedAt : NaN,
            lastEventMs: lastReceived ? lastReceived - enqueuedAt : NaN,
            runMs: runs.run_ms ?? NaN,
            statuses: runs.statuses ?? '–',
          });
        } finally {
          await subscribers.close();
        }
      }
    } finally {
      const stopped = await server.stop(20_000);
      if (stopped.killed || stopped.code !== 0) failures.push(`spawned server did not stop cleanly (${stopped.killed ? 'SIGKILLed' : `exit ${stopped.code ?? stopped.signal}`})`);
    }
    const profile = server.profile('CPU profile — the spawned --role=all server, start to stop');

    const table: Table = {
      title: 'sync — market.sync with the simulated provider: enqueue → run → ingest → priceChanged received (spawned --role=all)',
      columns: ['batch', 'variants', 'price points', 'jobs/runs', 'first run start ms', 'last run end ms', 'last event ms', 'variants/s (e2e)', 'price points/s', 'events', 'worker run ms (Σ)', 'status'],
      rows: figures.map((f) => [
        f.shape.label,
        formatCount(f.variants),
        formatCount(f.pricePoints),
        `${f.jobs}/${f.runs}`,
        formatCount(f.firstStartMs),
        formatCount(f.lastFinishMs),
        formatCount(f.lastEventMs),
        formatCount((f.variants / f.lastEventMs) * 1000),
        formatCount((f.pricePoints / f.lastEventMs) * 1000),
        `${formatCount(f.events)}/${formatCount(f.expectedEvents)}`,
        formatMs(f.runMs),
        f.statuses,
      ]),
      notes: [
        'times are from the enqueue (bench process, pg-boss send) on one clock; variants/s (e2e) = variants ÷ (last event received − enqueue)',
        `the worker polls its queues every ${POLL_SECONDS} s (JOB_POLL_INTERVAL_SECONDS; default 2): a job sent from another process waits up to that long before it starts ("first run start")`,
        'price points = (variant, platform) latest rows the runs wrote (the simulator prices every size on each simulated platform no connection covers); events = fields whose value changed (ask, bid, last sale), each delivered once to the one subscriber naming its product',
        `subscribers: ${IDS_PER_SUBSCRIPTION} products per priceChanged subscription (a stream buffers at most 5,000 undelivered events; a 100-product stream lost ~1,000 events per 500-variant batch without Redis)`,
        'market.sync runs concurrently 2 jobs per worker process; a run prices its variants in batches of 500 (one ingest and one bookkeeping transaction per batch)',
      ],
    };
    return {
      tables: [table, ...(profile ? [profile] : [])],
      headline: figures.map((f) => `${formatCount((f.variants / f.lastEventMs) * 1000)} variants/s`).join(' / ') + ` (${figures.map((f) => f.shape.label.split(',')[0].replace('market.sync ', '')).join(' / ')})`,
      failures,
    };
  },
};
