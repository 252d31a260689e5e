import { ingestMarketSnapshots, type SnapshotRow } from '../../src/domains/market';
import { ProductPageDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { createProducts, platformIds, type TestProduct } from './market-support';

const SIZES = Array.from({ length: 20 }, (_, i) => String(4 + i / 2));
const PLATFORMS = ['stockx', 'alias', 'goat', 'ebay'];
const HOUR = 3_600_000;

let t: TestApp;
let products: TestProduct[];
/** The frozen "now" of this file: the newest snapshot is exactly 6 h old, inside the default 21,600 s max age. */
let now: number;

beforeAll(async () => {
  // product(id) counts a view; the recorder's periodic flush (one UPDATE every few seconds, whatever the traffic) must
  // not land inside a measured request, so views are written only at shutdown here.
  t = await startTestApp({ PRODUCT_VIEW_FLUSH_SECONDS: '0' });
  const admin = (await t.createAccount({ admin: true })).token;
  products = await createProducts(t, admin, [SIZES, SIZES.slice(0, 5)]);
  const platforms = await platformIds(t);
  now = t.clock.freeze().getTime();
  const rows: SnapshotRow[] = [];
  for (const product of products) {
    for (const [v, variant] of product.variants.entries()) {
      for (const [p, slug] of PLATFORMS.entries()) {
        for (let hoursAgo = 8 * 24; hoursAgo >= 1; hoursAgo -= 6) {
          const ask = 200 + v * 5 + p * 3 + (hoursAgo % 24);
          rows.push({
            variantId: variant.uuid,
            platformId: platforms[slug].uuid,
            lowestAsk: ask.toFixed(2),
            highestBid: (ask - 20).toFixed(2),
            lastSale: (ask - 10).toFixed(2),
            sales7d: 7,
            sales30d: 30,
            volatility: '0.1',
            currency: 'USD',
            capturedAt: new Date(now - hoursAgo * HOUR),
            source: 'SIMULATED',
          });
        }
      }
    }
  }
  const result = await ingestMarketSnapshots(t.app.orm.em.fork(), t.app.pubsub, rows);
  expect(result.rowErrors).toEqual([]);
  expect(result.written).toBe(rows.length);
});
afterAll(() => t?.stop());

it('serves the product page (20 sizes × 4 platforms, latest prices and 7-day daily history) in at most 4 SQL statements', async () => {
  const from = new Date(now - 7 * 24 * HOUR).toISOString();
  await t.request(ProductPageDocument, { id: products[1].id, from });

  const { body, count, statements } = await t.statementsOf(ProductPageDocument, { id: products[0].id, from });
  const res = { body };
  console.log(`product page: ${count} SQL statements\n${statements.map((s, i) => `  ${i + 1}. ${s.replace(/\s+/g, ' ').slice(0, 140)}`).join('\n')}`);

  expect(res.body.errors).toBeUndefined();
  const variants = res.body.data!.product!.variants;
  expect(variants).toHaveLength(20);
  for (const variant of variants) {
    expect(variant.market).toHaveLength(4);
    expect(variant.market.every((q) => q.lowestAsk && q.highestBid && q.stale === false)).toBe(true);
    // Four platforms × 7 or 8 UTC days touched by the last 7 × 24 hours.
    expect(variant.priceHistory.length).toBeGreaterThanOrEqual(28);
    expect(variant.priceHistory.length).toBeLessThanOrEqual(32);
    expect(variant.priceHistory.every((b) => b.open !== null && b.close !== null)).toBe(true);
  }
  expect(count).toBeLessThanOrEqual(4);
});

it('does not grow with the number of sizes: 5 sizes cost the same statements as 20', async () => {
  const from = new Date(now - 7 * 24 * HOUR).toISOString();
  const twenty = await t.statementsOf(ProductPageDocument, { id: products[0].id, from });
  const five = await t.statementsOf(ProductPageDocument, { id: products[1].id, from });
  expect(twenty.body.data!.product!.variants).toHaveLength(20);
  expect(five.body.data!.product!.variants).toHaveLength(5);
  expect(five.count).toBe(twenty.count);
});
