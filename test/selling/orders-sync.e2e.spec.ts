import { randomUUID } from 'node:crypto';
import { uuidOf } from '../../src/common/node';
import { createOrderSink, openOrderStreams } from '../../src/domains/selling';
import { UnifiedOrderStatus, type NormalizedOrder, type SyncTarget } from '../../src/domains/sync';
import { LinkExternalRefDocument, OrdersDocument, type OrdersQuery } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { addItem, cents, collect, marketFixture, recordSale, sql, waitFor, type MarketFixture } from './orders-support';

let t: TestApp;
let fx: MarketFixture;
let seller: { token: string; accountId: string };
let target: SyncTarget;
let size9: { id: string; uuid: string };
let size10: { id: string; uuid: string };

const day = new Date(Date.now() - 3 * 86_400_000);

function order(number: string, overrides: Partial<NormalizedOrder> = {}): NormalizedOrder {
  return {
    platform: 'stockx',
    externalOrderNumber: number,
    rawStatus: 'AUTHENTICATING',
    unifiedStatus: UnifiedOrderStatus.AUTHENTICATING,
    currency: 'USD',
    salePrice: '250.00',
    sellerFee: null,
    processingFee: null,
    shippingCost: null,
    netProceeds: null,
    orderedAt: day,
    updatedAt: new Date(day.getTime() + 3_600_000),
    items: [{ externalItemId: `${number}-1`, title: 'Jordan 1', sku: null, quantity: 1, unitPrice: '250.00', externalVariantId: 'sx-var-10' }],
    raw: {},
    ...overrides,
  };
}

/** Writes one page the way the sync engine does: inside the page's transaction, through the registered sink contract. */
async function writePage(orders: NormalizedOrder[], options: { failAfterWrite?: boolean } = {}) {
  const sink = createOrderSink(t.app.pubsub);
  return t.app.orm.em.fork().transactional(async (tx) => {
    const result = await sink.writeOrders(tx, target, orders, t.app.log);
    if (options.failAfterWrite) throw new Error('the page failed after the sink wrote');
    return result;
  });
}

type OrderNode = OrdersQuery['orders']['edges'][number]['node'];
async function ordersByNumber(): Promise<Map<string, OrderNode>> {
  const res = await t.request(OrdersDocument, { first: 100 }, seller.token);
  return new Map(res.body.data!.orders.edges.map((e) => [e.node.externalOrderNumber, e.node]));
}

beforeAll(async () => {
  t = await startTestApp();
  fx = await marketFixture(t, [['9', '10']]);
  [size9, size10] = fx.products[0].variants;
  seller = await t.createAccount();
  for (const input of [
    { platform: 'stockx', variantId: size10.id, externalId: 'sx-var-10' },
    { platform: 'stockx', productId: fx.products[0].id, externalId: 'sx-product' },
  ]) {
    const link = await t.request(LinkExternalRefDocument, { input }, fx.admin);
    expect(link.body.data!.linkExternalRef.errors).toEqual([]);
  }
  const connectionId = randomUUID();
  await sql(t, `insert into marketplace_connection (id, account_id, platform_id, scope, status, credentials) values (?, ?, ?, 'SELLER_ACCOUNT', 'CONNECTED', 'v1.test')`, [
    connectionId, seller.accountId, fx.platforms.stockx.uuid,
  ]);
  target = { connectionId, accountId: seller.accountId, platformId: fx.platforms.stockx.uuid, platform: 'stockx' };
});
afterAll(() => t?.stop());

describe('the order sink (sync → orders)', () => {
  it('upserts a page: fees from the schedule, lines matched by ExternalRef and by normalized SKU, unknown statuses kept raw, malformed orders skipped', async () => {
    const streamsBefore = openOrderStreams();
    const events = collect<{ orderChanged: { externalOrderNumber: string; status: string | null } }>(t.wsClient(seller.token), 'subscription { orderChanged { externalOrderNumber status } }');
    await waitFor('1 orderChanged stream(s)', () => openOrderStreams() >= streamsBefore + 1);
    const page = [
      order('SX-9001'),
      order('SX-9002', {
        rawStatus: 'AWAITING_SOMETHING_NEW',
        unifiedStatus: null,
        salePrice: null,
        items: [
          { externalItemId: 'a', title: 'Jordan 1 size 9', sku: fx.products[0].sku.toLowerCase().replace(/(\w{3})/, '$1-'), sizeKey: '9', quantity: 1, unitPrice: '120.00' },
          { externalItemId: 'b', title: 'Jordan 1 size 10', sku: null, externalProductId: 'sx-product', sizeKey: '10', quantity: 2, unitPrice: '110.00' },
          { externalItemId: 'c', title: 'Something else', sku: 'UNKNOWN-SKU', sizeKey: '9', quantity: 1, unitPrice: '10.00' },
        ],
      }),
      order('SX-BAD', { currency: 'US' }),
    ];
    expect(await writePage(page)).toEqual({ written: 2, failed: 1 });

    const stored = await ordersByNumber();
    const a = stored.get('SX-9001')!;
    // StockX on 250.00: 9 % = 22.50, 3 % = 7.50 → payout 220.00; no cost basis known, so no profit.
    expect({ fee: cents(a.sellerFee), processing: cents(a.processingFee), net: cents(a.netProceeds), baseNet: cents(a.baseNet?.amount) }).toEqual({ fee: '22.50', processing: '7.50', net: '220.00', baseNet: '220.00' });
    expect(a).toMatchObject({ source: 'SYNC', status: 'AUTHENTICATING', rawStatus: 'AUTHENTICATING', netProfit: null, items: [{ variant: { sizeKey: '10' } }] });
    const b = stored.get('SX-9002')!;
    // Only line prices reported: the sale price is 120 + 2 × 110 + 10 = 350.00 (StockX fees 31.50 + 10.50).
    expect({ status: b.status, raw: b.rawStatus, sale: cents(b.salePrice), net: cents(b.netProceeds), quantity: b.quantity }).toEqual({
      status: null, raw: 'AWAITING_SOMETHING_NEW', sale: '350.00', net: '308.00', quantity: 4,
    });
    expect(b.items.map((i) => [i.externalItemId, i.variant?.sizeKey ?? null])).toEqual([['a', '9'], ['b', '10'], ['c', null]]);
    expect(stored.has('SX-BAD')).toBe(false);
    const received = await events.until(2);
    expect(received.map((e) => e.orderChanged.externalOrderNumber).sort()).toEqual(['SX-9001', 'SX-9002']);

    // A replayed page is a no-op: nothing written, nothing published.
    expect(await writePage(page)).toEqual({ written: 0, failed: 1 });
    expect((await sql<{ n: number }>(t, 'select count(*)::int as n from sales_order_item'))[0].n).toBe(4);

    // A page whose transaction rolls back publishes nothing either; the next real change is the next event.
    await expect(writePage([order('SX-9001', { rawStatus: 'SHIPPED', unifiedStatus: UnifiedOrderStatus.SHIPPED })], { failAfterWrite: true })).rejects.toThrow('the page failed');
    expect((await ordersByNumber()).get('SX-9001')!.status).toBe('AUTHENTICATING');
    expect(await writePage([order('SX-9001', { rawStatus: 'COMPLETED', unifiedStatus: UnifiedOrderStatus.COMPLETED })])).toEqual({ written: 1, failed: 0 });
    const next = await events.until(3);
    expect(next[2].orderChanged).toEqual({ externalOrderNumber: 'SX-9001', status: 'COMPLETED' });
    events.dispose();
  });

  it('moves statuses forward only: a late page reporting an earlier status keeps the later one', async () => {
    expect(await writePage([order('SX-9001', { rawStatus: 'AUTHENTICATED', unifiedStatus: UnifiedOrderStatus.AUTHENTICATED })])).toEqual({ written: 1, failed: 0 });
    const a = (await ordersByNumber()).get('SX-9001')!;
    expect(a).toMatchObject({ status: 'COMPLETED', rawStatus: 'AUTHENTICATED' });
    expect(a.completedAt).toBe(new Date(day.getTime() + 3_600_000).toISOString());
  });

  it('merges into a manually recorded order: the seller\'s cost basis and item stay, the platform\'s fees and status win', async () => {
    const item = await addItem(t, seller.token, size9.id, '120.00');
    const manual = await recordSale(t, seller.token, { platform: 'stockx', inventoryItemId: item, externalOrderNumber: 'SX-9003', salePrice: '200.00', status: 'CONFIRMED' });
    expect(cents(manual.netProfit)).toBe('56.00');
    const page = [order('SX-9003', { rawStatus: 'DELIVERED', unifiedStatus: UnifiedOrderStatus.DELIVERED, salePrice: '200.00', sellerFee: '16.00', processingFee: '6.00', netProceeds: '177.00', items: [] })];
    expect(await writePage(page)).toEqual({ written: 1, failed: 0 });
    const merged = (await ordersByNumber()).get('SX-9003')!;
    // Reported: fee 16.00, processing 6.00, payout 177.00 → the platform withheld 1.00 more (fixed fee); profit 177 − 120 = 57.00.
    expect({ fee: cents(merged.sellerFee), fixed: cents(merged.fixedFee), net: cents(merged.netProceeds), cost: cents(merged.costBasis), profit: cents(merged.netProfit), baseProfit: cents(merged.baseProfit?.amount) }).toEqual({
      fee: '16.00', fixed: '1.00', net: '177.00', cost: '120.00', profit: '57.00', baseProfit: '57.00',
    });
    expect(merged).toMatchObject({ id: manual.id, source: 'MANUAL', status: 'DELIVERED', inventoryItem: { id: item } });
    expect(uuidOf(merged.id, 'Order')).not.toBeNull();
  });

  it('keeps orders of other accounts apart: the same order number elsewhere is another order', async () => {
    const other = await t.createAccount();
    const otherTarget = { ...target, accountId: other.accountId };
    const sink = createOrderSink(t.app.pubsub);
    const result = await t.app.orm.em.fork().transactional((tx) => sink.writeOrders(tx, otherTarget, [order('SX-9001')], t.app.log));
    expect(result).toEqual({ written: 1, failed: 0 });
    const mine = (await ordersByNumber()).get('SX-9001')!;
    expect(mine.status).toBe('COMPLETED');
    const theirs = await t.request(OrdersDocument, { first: 10 }, other.token);
    expect(theirs.body.data!.orders.edges.map((e) => [e.node.externalOrderNumber, e.node.status])).toEqual([['SX-9001', 'AUTHENTICATING']]);
  });
});
