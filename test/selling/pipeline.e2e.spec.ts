import { toGlobalId, uuidOf } from '../../src/common/node';
import { simulateSnapshots, type SimulatedVariant } from '../../src/domains/sync/providers/simulated';
import {
  AddInventoryItemDocument,
  ArbitrageOpportunitiesDocument,
  CreateListingsFromOpportunitiesDocument,
  IngestMarketSnapshotsDocument,
  ListingNodeDocument,
  OrderNodeDocument,
  OrdersDocument,
  PlatformsDocument,
  ProfitAnalyticsDocument,
  RecordOrderDocument,
  RepricingOpportunitiesDocument,
  SalesSummaryDocument,
  TaxReportDocument,
  UpdateOrderStatusDocument,
  UpsertProductsDocument,
  type MarketSnapshotInput,
} from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { openOrderStreams } from '../../src/domains/selling';
import { cents, collect, orderMoney, ratio, runJob, waitFor } from './orders-support';

let t: TestApp;
let admin: string;
let alice: { token: string; accountId: string };
let bob: { token: string; accountId: string };
const start = Date.now();
const minutesAgo = (m: number) => new Date(start - m * 60_000).toISOString();

type Size = { id: string; sizeKey: string; numericSize: number | null; sizeSystem: string };
let size9: Size;
let size10: Size;
const ids: { opportunity?: string; item?: string; listing?: string; order?: string; orderedAt?: string } = {};

async function ingest(snapshots: MarketSnapshotInput[]) {
  const res = await t.request(IngestMarketSnapshotsDocument, { input: { snapshots } }, admin);
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data!.ingestMarketSnapshots.errors).toEqual([]);
  return res.body.data!.ingestMarketSnapshots;
}

async function listing() {
  const res = await t.request(ListingNodeDocument, { id: ids.listing! }, alice.token);
  return res.body.data!.node as { status: string; askPrice: { amount: string }; floorPrice: { amount: string } | null; pricingHistory: Array<{ reason: string; strategy: string | null; oldPrice: { amount: string }; newPrice: { amount: string } }> };
}

beforeAll(async () => {
  t = await startTestApp({ ROLE: 'all' });
  admin = (await t.createAccount({ admin: true })).token;
  alice = await t.createAccount();
  bob = await t.createAccount();
});
afterAll(() => t?.stop());

/**
 * The automation pipeline, one step per test, every amount computed by hand:
 *   simulated market (seed 42, tick 1000) → a seller dumps size 9 on eBay at 150.00 → the detection job finds
 *   eBay → StockX → the reseller buys it (inventory) → lists it on StockX from the opportunity with COMPETITIVE
 *   repricing and a 20.00 minimum margin → competitors undercut twice, the listing follows down to its floor →
 *   it sells → realized profit, analytics and the tax report (and the CSV), none of it visible to another account.
 */
describe('opportunity → inventory → listing → repricing → sale → profit and tax', () => {
  it('1. ingests the simulated market of a new product (seed 42, tick 1000) through the ingest mutation', async () => {
    const created = await t.request(UpsertProductsDocument, {
      input: { products: [{ sku: 'PIPELINE-1', brand: 'Jordan', model: 'Air Jordan 1', name: 'Pipeline Demo', category: 'SNEAKERS', popularity: 60, retailPrice: '180.00', variants: [{ sizeKey: '9' }, { sizeKey: '10' }] }] },
    }, admin);
    expect(created.body.data!.upsertProducts.errors).toEqual([]);
    const product = created.body.data!.upsertProducts.products[0];
    const read = await t.request<{ node: { variants: Size[] } }, { id: string }>('query($id: ID!) { node(id: $id) { ... on Product { variants { id sizeKey numericSize sizeSystem } } } }', { id: product.id });
    [size9, size10] = read.body.data!.node.variants;
    const platforms = (await t.request(PlatformsDocument, {})).body.data!.platforms.filter((p) => ['stockx', 'alias', 'goat', 'ebay'].includes(p.slug));
    const variants: SimulatedVariant[] = [size9, size10].map((v) => ({
      variantId: v.id, sizeKey: v.sizeKey, numericSize: v.numericSize, sizeSystem: v.sizeSystem,
      product: { key: 'PIPELINE1', category: 'SNEAKERS', popularity: 60, retailPrice: '180.00' },
    }));
    const rows = simulateSnapshots(variants, platforms.map((p) => ({ id: p.slug, slug: p.slug, currency: 'USD' })), { seed: 42, tick: 1000, capturedAt: new Date(minutesAgo(120)) });
    // The simulator is deterministic: these are its quotes, and every figure below is computed from them by hand.
    expect(rows.map((r) => [r.variantId === size9.id ? '9' : '10', r.platformId, r.lowestAsk, r.highestBid, r.lastSale, r.sales30d])).toEqual([
      ['9', 'alias', '217.00', '194.00', '205.00', 14], ['9', 'ebay', '221.93', '190.69', '205.00', 32], ['9', 'goat', '235.00', '210.00', '213.00', 35], ['9', 'stockx', '220.00', '204.00', '214.00', 57],
      ['10', 'alias', '229.00', '212.00', '218.00', 26], ['10', 'ebay', '235.10', '196.96', '218.24', 26], ['10', 'goat', '238.00', '215.00', '235.00', 35], ['10', 'stockx', '233.00', '216.00', '235.00', 62],
    ]);
    const result = await ingest(rows.map((r) => ({
      variantId: r.variantId, platform: r.platformId, lowestAsk: r.lowestAsk, highestBid: r.highestBid, lastSale: r.lastSale,
      sales7d: r.sales7d, sales30d: r.sales30d, volatility: r.volatility, currency: 'USD', capturedAt: r.capturedAt.toISOString(), source: 'SIMULATED',
    })));
    expect(result.written).toBe(8);

    // A balanced market: the best payout (StockX bid 204.00 − 18.36 − 6.12 = 179.52) is below the cheapest buy (Alias 217.00).
    expect(await runJob(t, 'selling.opportunities', {})).toMatchObject({ detected: 0, expired: 0 });
  });

  it('2. a seller dumps size 9 on eBay at 150.00: the job finds the arbitrage, fees on both sides', async () => {
    await ingest([{ variantId: size9.id, platform: 'ebay', lowestAsk: '150.00', highestBid: '140.00', lastSale: '205.00', sales30d: 32, currency: 'USD', capturedAt: minutesAgo(90), source: 'MANUAL' }]);
    // (The job's own schedule may have run first: then these three are refreshed rather than new.)
    const pass = await runJob(t, 'selling.opportunities', {});
    expect([Number(pass.detected) + Number(pass.refreshed), pass.expired]).toEqual([3, 0]);
    const page = (await t.request(ArbitrageOpportunitiesDocument, { first: 10 }, alice.token)).body.data!.arbitrageOpportunities;
    // Buy on eBay: 150.00, no buyer fee. Sell at the bids: StockX 204.00 − 18.36 − 6.12 = 179.52 (profit 29.52);
    // GOAT 210.00 − 19.95 − 6.09 − 5.00 = 178.96 (28.96); Alias 194.00 − 18.43 − 5.626→5.63 − 5.00 = 164.94 (14.94).
    expect(page.edges.map(({ node: n }) => [`${n.buyPlatform.slug}→${n.sellPlatform.slug}`, cents(n.buyCost), cents(n.sellPrice), cents(n.sellerFees), cents(n.expectedNet), cents(n.expectedProfit), ratio(n.margin), ratio(n.roi)])).toEqual([
      ['ebay→stockx', '150.00', '204.00', '24.48', '179.52', '29.52', '0.1447', '0.1968'],
      ['ebay→goat', '150.00', '210.00', '31.04', '178.96', '28.96', '0.1379', '0.1931'],
      ['ebay→alias', '150.00', '194.00', '29.06', '164.94', '14.94', '0.0770', '0.0996'],
    ]);
    ids.opportunity = page.edges[0].node.id;
  });

  it('3. the reseller buys it (inventory) and lists it on StockX from the opportunity, COMPETITIVE above a 20.00-margin floor', async () => {
    const bought = await t.request(AddInventoryItemDocument, { input: { variantId: size9.id, purchasePrice: '150.00', purchasedAt: minutesAgo(80) } }, alice.token);
    ids.item = bought.body.data!.addInventoryItem.inventoryItem!.id;
    const listed = await t.request(CreateListingsFromOpportunitiesDocument, {
      input: { listings: [{ inventoryItemId: ids.item, opportunityId: ids.opportunity, strategy: 'COMPETITIVE', minimumMargin: '20.00' }] },
    }, alice.token);
    expect(listed.body.data!.createListingsFromOpportunities.errors).toEqual([]);
    ids.listing = listed.body.data!.createListingsFromOpportunities.listings[0].id;
    // StockX's lowest ask is 220.00: undercut by a cent. Floor: the lowest ask netting 150.00 + 20.00 after fees:
    // 170 / 0.88 = 193.18…; at 193.19 fees are 17.39 + 5.80 and the payout is exactly 170.00 (at 193.18 it is 169.99).
    const now = await listing();
    expect({ status: now.status, ask: cents(now.askPrice.amount), floor: cents(now.floorPrice?.amount) }).toEqual({ status: 'ACTIVE', ask: '219.99', floor: '193.19' });
    const opportunity = (await t.request(ArbitrageOpportunitiesDocument, { first: 10 }, alice.token)).body.data!.arbitrageOpportunities.edges[0].node;
    expect(opportunity).toMatchObject({ id: ids.opportunity, status: 'ACTED' });
    // At 219.99 the listing sits 0.00 % above the market: nothing to reprice by hand.
    expect((await t.request(RepricingOpportunitiesDocument, { minGapPercent: '0' }, alice.token)).body.data!.repricingOpportunities).toEqual([]);
  });

  it('4. repricing follows market moves, event-driven: undercut to 204.99, then held at the 193.19 floor', async () => {
    await ingest([{ variantId: size9.id, platform: 'stockx', lowestAsk: '205.00', highestBid: '200.00', lastSale: '214.00', sales30d: 57, currency: 'USD', capturedAt: minutesAgo(60), source: 'MANUAL' }]);
    await waitFor('the listing to follow the 205.00 ask', async () => cents((await listing()).askPrice.amount) === '204.99', 30_000);
    await ingest([{ variantId: size9.id, platform: 'stockx', lowestAsk: '180.00', highestBid: '175.00', lastSale: '190.00', sales30d: 57, currency: 'USD', capturedAt: minutesAgo(50), source: 'MANUAL' }]);
    await waitFor('the listing to stop at its floor', async () => cents((await listing()).askPrice.amount) === '193.19', 30_000);
    const history = (await listing()).pricingHistory.map((h) => [cents(h.oldPrice.amount), cents(h.newPrice.amount), h.strategy]);
    expect(history).toEqual([['204.99', '193.19', 'COMPETITIVE'], ['219.99', '204.99', 'COMPETITIVE']]);
    // Now 7.33 % above the 180.00 lowest ask (13.19 / 180 = 0.07327…): a repricing opportunity the floor will not let it take.
    const gap = (await t.request(RepricingOpportunitiesDocument, {}, alice.token)).body.data!.repricingOpportunities;
    expect(gap.map((g) => [g.listing.id, cents(g.gapPercent), cents(g.netAtMarket), cents(g.profitAtMarket)])).toEqual([[ids.listing, '7.33', '158.40', '8.40']]);
  });

  it('5. it sells at 193.19: StockX fees 17.39 + 5.80, payout 170.00, profit 20.00 — the margin the floor protected', async () => {
    const streamsBefore = openOrderStreams();
    const bobsEvents = collect<{ orderChanged: { id: string } }>(t.wsClient(bob.token), 'subscription { orderChanged { id } }');
    const alicesEvents = collect<{ orderChanged: { id: string; status: string; netProfit: string } }>(t.wsClient(alice.token), 'subscription { orderChanged { id status netProfit } }');
    await waitFor('2 orderChanged stream(s)', () => openOrderStreams() >= streamsBefore + 2);
    const res = await t.request(RecordOrderDocument, { input: { listingId: ids.listing, salePrice: '193.19', externalOrderNumber: 'SX-PIPE-1', status: 'DELIVERED' } }, alice.token);
    expect(res.body.data!.recordOrder.errors).toEqual([]);
    const order = res.body.data!.recordOrder.order!;
    ids.order = order.id;
    ids.orderedAt = order.orderedAt;
    // margin 20 / 193.19 = 0.10352… → 0.1035; ROI 20 / 150 = 0.1333.
    expect(orderMoney(order)).toEqual({
      salePrice: '193.19', sellerFee: '17.39', processingFee: '5.80', fixedFee: '0.00', shippingCost: '0.00', netProceeds: '170.00',
      costBasis: '150.00', grossProfit: '43.19', netProfit: '20.00', margin: '0.1035', roi: '0.1333',
      baseSale: '193.19', baseFees: '23.19', baseNet: '170.00', baseCost: '150.00', baseProfit: '20.00',
    });
    expect(order).toMatchObject({ platform: { slug: 'stockx' }, status: 'DELIVERED', listing: { id: ids.listing, status: 'SOLD' }, inventoryItem: { id: ids.item, status: 'SOLD', quantitySold: 1 } });
    // Not yet realized: the payout is pending until the order completes.
    const pending = (await t.request(ProfitAnalyticsDocument, { period: 'LAST_30_DAYS' }, alice.token)).body.data!.profitAnalytics;
    expect([cents(pending.realizedNetProfit), cents(pending.pendingNetProfit)]).toEqual(['0.00', '20.00']);
    const completed = await t.request(UpdateOrderStatusDocument, { input: { id: order.id, status: 'COMPLETED' } }, alice.token);
    expect(completed.body.data!.updateOrderStatus.order).toMatchObject({ status: 'COMPLETED' });

    await alicesEvents.until(2);
    expect(alicesEvents.results.map((e) => [e.orderChanged.id, e.orderChanged.status, cents(e.orderChanged.netProfit)])).toEqual([[order.id, 'DELIVERED', '20.00'], [order.id, 'COMPLETED', '20.00']]);
    // Bob hears of his own order only, after Alice's two events went out.
    await t.request(RecordOrderDocument, { input: { platform: 'manual', variantId: size10.id, salePrice: '1.00', externalOrderNumber: 'BOB-1' } }, bob.token);
    await bobsEvents.until(1);
    expect(bobsEvents.results.map((e) => e.orderChanged.id)).not.toContain(order.id);
    expect(bobsEvents.results).toHaveLength(1);
    bobsEvents.dispose();
    alicesEvents.dispose();
  });

  it('6. realized profit: analytics in the base currency', async () => {
    const p = (await t.request(ProfitAnalyticsDocument, { period: 'LAST_30_DAYS' }, alice.token)).body.data!.profitAnalytics;
    expect({
      orders: p.orders, completed: p.completedOrders, revenue: cents(p.revenue), fees: cents(p.fees), net: cents(p.netProceeds), cost: cents(p.costBasis),
      profit: cents(p.netProfit), realized: cents(p.realizedNetProfit), margin: ratio(p.margin), roi: ratio(p.roi),
    }).toEqual({ orders: 1, completed: 1, revenue: '193.19', fees: '23.19', net: '170.00', cost: '150.00', profit: '20.00', realized: '20.00', margin: '0.1035', roi: '0.1333' });
    const byMarket = (await t.request(SalesSummaryDocument, { groupBy: 'MARKETPLACE' }, alice.token)).body.data!.salesSummary;
    expect(byMarket.map((b) => [b.key, b.orders, cents(b.revenue), cents(b.netProfit)])).toEqual([['stockx', 1, '193.19', '20.00']]);
  });

  it('7. the tax report has the sale with its cost, fees and a short-term gain of 20.00 (also as CSV)', async () => {
    const year = new Date().getUTCFullYear();
    const report = (await t.request(TaxReportDocument, { year }, alice.token)).body.data!.taxReport;
    const acquired = minutesAgo(80).slice(0, 10);
    const sold = ids.orderedAt!.slice(0, 10);
    expect(report.rows.map((r) => [r.saleId, r.quantity, r.acquiredOn, r.soldOn, cents(r.proceeds), cents(r.costBasis), cents(r.fees), cents(r.gain), r.term, r.inventoryItemId])).toEqual([
      ['stockx:SX-PIPE-1', 1, acquired, sold, '193.19', '150.00', '23.19', '20.00', 'SHORT', ids.item],
    ]);
    expect(Object.fromEntries(Object.entries(report.totals).map(([k, v]) => [k, cents(v as string)]))).toEqual({
      proceeds: '193.19', costBasis: '150.00', fees: '23.19', gain: '20.00', shortTermGain: '20.00', longTermGain: '0.00',
    });
    const csv = await fetch(`${t.url}/reports/tax.csv?year=${year}`, { headers: { authorization: `Bearer ${alice.token}` } });
    expect((await csv.text()).split('\r\n')[1]).toBe(`Pipeline Demo (9),1,${acquired},${sold},193.19,150.00,23.19,20.00,SHORT,stockx:SX-PIPE-1,${ids.item}`);
  });

  it("8. another account sees none of it and gets NOT_FOUND for every id of it", async () => {
    const orders = (await t.request(OrdersDocument, { first: 50 }, bob.token)).body.data!.orders;
    expect(orders.edges.map((e) => e.node.externalOrderNumber)).toEqual(['BOB-1']);
    expect((await t.request(OrderNodeDocument, { id: ids.order! }, bob.token)).body.data!.node).toBeNull();
    const status = await t.request(UpdateOrderStatusDocument, { input: { id: ids.order!, status: 'RETURNED' } }, bob.token);
    expect(status.body.data!.updateOrderStatus.errors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    const resold = await t.request(RecordOrderDocument, { input: { listingId: ids.listing, salePrice: '1.00' } }, bob.token);
    expect(resold.body.data!.recordOrder.errors.map((e) => [e.code, e.field])).toEqual([['NOT_FOUND', ['listingId']]]);
    const item = await t.request(RecordOrderDocument, { input: { platform: 'stockx', inventoryItemId: ids.item, salePrice: '1.00' } }, bob.token);
    expect(item.body.data!.recordOrder.errors.map((e) => [e.code, e.field])).toEqual([['NOT_FOUND', ['inventoryItemId']]]);
    const profit = (await t.request(ProfitAnalyticsDocument, { period: 'LAST_30_DAYS' }, bob.token)).body.data!.profitAnalytics;
    expect([profit.orders, cents(profit.revenue), cents(profit.netProfit), profit.ordersWithoutProfit]).toEqual([1, '1.00', '0.00', 1]);
    const tax = (await t.request(TaxReportDocument, { year: new Date().getUTCFullYear() }, bob.token)).body.data!.taxReport;
    expect(tax.rows).toEqual([]);
    const csv = await (await fetch(`${t.url}/reports/tax.csv?year=${new Date().getUTCFullYear()}`, { headers: { authorization: `Bearer ${bob.token}` } })).text();
    expect(csv).not.toContain('SX-PIPE-1');
    expect((await t.request(RepricingOpportunitiesDocument, { minGapPercent: '0' }, bob.token)).body.data!.repricingOpportunities).toEqual([]);
    // Alice's order still stands, untouched.
    expect((await t.request(OrderNodeDocument, { id: ids.order! }, alice.token)).body.data!.node).toMatchObject({ status: 'COMPLETED' });
    expect(uuidOf(ids.order!, 'Order')).not.toBeNull();
    expect(toGlobalId('Order', uuidOf(ids.order!, 'Order')!)).toBe(ids.order);
  });
});
