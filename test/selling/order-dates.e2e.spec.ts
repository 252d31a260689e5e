import { uuidOf } from '../../src/common/node';
import { RecordOrderDocument, StrategyPerformanceDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { addItem, codes, listItem, marketFixture, recordSale, sql, tableContents, type MarketFixture } from './orders-support';

let t: TestApp;
let fx: MarketFixture;
let seller: string;
let size: { id: string; uuid: string };
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp();
  fx = await marketFixture(t, [['10']]);
  [size] = fx.products[0].variants;
  seller = (await t.createAccount()).token;
});
afterAll(() => t?.stop());

describe('recordOrder dates', () => {
  it('refuses an order dated before its listing existed, and writes nothing', async () => {
    const item = await addItem(t, seller, size.id, '100.00', { purchasedAt: new Date(Date.now() - 365 * DAY).toISOString() });
    const listing = (await listItem(t, seller, { inventoryItemId: item, platform: 'stockx', price: '200.00' })).listing!;
    const before = await tableContents(t, ['sales_order', 'inventory_item', 'listing']);

    const res = await t.request(RecordOrderDocument, { input: { listingId: listing.id, salePrice: '190.00', orderedAt: new Date(Date.now() - 90 * DAY).toISOString() } }, seller);

    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.recordOrder.order).toBeNull();
    expect(codes(res.body.data!.recordOrder.errors)).toEqual(['OUT_OF_RANGE@orderedAt']);
    expect(await tableContents(t, ['sales_order', 'inventory_item', 'listing'])).toBe(before);
  });

  it('refuses an order of an item dated before the item was bought; a later date is fine', async () => {
    const bought = new Date(Date.now() - 30 * DAY);
    const item = await addItem(t, seller, size.id, '100.00', { purchasedAt: bought.toISOString() });

    const early = await t.request(RecordOrderDocument, { input: { platform: 'ebay', inventoryItemId: item, salePrice: '150.00', orderedAt: new Date(bought.getTime() - 60 * DAY).toISOString() } }, seller);
    expect(codes(early.body.data!.recordOrder.errors)).toEqual(['OUT_OF_RANGE@orderedAt']);

    const order = await recordSale(t, seller, { platform: 'ebay', inventoryItemId: item, salePrice: '150.00', orderedAt: new Date(bought.getTime() + DAY).toISOString() });
    expect(order.inventoryItem).toMatchObject({ quantitySold: 1 });
  });
});

describe('strategyPerformance days to sale', () => {
  it('counts a legacy order dated before its listing as 0 days, never negative', async () => {
    const token = (await t.createAccount()).token;
    const normal = await addItem(t, token, size.id, '100.00', { purchasedAt: new Date(Date.now() - 365 * DAY).toISOString() });
    const legacy = await addItem(t, token, size.id, '100.00', { purchasedAt: new Date(Date.now() - 365 * DAY).toISOString() });
    const sold = (await listItem(t, token, { inventoryItemId: normal, platform: 'stockx', price: '200.00' })).listing!;
    const old = (await listItem(t, token, { inventoryItemId: legacy, platform: 'stockx', price: '200.00' })).listing!;
    await recordSale(t, token, { listingId: sold.id, salePrice: '200.00' });
    const legacyOrder = await recordSale(t, token, { listingId: old.id, salePrice: '200.00' });
    // One listing went up 20 days before it sold; the legacy order claims a sale 90 days before its listing existed.
    await sql(t, "update listing set created_at = created_at - interval '20 days', listed_at = listed_at - interval '20 days' where id = ?", [uuidOf(sold.id, 'Listing')]);
    await sql(t, "update sales_order set ordered_at = ordered_at - interval '90 days' where id = ?", [uuidOf(legacyOrder.id, 'Order')]);

    const res = await t.request(StrategyPerformanceDocument, {}, token);

    expect(res.body.errors).toBeUndefined();
    const [fixed] = res.body.data!.strategyPerformance;
    expect(fixed).toMatchObject({ strategy: 'FIXED', listings: 2, sales: 2 });
    // (20 + 0) / 2; unclamped it would be (20 − 90) / 2 = −35.
    expect(Number(fixed.averageDaysToSale)).toBeCloseTo(10, 1);
  });
});
