import { createContext } from '../../src/common/context';
import { toGlobalId, uuidOf } from '../../src/common/node';
import { markListingSold } from '../../src/domains/selling';
import { ListingNodeDocument, RepriceListingsDocument, SetRepricingRuleDocument, StrategyPerformanceDocument, UpdateListingPriceDocument } from '../generated/graphql';
import { addItem, listItem, marketFixture, quote, sql, tableContents, type MarketFixture } from '../inventory/inventory-support';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let fx: MarketFixture;
let token: string;
let v: Array<{ id: string; uuid: string }>;
const TABLES = ['inventory_item', 'listing', 'repricing_rule', 'pricing_history'];
const codes = (errors: Array<{ code: string; field: string[] | null }>) => errors.map((e) => `${e.code}@${(e.field ?? []).join('.')}`).sort();

async function listed(variant: number, platform: string, price: string, rule: Record<string, unknown>, cost = '100.00') {
  const item = await addItem(t, token, v[variant].id, cost);
  return (await listItem(t, token, { inventoryItemId: item, platform, price, rule: rule as never })).listing!;
}

async function reprice(filter: Record<string, unknown> | null, dryRun: boolean) {
  const res = await t.request(RepriceListingsDocument, { input: { filter, dryRun } }, token);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.repriceListings;
}

beforeAll(async () => {
  t = await startTestApp();
  fx = await marketFixture(t, [['7', '8', '9', '10', '11', '12']]);
  v = fx.products[0].variants;
  token = (await t.createAccount()).token;
  await quote(t, fx, [
    { variant: v[0].uuid, platform: 'stockx', ask: '180.00', bid: '150.00', last: '170.00', sales7d: 7, volatility: '0' },
    { variant: v[1].uuid, platform: 'stockx', ask: '100.00', bid: '90.00' },
    { variant: v[2].uuid, platform: 'ebay', ask: '300.00', bid: '260.00' },
    { variant: v[3].uuid, platform: 'ebay', ask: '250.00', bid: '210.00', currency: 'EUR' },
  ]);
});
afterAll(() => t?.stop());

describe('setRepricingRule', () => {
  it('creates or replaces the rule, and validates it against the listing', async () => {
    const listing = await listed(0, 'stockx', '200.00', { strategy: 'FIXED' });
    const set = await t.request(SetRepricingRuleDocument, { input: { listingId: listing.id, rule: { strategy: 'COMPETITIVE', undercutPercent: '2.5', ceilingPrice: '400', cooldownSeconds: 600 } } }, token);
    expect(set.body.data!.setRepricingRule).toMatchObject({ repricingRule: { id: listing.repricingRule!.id, strategy: 'COMPETITIVE', undercutPercent: '2.5', ceilingPrice: '400', cooldownSeconds: 600, listing: { id: listing.id } }, errors: [] });

    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ listingId: toGlobalId('Listing', '00000000-0000-4000-8000-000000000005'), rule: { strategy: 'FIXED' } }, ['NOT_FOUND@listingId']],
      [{ listingId: listing.id, rule: { strategy: 'COMPETITIVE', undercutPercent: '150' } }, ['OUT_OF_RANGE@rule.undercutPercent']],
      [{ listingId: listing.id, rule: { strategy: 'COMPETITIVE', maxChangePercent: '5000' } }, ['OUT_OF_RANGE@rule.maxChangePercent']],
      [{ listingId: listing.id, rule: { strategy: 'COMPETITIVE', cooldownSeconds: 99_999_999 } }, ['OUT_OF_RANGE@rule.cooldownSeconds']],
      [{ listingId: listing.id, rule: { strategy: 'FIXED', fixedPrice: '0' } }, ['OUT_OF_RANGE@rule.fixedPrice']],
      [{ listingId: listing.id, rule: { strategy: 'COMPETITIVE', minimumMargin: '-1' } }, ['OUT_OF_RANGE@rule.minimumMargin']],
      // Cost 100 on StockX: the break-even floor is 113.64, so a 110.00 ceiling can never hold.
      [{ listingId: listing.id, rule: { strategy: 'COMPETITIVE', ceilingPrice: '110.00' } }, ['INVALID@rule.ceilingPrice']],
    ];
    for (const [input, expected] of cases) {
      const res = await t.request(SetRepricingRuleDocument, { input: input as never }, token);
      expect({ input, got: codes(res.body.data!.setRepricingRule.errors) }).toEqual({ input, got: expected });
    }
    const node = await t.request(ListingNodeDocument, { id: listing.id }, token);
    expect(node.body.data!.node).toMatchObject({ repricingRule: { strategy: 'COMPETITIVE', undercutPercent: '2.5' } });
  });
});

describe('repriceListings', () => {
  it('decides without writing anything in a dry run, then applies the same decisions with their history', async () => {
    const competitive = await listed(0, 'stockx', '200.00', { strategy: 'COMPETITIVE' });
    const floored = await listed(1, 'stockx', '150.00', { strategy: 'MATCH_LOWEST_ASK' });
    const capped = await listed(2, 'ebay', '200.00', { strategy: 'HIGHEST_BID', maxChangePercent: '10' });
    const ids = [competitive.id, floored.id, capped.id];

    const before = await tableContents(t, TABLES);
    const dry = await reprice({ ids }, true);
    expect(await tableContents(t, TABLES)).toBe(before);
    expect(dry).toMatchObject({ dryRun: true, evaluated: 3, changed: 3, applied: 0, truncated: false });
    const byId = (decisions: typeof dry.decisions) => Object.fromEntries(decisions.map((d) => [d.listingId, d]));
    const decided = byId(dry.decisions);
    expect(decided[competitive.id]).toMatchObject({ action: 'CHANGE', applied: false, oldPrice: { amount: '200' }, newPrice: { amount: '179.99' }, strategy: 'COMPETITIVE', guards: [], marketLowestAsk: { amount: '180' } });
    // The market (100.00) is below the break-even floor of a 100.00 item on StockX: the floor (113.64) wins.
    expect(decided[floored.id]).toMatchObject({ action: 'CHANGE', newPrice: { amount: '113.64' }, floor: { amount: '113.64' }, guards: ['FLOOR'] });
    // The bid (260.00) is 30 % up; 10 % per run allows 220.00.
    expect(decided[capped.id]).toMatchObject({ action: 'CHANGE', newPrice: { amount: '220' }, guards: ['MAX_CHANGE'] });
    expect(decided[capped.id].reason).toMatch(/10 % max change per run/);

    const real = await reprice({ ids }, false);
    expect(real).toMatchObject({ dryRun: false, evaluated: 3, changed: 3, applied: 3 });
    expect(real.decisions.map((d) => [d.action, d.newPrice.amount])).toEqual(dry.decisions.map((d) => [d.action, d.newPrice.amount]));
    const history = await sql<Record<string, string>>(
      t,
      `select l.id, ph.old_price, ph.new_price, ph.reason, ph.strategy, ph.market_lowest_ask, ph.market_highest_bid, l.ask_price, l.version
         from pricing_history ph join listing l on l.id = ph.listing_id where ph.listing_id = any(?::uuid[]) order by ph.new_price`,
      [`{${ids.map((id) => uuidOf(id, 'Listing')).join(',')}}`],
    );
    expect(history.map((h) => [h.old_price, h.new_price, h.reason, h.strategy, h.market_lowest_ask, h.market_highest_bid, h.ask_price, h.version])).toEqual([
      ['150.00', '113.64', 'COMPETITION', 'MATCH_LOWEST_ASK', '100.00', '90.00', '113.64', 2],
      ['200.00', '179.99', 'COMPETITION', 'COMPETITIVE', '180.00', '150.00', '179.99', 2],
      ['200.00', '220.00', 'ALGORITHM', 'HIGHEST_BID', '300.00', '260.00', '220.00', 2],
    ]);

    const again = await reprice({ ids: [competitive.id, floored.id] }, false);
    expect(again.decisions.map((d) => d.skipReason)).toEqual(['UNCHANGED', 'UNCHANGED']);
    // Once our ask is the lowest, COMPETITIVE holds instead of undercutting itself.
    await quote(t, fx, [{ variant: v[0].uuid, platform: 'stockx', ask: '179.99', bid: '150.00' }]);
    const own = await reprice({ ids: [competitive.id] }, false);
    expect(own.decisions[0]).toMatchObject({ action: 'SKIP', skipReason: 'UNCHANGED' });
    expect(own.decisions[0].reason).toMatch(/already the lowest ask/);
  });

  it('says why it skipped: cooldown, inactive rule, inactive listing, another currency', async () => {
    const cooling = await listed(2, 'ebay', '320.00', { strategy: 'COMPETITIVE', cooldownSeconds: 3600 });
    await t.request(UpdateListingPriceDocument, { input: { id: cooling.id, price: '310.00', expectedVersion: cooling.version } }, token);
    const paused = await listed(2, 'ebay', '320.00', { strategy: 'COMPETITIVE', active: false }, '90.00');
    const euro = await listed(3, 'ebay', '260.00', { strategy: 'COMPETITIVE' });
    const draft = await addItem(t, token, v[2].id, '100.00');
    const inactive = (await listItem(t, token, { inventoryItemId: draft, platform: 'alias', price: '300.00', rule: { strategy: 'COMPETITIVE' }, activate: false })).listing!;

    const run = await reprice({ ids: [cooling.id, paused.id, euro.id, inactive.id], statuses: ['ACTIVE', 'DRAFT'] }, false);
    const reasons = Object.fromEntries(run.decisions.map((d) => [d.listingId, [d.skipReason, d.reason]]));
    expect(reasons[cooling.id][0]).toBe('COOLDOWN');
    expect(reasons[cooling.id][1]).toMatch(/would move 310.00 → 299.99.*1 h cooldown/);
    expect(reasons[paused.id]).toEqual(['NO_RULE', 'the repricing rule is inactive']);
    expect(reasons[euro.id]).toEqual(['CURRENCY_MISMATCH', 'the market is quoted in EUR, the listing is in USD']);
    expect(reasons[inactive.id]).toEqual(['NOT_ACTIVE', 'the listing is DRAFT; only ACTIVE listings are repriced']);
    expect(run.applied).toBe(0);
  });

  it('never sets a price below the floor or above the ceiling, whatever the market does', async () => {
    const listings = [];
    for (const [i, strategy] of (['COMPETITIVE', 'MATCH_LOWEST_ASK', 'HIGHEST_BID', 'PROFIT_MAXIMIZATION'] as const).entries()) {
      listings.push(await listed(4, 'stockx', '250.00', { strategy, ceilingPrice: '260.00', minimumMargin: String(10 * i) }, String(120 + 15 * i)));
    }
    for (const [ask, bid] of [['90.00', '40.00'], ['500.00', '480.00'], ['200.00', '199.99'], ['130.00', null]] as const) {
      await quote(t, fx, [{ variant: v[4].uuid, platform: 'stockx', ask, bid, last: '150.00', sales7d: 3, volatility: '0.4' }]);
      const run = await reprice({ ids: listings.map((l) => l.id) }, false);
      for (const d of run.decisions) {
        expect(Number(d.newPrice.amount)).toBeGreaterThanOrEqual(Number(d.floor!.amount));
        expect(Number(d.newPrice.amount)).toBeLessThanOrEqual(260);
      }
    }
  });

  it('reports unknown platforms in the filter', async () => {
    const res = await reprice({ platforms: ['stockx', 'nowhere'] }, true);
    expect(codes(res.errors)).toEqual(['NOT_FOUND@filter.platforms.1']);
    expect(res.evaluated).toBe(0);
  });
});

describe('strategyPerformance', () => {
  it('counts listings and sales per strategy with average margin and days to sale, orders first', async () => {
    const account = await t.createAccount();
    const own = async (variant: number, price: string, strategy: string) => {
      const item = await addItem(t, account.token, v[variant].id, '100.00');
      return (await listItem(t, account.token, { inventoryItemId: item, platform: 'ebay', price, rule: { strategy: strategy as never } })).listing!;
    };
    const a = await own(5, '200.00', 'FIXED');
    const b = await own(5, '150.00', 'FIXED');
    await own(5, '300.00', 'COMPETITIVE');
    await sql(t, "update listing set listed_at = now() - interval '4 days' where id = ?", [uuidOf(a.id, 'Listing')]);
    await sql(t, "update listing set listed_at = now() - interval '2 days' where id = ?", [uuidOf(b.id, 'Listing')]);
    const ctx = createContext({ em: t.app.orm.em.fork(), viewer: null, requestId: 'test', log: t.app.log, pubsub: t.app.pubsub, clock: t.app.clock });
    await markListingSold(ctx, uuidOf(a.id, 'Listing')!);
    // An order recorded for b wins over b's own sale facts: margin 0.3000 from the order row.
    await sql(
      t,
      `insert into sales_order (id, account_id, platform_id, external_order_number, source, listing_id, status, currency, sale_price, seller_fee, processing_fee,
         fixed_fee, shipping_cost, net_proceeds, cost_basis, net_profit, margin, base_currency, fx_rate, ordered_at)
       values (gen_random_uuid(), ?, ?, 'E-1', 'MANUAL', ?, 'COMPLETED', 'USD', 150, 4.70, 0, 0.30, 0, 145, 100, 45, 0.3000, 'USD', 1, now())`,
      [account.accountId, fx.platforms.ebay.uuid, uuidOf(b.id, 'Listing')],
    );
    const res = await t.request(StrategyPerformanceDocument, {}, account.token);
    expect(res.body.errors).toBeUndefined();
    const [competitive, fixed] = res.body.data!.strategyPerformance;
    expect(competitive).toMatchObject({ strategy: 'COMPETITIVE', listings: 1, active: 1, sales: 0, sellThroughRate: '0', averageMargin: null, averageDaysToSale: null });
    // a sold at 200.00 on eBay: 26.50 + 0.30 in fees → 173.20 net, 73.20 profit → margin 0.366; b's order: 0.3. Mean 0.333.
    expect(fixed).toMatchObject({ strategy: 'FIXED', listings: 2, active: 1, sales: 2, sellThroughRate: '1', averageMargin: '0.333' });
    expect(Number(fixed.averageDaysToSale)).toBeCloseTo(3, 1);
  });
});
