import { ingestMarketSnapshots } from '../../src/domains/market';
import { nextPopularity } from '../../src/domains/catalog';
import { MAX_REREADS } from '../../src/domains/market/reads/market-wait';
import {
  ConnectMarketplaceDocument,
  LinkExternalRefDocument,
  ProductMarketFreshDocument,
  ProductPopularityDocument,
  VariantMarketFreshDocument,
} from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { ALIAS_TOKENS, startAliasUpstream } from '../sync/support/alias-upstream';
import type { FakeUpstream } from '../providers/fake-upstream';
import { createProducts, platformIds, waitFor, type TestProduct } from './market-support';
import { describeWithRedis } from '../support/redis';

const HOUR = 3_600_000;
/** The simulator answers on-demand refreshes; a day-long tick keeps its own feed from pricing anything meanwhile. */
const SIMULATED_WORKER = { ROLE: 'all', SIMULATOR_ENABLED: 'true', SIMULATOR_INTERVAL_SECONDS: '86400', JOB_POLL_INTERVAL_SECONDS: '0.5' };
/** Views are written only when a test flushes them (or at shutdown), so SQL counts are exact. */
const MANUAL_FLUSH = { PRODUCT_VIEW_FLUSH_SECONDS: '0' };

type Quote = { platform: { slug: string }; capturedAt: string; source: string; stale: boolean; ageSeconds: number; lowestAsk: { amount: string } | null };

async function query<T>(t: TestApp, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await t.app.orm.em.fork().getConnection().execute(sql, params)) as T[];
}

/** An hour-old MANUAL price of one size on one platform. */
async function ingestOldPrice(t: TestApp, variantUuid: string, platformUuid: string, ask: string): Promise<void> {
  const result = await ingestMarketSnapshots(t.app.orm.em.fork(), t.app.pubsub, [
    { variantId: variantUuid, platformId: platformUuid, lowestAsk: ask, currency: 'USD', capturedAt: new Date(Date.now() - HOUR), source: 'MANUAL' },
  ]);
  expect(result.rowErrors).toEqual([]);
}

/** Latest-price reads (initial loads and re-reads) among the statements counted since the last reset. */
const priceReads = (t: TestApp, by: 'variant' | 'product') =>
  t.sql.statements.filter((s) => s.includes('from market_price mp join platform p') && s.includes(`mp.${by}_id = any(`));

interface RunRow {
  status: string;
  trigger: string;
  startedAt: number;
  finishedAt: number;
}

/**
 * Market runs whose request names any of these variants, once all of them ended (a waiting read answers as soon as
 * the prices are committed, while the run still records its counts).
 */
async function finishedRunsFor(t: TestApp, variantUuids: string[]): Promise<RunRow[]> {
  let rows: Array<{ status: string; trigger: string; started_at: string; finished_at: string | null }> = [];
  await waitFor('the market runs to end', async () => {
    rows = await query(
      t,
      `select status, trigger, started_at, finished_at from sync_run
       where kind = 'MARKET_DATA' and exists (select 1 from jsonb_array_elements_text(request->'variantIds') v where v = any(?::text[]))`,
      [`{${variantUuids.join(',')}}`],
    );
    return rows.every((r) => r.finished_at !== null);
  });
  return rows.map((r) => ({ status: r.status, trigger: r.trigger, startedAt: Date.parse(r.started_at), finishedAt: Date.parse(r.finished_at!) }));
}

describe('Variant.market / Product.market (maxAgeSeconds, waitMs) with the simulator and a worker in the app', () => {
  let t: TestApp;
  let admin: string;
  let platforms: Record<string, { id: string; uuid: string }>;

  beforeAll(async () => {
    t = await startTestApp({ ...SIMULATED_WORKER, ...MANUAL_FLUSH });
    admin = (await t.createAccount({ admin: true })).token;
    platforms = await platformIds(t);
  });
  afterAll(() => t?.stop());

  it('refuses waitMs above 10,000 or below 0 as BAD_USER_INPUT, before requesting anything', async () => {
    const [product] = await createProducts(t, admin, [['10']]);
    for (const waitMs of [10_001, -1]) {
      const res = await t.request(VariantMarketFreshDocument, { id: product.variants[0].id, maxAgeSeconds: 0, waitMs });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0]?.message).toMatch(/waitMs must be between 0 and 10000/);
    }
    const res = await t.request(ProductMarketFreshDocument, { id: product.id, maxAgeSeconds: 0, waitMs: 10_001 });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await query(t, `select 1 from pgboss.job where name = 'market.sync'`)).toEqual([]);
  });

  it('without waitMs answers at once with what exists, flagged stale', async () => {
    const [product] = await createProducts(t, admin, [['10']]);
    await ingestOldPrice(t, product.variants[0].uuid, platforms.stockx.uuid, '150.00');
    const res = await t.request(VariantMarketFreshDocument, { id: product.variants[0].id, maxAgeSeconds: 60 });
    expect(res.body.errors).toBeUndefined();
    const quotes = (res.body.data!.node as { market: Quote[] }).market;
    expect(quotes).toEqual([expect.objectContaining({ platform: { slug: 'stockx' }, source: 'MANUAL', stale: true, lowestAsk: { amount: '150', currency: 'USD' } })]);
    expect(quotes[0].ageSeconds).toBeGreaterThanOrEqual(3600);
  });

  it('waitMs: two concurrent readers of a stale size share ONE sync run and both get its fresh prices, re-reading once each', async () => {
    const [product] = await createProducts(t, admin, [['10']]);
    const variant = product.variants[0];
    await ingestOldPrice(t, variant.uuid, platforms.stockx.uuid, '150.00');
    const before = Date.now();

    t.sql.reset();
    const read = () => t.request(VariantMarketFreshDocument, { id: variant.id, maxAgeSeconds: 0, waitMs: 5000 });
    const [a, b] = await Promise.all([read(), read()]);
    const reads = priceReads(t, 'variant');

    const answers = [a, b].map((res) => {
      expect(res.body.errors).toBeUndefined();
      return (res.body.data!.node as { market: Quote[] }).market;
    });
    const runs = await finishedRunsFor(t, [variant.uuid]);
    expect(runs).toEqual([expect.objectContaining({ status: 'SUCCEEDED', trigger: 'ON_DEMAND' })]);
    const [run] = runs;
    for (const quotes of answers) {
      // The simulator prices sneakers on stockx, alias, goat and ebay: the hour-old MANUAL stockx price was replaced.
      expect(quotes.map((q) => q.platform.slug)).toEqual(['alias', 'ebay', 'goat', 'stockx']);
      for (const quote of quotes) {
        expect(quote).toMatchObject({ source: 'SIMULATED', stale: false, ageSeconds: 0 });
        const capturedAt = Date.parse(quote.capturedAt);
        expect(capturedAt).toBeGreaterThanOrEqual(before);
        expect(capturedAt).toBeGreaterThanOrEqual(run.startedAt);
        expect(capturedAt).toBeLessThanOrEqual(run.finishedAt);
      }
    }
    expect(answers[1]).toEqual(answers[0]);
    // No polling: each reader read once, then once more when the run's PRICE_CHANGED event arrived.
    expect(reads).toHaveLength(4);
  });

  it('waitMs: a wait that cannot be satisfied ends by waitMs with the stale prices, after a bounded number of reads', async () => {
    const [product] = await createProducts(t, admin, [['10']]);
    const variant = product.variants[0];
    // The simulator never prices the manual platform, so its quote cannot become fresh.
    await ingestOldPrice(t, variant.uuid, platforms.manual.uuid, '99.00');
    t.sql.reset();
    const res = await t.request(VariantMarketFreshDocument, { id: variant.id, platforms: ['manual'], maxAgeSeconds: 60, waitMs: 1500 });
    const reads = priceReads(t, 'variant');
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data!.node as { market: Quote[] }).market).toEqual([
      expect.objectContaining({ platform: { slug: 'manual' }, source: 'MANUAL', stale: true, lowestAsk: { amount: '99', currency: 'USD' } }),
    ]);
    // The first read, then ONE re-read: woken by the refresh's event (still stale, and nothing else arrives), or at
    // the deadline when the refresh had not landed by then.
    expect(reads).toHaveLength(2);
    expect(reads.length).toBeLessThanOrEqual(1 + MAX_REREADS);
  });

  it('Product.market waitMs: a never-priced product is refreshed once and answered fresh for every size; the read counts one view', async () => {
    const [product] = await createProducts(t, admin, [['9', '9.5']]);
    t.sql.reset();
    const res = await t.request(ProductMarketFreshDocument, { id: product.id, maxAgeSeconds: 0, waitMs: 5000 });
    expect(res.body.errors).toBeUndefined();
    const quotes = res.body.data!.product!.market;
    expect(quotes.map((q) => `${q.variant.sizeKey}@${q.platform.slug}`)).toEqual(['9@alias', '9@ebay', '9@goat', '9@stockx', '9.5@alias', '9.5@ebay', '9.5@goat', '9.5@stockx']);
    expect(quotes.every((q) => q.source === 'SIMULATED' && q.stale === false)).toBe(true);
    expect(priceReads(t, 'product')).toHaveLength(2);
    expect(await finishedRunsFor(t, product.variants.map((v) => v.uuid))).toEqual([expect.objectContaining({ status: 'SUCCEEDED', trigger: 'ON_DEMAND' })]);

    // `product(id)` and its `market` in one operation are one view.
    await t.app.productViews!.flush();
    const [row] = await query<{ popularity: number }>(t, `select popularity from product where id = ?`, [product.uuid]);
    expect(row.popularity).toBe(nextPopularity(0, null, 1));
  });

  it('an ingest signals every product it refreshed: PRICE_CHANGED when a price moved, else MARKET_REFRESHED', async () => {
    const [moved, confirmed] = await createProducts(t, admin, [['10'], ['10', '11']]);
    const heard: string[] = [];
    const pubsub = t.app.pubsub as unknown as { subscribe(key: string, id: string): AsyncIterableIterator<unknown> & { return(): Promise<unknown> } };
    const subscriptions = [moved, confirmed].flatMap((product) =>
      ['PRICE_CHANGED', 'MARKET_REFRESHED'].map((topic) => {
        const subscription = pubsub.subscribe(topic, product.uuid);
        void (async () => {
          for await (const payload of subscription) heard.push(`${topic}:${product === moved ? 'moved' : 'confirmed'}:${JSON.stringify(payload)}`);
        })();
        return subscription;
      }),
    );
    const row = (variantUuid: string, ask: string, minutesAgo: number) => ({
      variantId: variantUuid,
      platformId: platforms.stockx.uuid,
      lowestAsk: ask,
      currency: 'USD',
      capturedAt: new Date(Date.now() - minutesAgo * 60_000),
      source: 'MANUAL' as const,
    });
    const ingest = async (rows: Array<ReturnType<typeof row>>) => {
      expect((await ingestMarketSnapshots(t.app.orm.em.fork(), t.app.pubsub, rows)).rowErrors).toEqual([]);
      // In-process pub/sub delivers while publishing; let the pumps take the messages.
      await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      await ingest([row(moved.variants[0].uuid, '100.00', 10), ...confirmed.variants.map((v) => row(v.uuid, '200.00', 10))]);
      heard.length = 0;
      await ingest([row(moved.variants[0].uuid, '110.00', 5), ...confirmed.variants.map((v) => row(v.uuid, '200.00', 5))]);
      heard.sort();
      expect(heard).toHaveLength(2);
      expect(heard[1]).toMatch(/^PRICE_CHANGED:moved:/);
      expect(heard[0]).toBe(`MARKET_REFRESHED:confirmed:${JSON.stringify({ variantIds: confirmed.variants.map((v) => v.uuid) })}`);
    } finally {
      await Promise.all(subscriptions.map((s) => s.return()));
    }
  });
});

describe('product views drive popularity and tiers', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(MANUAL_FLUSH);
    admin = (await t.createAccount({ admin: true })).token;
  });
  afterAll(() => t?.stop());

  const viewById = (product: TestProduct) => t.request(ProductPopularityDocument, { id: product.id });
  const stored = async (product: TestProduct) => {
    const [row] = await query<{ popularity: number; last_viewed_at: string | null }>(t, `select popularity, last_viewed_at from product where id = ?`, [product.uuid]);
    return { popularity: row.popularity, lastViewedAt: row.last_viewed_at === null ? null : new Date(row.last_viewed_at) };
  };

  it('reads write nothing; one statement per flush writes every viewed product with the decayed score', async () => {
    const [fresh, lukewarm, almostHot, cooled] = await createProducts(t, admin, [['10'], ['10'], ['10'], ['10']]);
    await query(t, `update product set popularity = 20, last_viewed_at = clock_timestamp() - interval '24 hours' where id = ?`, [lukewarm.uuid]);
    await query(t, `update product set popularity = 45 where id = ?`, [almostHot.uuid]);
    await query(t, `update product set popularity = 80, last_viewed_at = clock_timestamp() - interval '168 hours' where id = ?`, [cooled.uuid]);
    const beforeViews = new Map(await Promise.all([fresh, lukewarm, almostHot, cooled].map(async (p) => [p.uuid, await stored(p)] as const)));

    t.sql.reset();
    for (let i = 0; i < 3; i++) expect((await viewById(fresh)).body.errors).toBeUndefined();
    expect((await t.request(ProductPopularityDocument, { sku: lukewarm.sku.toLowerCase() })).body.data!.product!.id).toBe(lukewarm.id);
    // `product` and its `market` in one operation count once; a second operation counts again.
    expect((await t.request(ProductMarketFreshDocument, { id: almostHot.id })).body.errors).toBeUndefined();
    expect((await viewById(almostHot)).body.data!.product!.tier).toBe('COLD');
    await viewById(cooled);
    expect(t.sql.statements.filter((s) => /^\s*(update|insert|delete)\b/i.test(s))).toEqual([]);
    expect(t.app.productViews!.pendingProducts).toBe(4);

    t.sql.reset();
    expect(await t.app.productViews!.flush()).toBe(4);
    expect(t.sql.count).toBe(1);
    expect(t.sql.statements[0]).toMatch(/update product p set[\s\S]*from unnest\(/);
    expect(t.app.productViews!.pendingProducts).toBe(0);

    const expectations: Array<[TestProduct, number]> = [
      [fresh, 3],
      [lukewarm, 1],
      [almostHot, 2],
      [cooled, 1],
    ];
    for (const [product, views] of expectations) {
      const before = beforeViews.get(product.uuid)!;
      const after = await stored(product);
      expect(after.lastViewedAt).toBeInstanceOf(Date);
      const hours = before.lastViewedAt ? (after.lastViewedAt!.getTime() - before.lastViewedAt.getTime()) / HOUR : null;
      expect(after.popularity).toBe(nextPopularity(before.popularity, hours, views));
    }
    expect((await stored(fresh)).popularity).toBe(15);
    expect((await stored(lukewarm)).popularity).toBe(23);
    expect((await stored(cooled)).popularity).toBe(45);
    // 45 + two views crosses 50: HOT; 80 untouched for a week falls to 45: COLD.
    expect((await viewById(almostHot)).body.data!.product).toMatchObject({ popularity: 55, tier: 'HOT' });
    expect((await viewById(cooled)).body.data!.product).toMatchObject({ popularity: 45, tier: 'COLD' });
  });

  it('flushes on its own every PRODUCT_VIEW_FLUSH_SECONDS, and at shutdown', async () => {
    const [periodic, atShutdown] = await createProducts(t, admin, [['10'], ['10']]);
    const databaseUrl = t.app.config.database.url;

    const ticking = await startTestApp({ PRODUCT_VIEW_FLUSH_SECONDS: '0.2' }, { databaseUrl });
    try {
      await ticking.request(ProductPopularityDocument, { id: periodic.id });
      await waitFor('the periodic flush', async () => (await stored(periodic)).popularity === 5);
      expect(ticking.app.productViews!.pendingProducts).toBe(0);
    } finally {
      await ticking.stop();
    }

    const stopping = await startTestApp(MANUAL_FLUSH, { databaseUrl });
    await stopping.request(ProductPopularityDocument, { id: atShutdown.id });
    await stopping.request(ProductPopularityDocument, { id: atShutdown.id });
    expect((await stored(atShutdown)).lastViewedAt).toBeNull();
    await stopping.stop();
    expect(await stored(atShutdown)).toMatchObject({ popularity: 10, lastViewedAt: expect.any(Date) });
  });
});

describe('a product viewed past popularity 50 is picked up by the scheduled market.sync (hot every 6 h, cold daily)', () => {
  let t: TestApp;
  let upstream: FakeUpstream;

  beforeAll(async () => {
    const alias = await startAliasUpstream();
    upstream = alias.upstream;
    t = await startTestApp({ ROLE: 'all', JOB_POLL_INTERVAL_SECONDS: '0.5', SYNC_PROVIDER_BASE_URLS: `alias=${alias.baseUrl}`, ...MANUAL_FLUSH });
  });
  afterAll(async () => {
    await t?.stop();
    await upstream?.stop();
  });

  it('syncs the product that became HOT and leaves the COLD one synced today alone', async () => {
    const admin = (await t.createAccount({ admin: true })).token;
    const [viewed, ignored] = await createProducts(t, admin, [['10.5', '11'], ['10.5', '11']]);
    for (const product of [viewed, ignored]) {
      const link = await t.request(LinkExternalRefDocument, { input: { platform: 'alias', productId: product.id, externalId: `alias-${product.sku.toLowerCase()}` } }, admin);
      expect(link.body.data!.linkExternalRef.errors).toEqual([]);
    }
    const seller = await t.createAccount();
    const connected = await t.request(ConnectMarketplaceDocument, { input: { platform: 'alias', scope: 'MARKET_DATA', credentials: { accessToken: ALIAS_TOKENS.good } } }, seller.token);
    expect(connected.body.data!.connectMarketplace.errors).toEqual([]);
    // Both COLD and synced moments ago: the daily pass would skip them both.
    await query(t, `update product set popularity = 40, last_synced_at = clock_timestamp() where id = any(?::uuid[])`, [`{${viewed.uuid},${ignored.uuid}}`]);

    for (let i = 0; i < 2; i++) await t.request(ProductPopularityDocument, { id: viewed.id });
    await t.app.productViews!.flush();
    expect((await t.request(ProductPopularityDocument, { id: viewed.id })).body.data!.product).toMatchObject({ popularity: 50, tier: 'HOT' });
    expect((await t.request(ProductPopularityDocument, { id: ignored.id })).body.data!.product).toMatchObject({ popularity: 40, tier: 'COLD' });

    // What the six-hourly cron sends.
    await t.app.jobs.send('market.sync', {});
    let run: { status: string; fetched_count: number } | undefined;
    await waitFor(
      'the scheduled market run',
      async () => {
        [run] = await query<{ status: string; fetched_count: number }>(t, `select status, fetched_count from sync_run where kind = 'MARKET_DATA' and trigger = 'SCHEDULE'`);
        return !!run && ['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(run.status);
      },
      30_000,
    );
    expect(run).toEqual({ status: 'SUCCEEDED', fetched_count: 2 });
    const priced = await query<{ product_id: string; size_key: string }>(
      t,
      `select mp.product_id, v.size_key from market_price mp join variant v on v.id = mp.variant_id join platform p on p.id = mp.platform_id
       where p.slug = 'alias' order by v.size_key`,
    );
    expect(priced).toEqual([
      { product_id: viewed.uuid, size_key: '10.5' },
      { product_id: viewed.uuid, size_key: '11' },
    ]);
  });
});

describeWithRedis('waitMs across processes: a gateway and a separate worker sharing Redis', (redisUrl) => {
  let gateway: TestApp;
  let worker: TestApp;

  beforeAll(async () => {
    // With Redis, the anonymous rate limit is one bucket per IP shared by every process on this Redis (other test files,
    // benchmarks): a budget nobody else can exhaust keeps this test about freshness.
    const simulator = {
      SIMULATOR_ENABLED: 'true',
      SIMULATOR_INTERVAL_SECONDS: '86400',
      JOB_POLL_INTERVAL_SECONDS: '0.5',
      REDIS_URL: redisUrl,
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000000',
      ...MANUAL_FLUSH,
    };
    gateway = await startTestApp({ ...simulator, ROLE: 'gateway' });
    worker = await startTestApp({ ...simulator, ROLE: 'worker' }, { databaseUrl: gateway.app.config.database.url });
  });
  afterAll(async () => {
    await worker?.stop();
    await gateway?.stop();
  });

  it("is woken by the worker's event through Redis and answers fresh, in a constant number of gateway statements", async () => {
    const admin = (await gateway.createAccount({ admin: true })).token;
    const [product] = await createProducts(gateway, admin, [['10']]);
    gateway.sql.reset();
    const res = await gateway.request(VariantMarketFreshDocument, { id: product.variants[0].id, maxAgeSeconds: 0, waitMs: 5000 });
    const statements = [...gateway.sql.statements];
    console.log(`waiting Variant.market (gateway side): ${statements.length} SQL statements\n${statements.map((s, i) => `  ${i + 1}. ${s.replace(/\s+/g, ' ').slice(0, 120)}`).join('\n')}`);
    expect(res.body.errors).toBeUndefined();
    const quotes = (res.body.data!.node as { market: Quote[] }).market;
    expect(quotes.length).toBe(4);
    expect(quotes.every((q) => q.source === 'SIMULATED' && !q.stale)).toBe(true);
    // Variant by id, its latest prices, ONE re-read after the event, the platforms of the quotes.
    expect(statements).toHaveLength(4);
    expect(priceReads(gateway, 'variant')).toHaveLength(2);
  });
});
