import Decimal from 'decimal.js';
import { computeBuyerCost, computeNetProceeds, feeSchedule } from '../../src/domains/catalog';
import { ingestMarketSnapshots } from '../../src/domains/market';
import {
  ArbitrageOpportunitiesDocument,
  CreateListingsFromOpportunitiesDocument,
  RepricingOpportunitiesDocument,
  type ArbitrageOpportunitiesQuery,
} from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { addItem, cents, listItem, marketFixture, quote, ratio, runJob, sql, type MarketFixture } from './orders-support';

let t: TestApp;
let fx: MarketFixture;
let alice: string;
let bob: string;
let size9: { id: string; uuid: string };
let size10: { id: string; uuid: string };

type Node = ArbitrageOpportunitiesQuery['arbitrageOpportunities']['edges'][number]['node'];
const route = (n: Node) => `${n.buyPlatform.slug}→${n.sellPlatform.slug}`;
const figures = (n: Node) => [route(n), n.variant.sizeKey, cents(n.buyPrice), cents(n.buyerFee), cents(n.buyCost), cents(n.sellPrice), n.sellPriceSource, cents(n.sellerFees), cents(n.expectedNet), cents(n.expectedProfit), ratio(n.margin), ratio(n.roi)];

/**
 * What a pass left open (new or refreshed) and expired. The job's cron schedule may also run between a test's
 * market change and its own pass, so the split between new and refreshed is not asserted; the table state is.
 */
const confirmed = (result: Record<string, unknown>) => ({ open: Number(result.detected) + Number(result.refreshed), expired: Number(result.expired) });

async function open(token = alice, vars: Record<string, unknown> = {}) {
  const res = await t.request(ArbitrageOpportunitiesDocument, { first: 50, ...vars }, token);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.arbitrageOpportunities;
}

beforeAll(async () => {
  t = await startTestApp({ ROLE: 'all' });
  fx = await marketFixture(t, [['9', '10']]);
  [size9, size10] = fx.products[0].variants;
  alice = (await t.createAccount()).token;
  bob = (await t.createAccount()).token;
  await quote(t, fx, [
    { variant: size9.uuid, platform: 'stockx', ask: '150.00', bid: '140.00', last: '145.00', sales30d: 20, sales7d: 6 },
    { variant: size9.uuid, platform: 'ebay', ask: '120.00', bid: null, last: '190.00', sales30d: 10 },
    { variant: size9.uuid, platform: 'alias', ask: '200.00', bid: '185.00', last: '180.00', sales30d: 5 },
    { variant: size10.uuid, platform: 'stockx', ask: '100.00', bid: '90.00', last: '95.00', sales30d: 8 },
    { variant: size10.uuid, platform: 'ebay', ask: '100.00', last: '100.00', sales30d: 0 },
    // Same size in another currency: never paired with USD prices.
    { variant: size10.uuid, platform: 'alias', ask: '50.00', bid: '45.00', currency: 'GBP', sales30d: 3 },
  ]);
  // A bargain seen three days ago is not an opportunity now.
  const stale = await ingestMarketSnapshots(t.app.orm.em.fork(), t.app.pubsub, [
    { variantId: size9.uuid, platformId: fx.platforms.goat.uuid, lowestAsk: '50.00', highestBid: '45.00', currency: 'USD', capturedAt: new Date(Date.now() - 3 * 86_400_000), source: 'API' },
  ]);
  expect(stale.rowErrors).toEqual([]);
});
afterAll(() => t?.stop());

describe('arbitrage detection (job selling.opportunities)', () => {
  it('prices every route with fees on both sides, set-based, and keeps the profitable ones', async () => {
    expect(confirmed(await runJob(t, 'selling.opportunities', {}))).toEqual({ open: 3, expired: 0 });
    const page = await open();
    // Buy costs: eBay 120.00 (no buyer fee), StockX 150.00 + 5 % = 157.50. Sale nets: Alias bid 185.00 − 17.575→17.58 − 5.365→5.36 − 5.00 = 157.06;
    // eBay (no bid) last sale 190.00 − 25.175→25.18 − 0.30 = 164.52; StockX bid 140.00 − 12.60 − 4.20 = 123.20.
    expect(page.edges.map((e) => figures(e.node))).toEqual([
      ['ebay→alias', '9', '120.00', '0.00', '120.00', '185.00', 'HIGHEST_BID', '27.94', '157.06', '37.06', '0.2003', '0.3088'],
      ['stockx→ebay', '9', '150.00', '7.50', '157.50', '190.00', 'LAST_SALE', '25.48', '164.52', '7.02', '0.0369', '0.0446'],
      ['ebay→stockx', '9', '120.00', '0.00', '120.00', '140.00', 'HIGHEST_BID', '16.80', '123.20', '3.20', '0.0229', '0.0267'],
    ]);
    expect(page.totalCount).toBe(3);
    expect(page.edges.every((e) => e.node.status === 'OPEN' && e.node.currency === 'USD')).toBe(true);
  });

  it('computes in SQL exactly what the pure fee functions compute', async () => {
    const platforms = await sql<Record<string, string>>(t, 'select slug, seller_fee_rate::text, payment_processing_rate::text, fixed_fee::text, minimum_fee::text, buyer_fee_rate::text from platform');
    const schedule = (slug: string) => {
      const p = platforms.find((row) => row.slug === slug)!;
      return feeSchedule({ sellerFeeRate: p.seller_fee_rate, paymentProcessingRate: p.payment_processing_rate, fixedFee: p.fixed_fee, minimumFee: p.minimum_fee, buyerFeeRate: p.buyer_fee_rate });
    };
    for (const { node } of (await open()).edges) {
      const buy = computeBuyerCost(new Decimal(node.buyPrice), schedule(node.buyPlatform.slug));
      const sell = computeNetProceeds({ salePrice: new Decimal(node.sellPrice), schedule: schedule(node.sellPlatform.slug) });
      expect([cents(node.buyerFee), cents(node.buyCost), cents(node.sellerFees), cents(node.expectedNet), cents(node.expectedProfit)]).toEqual(
        [buy.buyerFee, buy.total, sell.total, sell.netProceeds, sell.netProceeds.minus(buy.total)].map((d) => d.toFixed(2)),
      );
    }
  });

  it('filters by minimum profit and margin, and pages with cursors', async () => {
    expect((await open(alice, { minProfit: '5' })).edges.map((e) => route(e.node))).toEqual(['ebay→alias', 'stockx→ebay']);
    expect((await open(alice, { minMarginPercent: '3' })).edges.map((e) => route(e.node))).toEqual(['ebay→alias', 'stockx→ebay']);
    expect((await open(alice, { minMarginPercent: '5', minProfit: '1' })).edges.map((e) => route(e.node))).toEqual(['ebay→alias']);
    const first = await open(alice, { first: 1 });
    const rest = await open(alice, { first: 5, after: first.pageInfo.endCursor });
    expect([...first.edges, ...rest.edges].map((e) => route(e.node))).toEqual(['ebay→alias', 'stockx→ebay', 'ebay→stockx']);
    for (const vars of [{ minProfit: '-1' }, { minMarginPercent: '101' }, { first: 101 }]) {
      const res = await t.request(ArbitrageOpportunitiesDocument, vars, alice);
      expect({ vars, code: res.body.errors?.[0].extensions?.code }).toEqual({ vars, code: 'BAD_USER_INPUT' });
    }
    expect((await t.request(ArbitrageOpportunitiesDocument, {})).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('is ACTED only for the account that acted on it', async () => {
    const best = (await open()).edges[0].node;
    const item = await addItem(t, alice, size9.id, '120.00');
    const res = await t.request(CreateListingsFromOpportunitiesDocument, { input: { listings: [{ inventoryItemId: item, opportunityId: best.id, price: '199.00', strategy: 'FIXED' }] } }, alice);
    expect(res.body.data!.createListingsFromOpportunities.errors).toEqual([]);
    expect((await open(alice)).edges.find((e) => e.node.id === best.id)!.node.status).toBe('ACTED');
    expect((await open(bob)).edges.find((e) => e.node.id === best.id)!.node.status).toBe('OPEN');
  });

  it('refreshes what still pays and expires what no longer does when the market moves', async () => {
    await quote(t, fx, [
      { variant: size9.uuid, platform: 'alias', ask: '200.00', bid: '150.00', last: '180.00', sales30d: 5 },
      { variant: size9.uuid, platform: 'ebay', ask: '130.00', bid: null, last: '190.00', sales30d: 10 },
    ]);
    // eBay now costs 130.00: to Alias (150.00 − 14.25 − 4.35 − 5.00 = 126.40) and to StockX (123.20) both lose; StockX → eBay still earns 7.02.
    expect(confirmed(await runJob(t, 'selling.opportunities', {})).open).toBe(1);
    expect((await open()).edges.map((e) => figures(e.node))).toEqual([['stockx→ebay', '9', '150.00', '7.50', '157.50', '190.00', 'LAST_SALE', '25.48', '164.52', '7.02', '0.0369', '0.0446']]);
    const stored = await sql<{ market_status: string; n: number }>(t, 'select market_status, count(*)::int as n from opportunity group by 1 order by 1');
    expect(stored).toEqual([{ market_status: 'EXPIRED', n: 2 }, { market_status: 'OPEN', n: 1 }]);
    // A second pass over unchanged prices changes nothing but the time it was last seen.
    expect(await runJob(t, 'selling.opportunities', {})).toMatchObject({ detected: 0, refreshed: 1, expired: 0 });
  });
});

describe('repricingOpportunities', () => {
  it("lists the viewer's active listings priced more than N % above the lowest ask where the size sells", async () => {
    const a = await addItem(t, alice, size9.id, '120.00');
    const onStockx = await listItem(t, alice, { inventoryItemId: a, platform: 'stockx', price: '180.00' });
    const b = await addItem(t, alice, size10.id, '60.00');
    await listItem(t, alice, { inventoryItemId: b, platform: 'ebay', price: '150.00' }); // 50 % above, but no sales there
    const c = await addItem(t, alice, size10.id, '60.00');
    const onStockx10 = await listItem(t, alice, { inventoryItemId: c, platform: 'stockx', price: '104.00' }); // 4 % above

    const res = await t.request(RepricingOpportunitiesDocument, {}, alice);
    expect(res.body.errors).toBeUndefined();
    // (180 − 150) / 150 = 20.00 %; at 150.00 StockX nets 150 − 13.50 − 4.50 = 132.00, i.e. 12.00 over the 120.00 cost.
    expect(res.body.data!.repricingOpportunities.map((r) => [r.listing.id, cents(r.ask), cents(r.marketLowestAsk), cents(r.gapPercent), r.sales30d, cents(r.netAtMarket), cents(r.profitAtMarket)])).toEqual([
      [onStockx.listing!.id, '180.00', '150.00', '20.00', 20, '132.00', '12.00'],
    ]);
    const looser = (await t.request(RepricingOpportunitiesDocument, { minGapPercent: '3' }, alice)).body.data!.repricingOpportunities;
    expect(looser.map((r) => [r.listing.id, cents(r.gapPercent)])).toEqual([[onStockx.listing!.id, '20.00'], [onStockx10.listing!.id, '4.00']]);
    expect((await t.request(RepricingOpportunitiesDocument, { minGapPercent: '3' }, bob)).body.data!.repricingOpportunities).toEqual([]);
    const bad = await t.request(RepricingOpportunitiesDocument, { minGapPercent: '-1' }, alice);
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
