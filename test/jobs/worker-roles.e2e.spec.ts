import { ensureMarketPartitions, listMarketPartitions, openPriceStreams } from '../../src/domains/market';
import { normalizeSku } from '../../src/domains/catalog';
import { productsMovingAt, simulateQuote, type SimulatedProduct } from '../../src/domains/sync/providers/simulated';
import { jobTasks } from '../../src/jobs';
import { VariantMarketDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { productInput, seedProducts } from '../support/catalog';
import { collect } from '../market/market-support';
import { waitFor, waitForJob } from './job-support';
import { runsOf, slowJob } from './test-jobs';

const DAY = 86_400_000;
const withSlowJob = [...jobTasks, slowJob];

describe('a gateway and a worker on one database', () => {
  let gateway: TestApp;
  let worker: TestApp;
  let droppedAhead: string[];
  const em = () => gateway.app.orm.em.fork();

  beforeAll(async () => {
    gateway = await startTestApp({ JOB_POLL_INTERVAL_SECONDS: '0.5' }, { jobTasks: withSlowJob });
    // Before any worker exists, remove the partitions of the coming weeks: only the worker's start-up job can bring them back.
    const ahead = (await listMarketPartitions(em())).filter((p) => p.upperBound && p.upperBound.getTime() > Date.now() + 8 * DAY);
    for (const { name } of ahead) await em().getConnection().execute(`drop table "${name}"`);
    droppedAhead = ahead.map((p) => p.name);
    worker = await startTestApp(
      { ROLE: 'worker', JOB_POLL_INTERVAL_SECONDS: '0.5', MARKET_RETENTION_DAYS: '30' },
      { databaseUrl: gateway.app.config.database.url, jobTasks: withSlowJob },
    );
  });
  afterAll(async () => {
    await worker?.stop();
    await gateway?.stop();
  });

  it('creates the coming weeks of market partitions when a worker starts', async () => {
    expect(droppedAhead.length).toBeGreaterThanOrEqual(3);
    await waitFor('the start-up market.partitions job', async () => {
      const names = new Set((await listMarketPartitions(em())).map((p) => p.name));
      return droppedAhead.every((name) => names.has(name));
    });
  });

  it('runs a job enqueued by the gateway on the worker: market.retention drops only expired partitions', async () => {
    const old = await ensureMarketPartitions(em(), { now: new Date(Date.now() - 200 * DAY), weeksAhead: 1 });
    expect(old).toHaveLength(2);

    const id = await gateway.app.jobs.send('market.retention', {});
    const status = await waitForJob(gateway.app.jobs, 'market.retention', id!);

    expect(status).toMatchObject({ state: 'completed', output: { worker: worker.app.jobs.id } });
    expect(worker.app.jobs.id).not.toBe(gateway.app.jobs.id);
    const dropped = (status.output as { dropped: string[] }).dropped;
    expect(dropped).toEqual(expect.arrayContaining(old));
    const remaining = await listMarketPartitions(em());
    expect(remaining.map((p) => p.name)).not.toEqual(expect.arrayContaining(old));
    expect(remaining.every((p) => !p.upperBound || p.upperBound.getTime() > Date.now() - 30 * DAY)).toBe(true);
    expect(remaining.some((p) => p.upperBound && p.upperBound.getTime() > Date.now() && p.upperBound.getTime() <= Date.now() + 7 * DAY)).toBe(true);
  });

  it('lets the running job finish when the worker process stops', async () => {
    const id = await gateway.app.jobs.send('test.slow', {});
    await waitFor('the slow job to start on the worker', () => runsOf('test.slow').length === 1);
    await worker.stop();
    expect(await gateway.app.jobs.status('test.slow', id!)).toMatchObject({ state: 'completed', output: { finished: true, worker: worker.app.jobs.id } });
  });
});

describe('the simulated market through the job queue (npm start: gateway and worker in one process)', () => {
  const SEED = 42;
  let t: TestApp;
  let product: SimulatedProduct & { id: string; variants: Array<{ id: string; sizeKey: string }> };

  /** The first ticks from `from` at which the simulator moves the product (a pure function of seed and tick). */
  const movingTicks = (from: number, count: number) => {
    const ticks: number[] = [];
    for (let tick = from; ticks.length < count; tick++) if (productsMovingAt([product], { seed: SEED, tick }).length) ticks.push(tick);
    return ticks;
  };

  beforeAll(async () => {
    // A long interval keeps the in-process ticker idle: every tick of this test is enqueued explicitly.
    t = await startTestApp({ ROLE: 'all', SIMULATOR_ENABLED: 'true', SIMULATOR_INTERVAL_SECONDS: '86400', SIMULATOR_SEED: String(SEED), JOB_POLL_INTERVAL_SECONDS: '0.5' });
    const admin = (await t.createAccount({ admin: true })).token;
    const sku = `SIM-${process.pid}-${Date.now().toString(36)}`.toUpperCase();
    const [created] = await seedProducts(t, admin, [productInput(sku, { popularity: 100, retailPrice: '200.00', variants: [{ sizeKey: '9' }, { sizeKey: '10' }, { sizeKey: '13' }] })]);
    const read = await t.request<{ node: { variants: Array<{ id: string; sizeKey: string }> } }, { id: string }>(
      'query($id: ID!) { node(id: $id) { ... on Product { variants { id sizeKey } } } }',
      { id: created.id },
    );
    product = { id: created.id, key: normalizeSku(sku), category: 'SNEAKERS', popularity: 100, retailPrice: '200.00', variants: read.body.data!.node.variants };
  });
  afterAll(() => t?.stop());

  const simulate = async (tick: number) => {
    const id = await t.app.jobs.send('market.simulate', { tick });
    const status = await waitForJob(t.app.jobs, 'market.simulate', id!);
    expect(status.state).toBe('completed');
    return status.output as { tick: number; products: number; variants: number; rows: number; written: number; changes: number; rejected: number };
  };

  it('prices every size on StockX, Alias, GOAT and eBay, exactly as the simulator computes for that seed and tick', async () => {
    const [tick] = movingTicks(1_000_000, 1);
    expect(await simulate(tick)).toMatchObject({ tick, products: 1, variants: 3, rows: 12, written: 12, rejected: 0 });

    const size10 = product.variants.find((v) => v.sizeKey === '10')!;
    const res = await t.request(VariantMarketDocument, { id: size10.id });
    const market = (res.body.data!.node as { market: Array<{ platform: { slug: string }; lowestAsk: { amount: string } | null; highestBid: { amount: string } | null; source: string }> }).market;
    expect(market.map((m) => m.platform.slug).sort()).toEqual(['alias', 'ebay', 'goat', 'stockx']);
    for (const quote of market) {
      const expected = simulateQuote({ variantId: '', sizeKey: '10', numericSize: 10, sizeSystem: 'US_M', product }, quote.platform.slug, { seed: SEED, tick })!;
      expect(quote.source).toBe('SIMULATED');
      expect(Number(quote.lowestAsk!.amount)).toBe(Number(expected.lowestAsk));
      expect(Number(quote.highestBid!.amount)).toBe(Number(expected.highestBid));
    }
  });

  it('publishes priceChanged events when the next tick moves prices, and none when a tick is replayed', async () => {
    const streams = openPriceStreams();
    const events = collect<{ priceChanged: { field: string; platform: { slug: string }; product: { sku: string } } }>(
      t.wsClient(),
      'subscription($filter: PriceChangeFilter) { priceChanged(filter: $filter) { field platform { slug } product { sku } } }',
      { filter: { productIds: [product.id] } },
    );
    await waitFor('the priceChanged stream to open', () => openPriceStreams() > streams);

    const [, next] = movingTicks(1_000_000, 2);
    const moved = await simulate(next);
    expect(moved.changes).toBeGreaterThan(0);
    await events.until(moved.changes);
    expect(events.results.length).toBe(moved.changes);
    expect(new Set(events.results.map((e) => e.priceChanged.platform.slug))).toEqual(new Set(['stockx', 'alias', 'goat', 'ebay']));

    expect(await simulate(next)).toMatchObject({ rows: 12, changes: 0, rejected: 0 });
    events.dispose();
  });
});
