import { ingestMarketSnapshots, type SnapshotRow } from '../../src/domains/market';
import { MarketMoversDocument, PlatformComparisonDocument, ProductMarketDocument, VariantBestPlatformDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { createProducts, platformIds, type TestProduct } from './market-support';

const HOUR = 3_600_000;
let t: TestApp;
let product: TestProduct;
let platforms: Record<string, { uuid: string }>;

async function ingest(rows: Array<Partial<SnapshotRow> & { v: number; platform: string; hoursAgo: number }>) {
  const result = await ingestMarketSnapshots(
    t.app.orm.em.fork(),
    t.app.pubsub,
    rows.map(({ v, platform, hoursAgo, ...rest }) => ({
      variantId: product.variants[v].uuid,
      platformId: platforms[platform].uuid,
      currency: 'USD',
      capturedAt: new Date(Date.now() - hoursAgo * HOUR),
      source: 'API' as const,
      ...rest,
    })),
  );
  expect(result.rowErrors).toEqual([]);
}

beforeAll(async () => {
  t = await startTestApp();
  const admin = (await t.createAccount({ admin: true })).token;
  [product] = await createProducts(t, admin, [['8', '9', '10', '11']]);
  platforms = await platformIds(t);
  await ingest([
    { v: 0, platform: 'stockx', hoursAgo: 20, lowestAsk: '100.00' },
    { v: 0, platform: 'stockx', hoursAgo: 1, lowestAsk: '150.00', highestBid: '140.00', sales30d: 30, volatility: '0.1' },
    { v: 1, platform: 'stockx', hoursAgo: 20, lowestAsk: '200.00' },
    { v: 1, platform: 'stockx', hoursAgo: 1, lowestAsk: '180.00', highestBid: '170.00', sales30d: 60, volatility: '0.2' },
    { v: 2, platform: 'goat', hoursAgo: 20, lowestAsk: '300.00' },
    { v: 2, platform: 'goat', hoursAgo: 0.2, lowestAsk: '303.00', highestBid: '170.00' },
    { v: 2, platform: 'stockx', hoursAgo: 2, lowestAsk: '215.00', highestBid: '185.00' },
    { v: 3, platform: 'stockx', hoursAgo: 30, lowestAsk: '100.00' },
    { v: 3, platform: 'stockx', hoursAgo: 1, lowestAsk: '500.00', sales30d: 90, volatility: '0.3' },
  ]);
});
afterAll(() => t?.stop());

it('Product.market returns every size at once, in size order', async () => {
  const res = await t.request(ProductMarketDocument, { id: product.id });
  expect(res.body.data!.product!.market.map((q) => `${q.variant.sizeKey}/${q.platform.slug}=${q.lowestAsk!.amount}`)).toEqual([
    '8/stockx=150',
    '9/stockx=180',
    '10/goat=303',
    '10/stockx=215',
    '11/stockx=500',
  ]);
});

it('bestPlatform compares net payouts after each platform’s fees', async () => {
  const size10 = product.variants[2].id;
  // Lowest ask: StockX 215 − 19.35 − 6.45 = 189.20; GOAT 303 − 28.78 (28.785, half-even) − 8.79 (8.787) − 5.00 = 260.43.
  const byAsk = await t.request(VariantBestPlatformDocument, { id: size10 });
  expect((byAsk.body.data!.node as { bestPlatform: unknown }).bestPlatform).toEqual({
    platform: { slug: 'goat' },
    basis: 'LOWEST_ASK',
    price: { amount: '303', currency: 'USD' },
    sellerFee: { amount: '28.78' },
    processingFee: { amount: '8.79' },
    fixedFee: { amount: '5' },
    totalFees: { amount: '42.57' },
    net: { amount: '260.43', currency: 'USD' },
  });
  // Highest bid: StockX 185 − 16.65 − 5.55 = 162.80; GOAT 170 − 16.15 − 4.93 − 5.00 = 143.92.
  const byBid = await t.request(VariantBestPlatformDocument, { id: size10, basis: 'HIGHEST_BID' });
  expect((byBid.body.data!.node as { bestPlatform: { platform: { slug: string }; net: { amount: string } } }).bestPlatform).toMatchObject({ platform: { slug: 'stockx' }, net: { amount: '162.8' } });
  const inEuro = await t.request(VariantBestPlatformDocument, { id: size10, currency: 'EUR' });
  expect((inEuro.body.data!.node as { bestPlatform: unknown }).bestPlatform).toBeNull();
});

it('platformComparison averages asks, effective fee rates, sales and volatility per platform', async () => {
  const res = await t.request(PlatformComparisonDocument, { days: 7 });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data!.platformComparison).toEqual([
    // GOAT 303: (28.785 + 8.787 + 5) / 303 = 0.1405
    { platform: { slug: 'goat' }, currency: 'USD', quotes: 1, listings: 1, averageAsk: { amount: '303', currency: 'USD' }, averageFeeRate: '0.1405', averageSalesPerDay: null, averageVolatility: null },
    // StockX: asks 150, 180, 215, 500 → 261.25; 9 % + 3 % everywhere (no minimum fee hit) → 0.12; sales (30 + 60 + 90) / 3 / 30 = 2; volatility 0.2
    { platform: { slug: 'stockx' }, currency: 'USD', quotes: 4, listings: 4, averageAsk: { amount: '261.25', currency: 'USD' }, averageFeeRate: '0.12', averageSalesPerDay: '2', averageVolatility: '0.2' },
  ]);
});

it('marketMovers ranks the largest lowest-ask moves of the period, up or down', async () => {
  const res = await t.request(MarketMoversDocument, { period: 'DAY', first: 3 });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data!.marketMovers.map((m) => `${m.variant.sizeKey}/${m.platform.slug} ${m.from.amount}→${m.to.amount} ${m.changePercent}`)).toEqual([
    '8/stockx 100→150 50',
    '9/stockx 200→180 -10',
    '10/goat 300→303 1',
  ]);
  const onGoat = await t.request(MarketMoversDocument, { period: 'WEEK', platform: 'goat' });
  expect(onGoat.body.data!.marketMovers).toHaveLength(1);
  const bad = await t.request(MarketMoversDocument, { first: 500 });
  expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});
