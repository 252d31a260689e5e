import { toGlobalId, uuidOf } from '../../src/common/node';
import {
  ListingNodeDocument,
  OrderNodeDocument,
  OrdersDocument,
  RecordOrderDocument,
  UpdateOrderStatusDocument,
  type RecordOrderInput,
} from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { addItem, cents, codes, listItem, marketFixture, orderMoney, ratio, recordSale, sql, type MarketFixture } from './orders-support';

let t: TestApp;
let fx: MarketFixture;
let seller: string;
let other: string;
let size9: { id: string; uuid: string };
let size10: { id: string; uuid: string };
let size105: { id: string; uuid: string };

const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await startTestApp();
  fx = await marketFixture(t, [['9', '10', '10.5']]);
  [size9, size10, size105] = fx.products[0].variants;
  seller = (await t.createAccount()).token;
  other = (await t.createAccount()).token;
});
afterAll(() => t?.stop());

const orderCount = async () => (await sql<{ n: number }>(t, 'select count(*)::int as n from sales_order'))[0].n;

describe('recordOrder', () => {
  it('a listing that sold: StockX fees, payout and profit to the cent; the listing is SOLD and the item\'s other listing comes down', async () => {
    const item = await addItem(t, seller, size10.id, '120.00');
    const onStockx = await listItem(t, seller, { inventoryItemId: item, platform: 'stockx', price: '210.00' });
    const onEbay = await listItem(t, seller, { inventoryItemId: item, platform: 'ebay', price: '215.00' });

    const order = await recordSale(t, seller, { listingId: onStockx.listing!.id, salePrice: '200.00', externalOrderNumber: 'SX-1001' });

    // StockX 9 % of 200 = 18.00, 3 % processing = 6.00, no fixed fee; payout 176.00; cost 120.00 → profit 56.00,
    // margin 56 / 200 = 0.2800, ROI 56 / 120 = 0.46666… → 0.4667. USD account: base amounts equal, rate 1.
    expect(orderMoney(order)).toEqual({
      salePrice: '200.00', sellerFee: '18.00', processingFee: '6.00', fixedFee: '0.00', shippingCost: '0.00', netProceeds: '176.00',
      costBasis: '120.00', grossProfit: '80.00', netProfit: '56.00', margin: '0.2800', roi: '0.4667',
      baseSale: '200.00', baseFees: '24.00', baseNet: '176.00', baseCost: '120.00', baseProfit: '56.00',
    });
    expect(order).toMatchObject({
      externalOrderNumber: 'SX-1001', source: 'MANUAL', status: 'COMPLETED', currency: 'USD', baseCurrency: 'USD', fxDate: null, quantity: 1,
      platform: { slug: 'stockx' }, listing: { id: onStockx.listing!.id, status: 'SOLD' }, inventoryItem: { id: item, status: 'SOLD', quantitySold: 1 },
      items: [{ externalItemId: '1', quantity: 1, variant: { id: size10.id, sizeKey: '10' } }],
    });
    expect(cents(order.items[0].unitPrice)).toBe('200.00');
    expect(cents(order.fxRate)).toBe('1.00');
    expect(order.completedAt).not.toBeNull();
    const ebay = await t.request(ListingNodeDocument, { id: onEbay.listing!.id }, seller);
    expect(ebay.body.data!.node).toMatchObject({ status: 'INACTIVE' });
  });

  it('an item sold without a listing, two of three units on eBay with shipping: 13.25 % + $0.30', async () => {
    const item = await addItem(t, seller, size9.id, '90.00', { quantity: 3 });
    const order = await recordSale(t, seller, { platform: 'ebay', inventoryItemId: item, quantity: 2, salePrice: '300.00', shippingCost: '12.50' });
    // 13.25 % of 300 = 39.75; fixed 0.30; shipping 12.50 → payout 247.45; cost 2 × 90 = 180.00 → profit 67.45;
    // margin 67.45 / 300 = 0.22483… → 0.2248; ROI 67.45 / 180 = 0.37472… → 0.3747.
    expect(orderMoney(order)).toMatchObject({
      sellerFee: '39.75', processingFee: '0.00', fixedFee: '0.30', shippingCost: '12.50', netProceeds: '247.45',
      costBasis: '180.00', grossProfit: '120.00', netProfit: '67.45', margin: '0.2248', roi: '0.3747', baseFees: '40.05', baseNet: '247.45',
    });
    expect(order.inventoryItem).toMatchObject({ quantitySold: 2, status: 'IN_STOCK' });
    expect(cents(order.items[0].unitPrice)).toBe('150.00');
    expect(order.externalOrderNumber).toMatch(/^MANUAL-\d{8}-[0-9A-F]{8}$/);
  });

  it('a size sold elsewhere with the actual fee and a given cost basis, recorded PENDING', async () => {
    const order = await recordSale(t, seller, { platform: 'manual', variantId: size105.id, salePrice: '180.00', costBasis: '100.00', sellerFee: '10.00', status: 'PENDING', title: 'Local pickup' });
    // The given fee replaces the (zero) schedule: payout 170.00; profit 70.00; margin 70 / 180 = 0.38888… → 0.3889; ROI 0.7000.
    expect(orderMoney(order)).toMatchObject({ sellerFee: '10.00', processingFee: '0.00', fixedFee: '0.00', netProceeds: '170.00', netProfit: '70.00', margin: '0.3889', roi: '0.7000' });
    expect(order).toMatchObject({ status: 'PENDING', completedAt: null, shippedAt: null, inventoryItem: null, listing: null, items: [{ title: 'Local pickup', variant: { sizeKey: '10.5' } }] });
  });

  it('a EUR sale for a USD account converts every line with the FxRate of the order date', async () => {
    const day = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    // The rates provider's word for that day: 1 USD = 0.92 EUR.
    await sql(t, `update fx_rate set rate = 0.92 where base = 'USD' and quote = 'EUR' and date = ?`, [day]);
    const order = await recordSale(t, seller, { platform: 'alias', variantId: size9.id, salePrice: '100.00', currency: 'EUR', costBasis: '50.00', orderedAt: `${day}T12:00:00Z` });
    // EUR: Alias 9.5 % = 9.50, 2.9 % = 2.90, fixed 5.00 → payout 82.60; profit 32.60; margin 0.3260; ROI 0.6520.
    // USD, line by line ÷ 0.92: 108.695… → 108.70; 10.326… → 10.33; 3.152… → 3.15; 5.434… → 5.43 (fees 18.91);
    // payout 108.70 − 18.91 = 89.79; cost 50 ÷ 0.92 = 54.347… → 54.35; profit 35.44.
    expect(orderMoney(order)).toEqual({
      salePrice: '100.00', sellerFee: '9.50', processingFee: '2.90', fixedFee: '5.00', shippingCost: '0.00', netProceeds: '82.60',
      costBasis: '50.00', grossProfit: '50.00', netProfit: '32.60', margin: '0.3260', roi: '0.6520',
      baseSale: '108.70', baseFees: '18.91', baseNet: '89.79', baseCost: '54.35', baseProfit: '35.44',
    });
    expect(order).toMatchObject({ currency: 'EUR', baseCurrency: 'USD', fxDate: day, fxRate: '1.08695652' });
  });

  it('answers every bad input with a UserError on its field and writes nothing', async () => {
    const item = await addItem(t, seller, size9.id, '50.00');
    const listed = await listItem(t, seller, { inventoryItemId: item, platform: 'alias', price: '99.00' });
    const sold = await addItem(t, seller, size9.id, '50.00');
    const soldListing = await listItem(t, seller, { inventoryItemId: sold, platform: 'stockx', price: '99.00' });
    await recordSale(t, seller, { listingId: soldListing.listing!.id, salePrice: '99.00', externalOrderNumber: 'DUP-1' });
    const othersItem = await addItem(t, other, size9.id, '10.00');
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const base: RecordOrderInput = { platform: 'ebay', variantId: size9.id, salePrice: '10.00' };
    const cases: Array<[RecordOrderInput, string[]]> = [
      [{ salePrice: '10.00', variantId: size9.id }, ['REQUIRED@platform']],
      [{ ...base, platform: 'nowhere' }, ['NOT_FOUND@platform']],
      [{ ...base, listingId: 'not-an-id' }, ['NOT_FOUND@listingId']],
      [{ ...base, listingId: toGlobalId('Listing', MISSING) }, ['NOT_FOUND@listingId']],
      [{ ...base, platform: null, listingId: soldListing.listing!.id }, ['CONFLICT@listingId']],
      [{ ...base, platform: 'stockx', listingId: listed.listing!.id, variantId: null }, ['INVALID@platform']],
      [{ ...base, inventoryItemId: othersItem, variantId: null }, ['NOT_FOUND@inventoryItemId']],
      [{ ...base, inventoryItemId: item, variantId: size10.id }, ['INVALID@variantId']],
      [{ ...base, inventoryItemId: item, variantId: null, quantity: 2 }, ['CONFLICT@quantity']],
      [{ ...base, variantId: toGlobalId('Variant', MISSING) }, ['NOT_FOUND@variantId']],
      [{ ...base, quantity: 0 }, ['OUT_OF_RANGE@quantity']],
      [{ ...base, salePrice: '-1.00' }, ['OUT_OF_RANGE@salePrice']],
      [{ ...base, salePrice: '10.001' }, ['INVALID@salePrice']],
      [{ ...base, shippingCost: '-2' }, ['OUT_OF_RANGE@shippingCost']],
      [{ ...base, costBasis: '1.234' }, ['INVALID@costBasis']],
      [{ ...base, sellerFee: '8.00', processingFee: '3.00' }, ['OUT_OF_RANGE@sellerFee']],
      [{ ...base, status: 'CANCELLED' }, ['INVALID@status']],
      [{ ...base, status: 'RETURNED' }, ['INVALID@status']],
      [{ ...base, orderedAt: future }, ['OUT_OF_RANGE@orderedAt']],
      [{ ...base, orderedAt: '1999-12-31T00:00:00Z' }, ['OUT_OF_RANGE@orderedAt']],
      [{ ...base, externalOrderNumber: '   ' }, ['INVALID@externalOrderNumber']],
      [{ ...base, externalOrderNumber: 'x'.repeat(101) }, ['INVALID@externalOrderNumber']],
      [{ ...base, platform: 'stockx', externalOrderNumber: 'DUP-1' }, ['DUPLICATE@externalOrderNumber']],
      [{ ...base, trackingNumber: '' }, ['INVALID@trackingNumber']],
      [{ ...base, currency: 'JPY', orderedAt: '2005-06-01T00:00:00Z' }, ['UNSUPPORTED@currency']],
      [{ ...base, quantity: 0, salePrice: '-1', status: 'CANCELLED' }, ['INVALID@status', 'OUT_OF_RANGE@quantity', 'OUT_OF_RANGE@salePrice']],
    ];
    const before = await orderCount();
    for (const [input, expected] of cases) {
      const res = await t.request(RecordOrderDocument, { input }, seller);
      expect(res.body.errors).toBeUndefined();
      expect({ input, errors: codes(res.body.data!.recordOrder.errors) }).toEqual({ input, errors: expected });
      expect(res.body.data!.recordOrder.order).toBeNull();
    }
    // Malformed scalars never reach the service: GraphQL rejects them as BAD_USER_INPUT.
    for (const input of [{ ...base, currency: 'XYZ' }, { ...base, salePrice: 'ten' }, { ...base, orderedAt: 'yesterday' }]) {
      const res = await t.request(RecordOrderDocument, { input }, seller);
      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await orderCount()).toBe(before);
    const itemAfter = await sql<{ quantity_sold: number }>(t, 'select quantity_sold from inventory_item where id = ?', [uuidOf(item, 'InventoryItem')]);
    expect(itemAfter[0].quantity_sold).toBe(0);
  });

  it('needs an authenticated key with the write scope', async () => {
    const res = await t.request(RecordOrderDocument, { input: { platform: 'ebay', salePrice: '1.00' } });
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('updateOrderStatus', () => {
  it('walks the unified lifecycle and refuses illegal steps with the lifecycle\'s reason', async () => {
    const order = await recordSale(t, seller, { platform: 'manual', variantId: size9.id, salePrice: '50.00', status: 'PENDING' });
    const step = async (status: string, trackingNumber?: string) => (await t.request(UpdateOrderStatusDocument, { input: { id: order.id, status: status as never, trackingNumber } }, seller)).body.data!.updateOrderStatus;

    const skip = await step('SHIPPED');
    expect(skip.order).toBeNull();
    expect(skip.errors).toEqual([{ code: 'CONFLICT', field: ['status'], message: 'Cannot change the status: a PENDING order can only move to CONFIRMED or CANCELLED, not SHIPPED.' }]);
    expect((await step('CONFIRMED')).order).toMatchObject({ status: 'CONFIRMED', shippedAt: null });
    const shipped = await step('SHIPPED', ' 1Z999AA10123456784 ');
    expect(shipped.order).toMatchObject({ status: 'SHIPPED', trackingNumber: '1Z999AA10123456784' });
    expect(shipped.order!.shippedAt).not.toBeNull();
    expect((await step('CANCELLED')).errors).toEqual([{ code: 'CONFLICT', field: ['status'], message: 'Cannot change the status: an order can only be cancelled before it ships; it is SHIPPED.' }]);
    expect((await step('DELIVERED')).order).toMatchObject({ status: 'DELIVERED', completedAt: null });
    const completed = await step('COMPLETED');
    expect(completed.order!.completedAt).not.toBeNull();
    expect((await step('COMPLETED')).errors[0].message).toBe('Cannot change the status: the order is already COMPLETED.');
    expect((await step('RETURNED')).order).toMatchObject({ status: 'RETURNED' });
    expect((await step('COMPLETED')).errors[0].message).toBe('Cannot change the status: a RETURNED order is final.');
  });

  it('answers bad inputs and other accounts\' orders as not found, changing nothing', async () => {
    const order = await recordSale(t, seller, { platform: 'manual', variantId: size9.id, salePrice: '50.00', status: 'CONFIRMED' });
    const cases: Array<[Record<string, unknown>, string, string[]]> = [
      [{ id: 'garbage', status: 'SHIPPED' }, seller, ['NOT_FOUND@id']],
      [{ id: toGlobalId('Order', MISSING), status: 'SHIPPED' }, seller, ['NOT_FOUND@id']],
      [{ id: toGlobalId('Listing', MISSING), status: 'SHIPPED' }, seller, ['NOT_FOUND@id']],
      [{ id: order.id, status: 'SHIPPED' }, other, ['NOT_FOUND@id']],
      [{ id: order.id, status: 'SHIPPED', trackingNumber: 'x'.repeat(101) }, seller, ['INVALID@trackingNumber']],
      [{ id: order.id, status: 'PENDING', trackingNumber: '' }, seller, ['CONFLICT@status', 'INVALID@trackingNumber']],
    ];
    for (const [input, token, expected] of cases) {
      const res = await t.request(UpdateOrderStatusDocument, { input: input as never }, token);
      expect({ input, errors: codes(res.body.data!.updateOrderStatus.errors) }).toEqual({ input, errors: expected });
    }
    const read = await t.request(OrderNodeDocument, { id: order.id }, seller);
    expect(read.body.data!.node).toMatchObject({ status: 'CONFIRMED' });
  });
});

describe('orders', () => {
  it('lists the viewer\'s orders newest first with filters and cursors; another account sees none of them', async () => {
    const all = await t.request(OrdersDocument, { first: 100 }, seller);
    expect(all.body.errors).toBeUndefined();
    const { totalCount, edges, stale } = all.body.data!.orders;
    expect(totalCount).toBe(edges.length);
    expect(totalCount).toBeGreaterThanOrEqual(7);
    expect(stale).toBe(false);
    const times = edges.map((e) => Date.parse(e.node.orderedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const first = await t.request(OrdersDocument, { first: 2 }, seller);
    const second = await t.request(OrdersDocument, { first: 2, after: first.body.data!.orders.pageInfo.endCursor }, seller);
    expect([...first.body.data!.orders.edges, ...second.body.data!.orders.edges].map((e) => e.node.id)).toEqual(edges.slice(0, 4).map((e) => e.node.id));

    const onStockx = await t.request(OrdersDocument, { first: 100, filter: { platforms: ['stockx'] } }, seller);
    expect(onStockx.body.data!.orders.edges.every((e) => e.node.platform.slug === 'stockx')).toBe(true);
    expect(onStockx.body.data!.orders.totalCount).toBe(edges.filter((e) => e.node.platform.slug === 'stockx').length);
    const pending = await t.request(OrdersDocument, { first: 100, filter: { statuses: ['PENDING'] } }, seller);
    expect(pending.body.data!.orders.edges.map((e) => e.node.status)).toEqual(edges.filter((e) => e.node.status === 'PENDING').map(() => 'PENDING'));
    const nowhere = await t.request(OrdersDocument, { first: 100, filter: { platforms: ['nowhere'] } }, seller);
    expect(nowhere.body.data!.orders.totalCount).toBe(0);
    const bad = await t.request(OrdersDocument, { first: 101 }, seller);
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const theirs = await t.request(OrdersDocument, { first: 100 }, other);
    expect(theirs.body.data!.orders).toMatchObject({ totalCount: 0, edges: [] });
    for (const { node } of edges.slice(0, 3)) {
      const asOther = await t.request(OrderNodeDocument, { id: node.id }, other);
      expect(asOther.body.data!.node).toBeNull();
      const asOwner = await t.request(OrderNodeDocument, { id: node.id }, seller);
      expect(asOwner.body.data!.node).toMatchObject({ id: node.id });
    }
    const anonymous = await t.request(OrdersDocument, { first: 1 });
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps ratios exact: the stored margin and ROI are the 4-place half-even ratios of the stored amounts', async () => {
    const rows = await sql<{ net_profit: string; sale_price: string; cost_basis: string; margin: string; roi: string }>(
      t,
      'select net_profit::text, sale_price::text, cost_basis::text, margin::text, roi::text from sales_order where net_profit is not null',
    );
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const [margin] = await sql<{ m: string; r: string }>(t, 'select round_half_even(?::numeric / ?::numeric, 4)::text as m, round_half_even(?::numeric / nullif(?::numeric, 0), 4)::text as r', [row.net_profit, row.sale_price, row.net_profit, row.cost_basis]);
      expect([ratio(row.margin), ratio(row.roi)]).toEqual([ratio(margin.m), ratio(margin.r)]);
    }
  });
});
