import Decimal from 'decimal.js';
import { convertMoney } from '../../src/common/fx';
import { findFxRate } from '../../src/domains/sync';
import { ProfitAnalyticsDocument, ReturnRatesDocument, SalesSummaryDocument, TopProductsDocument, UpdateOrderStatusDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { addItem, cents, marketFixture, ratio, recordSale, sql, type MarketFixture } from './orders-support';

let t: TestApp;
let fx: MarketFixture;
let seller: string;
let other: string;

const DAY = 86_400_000;
const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY - 3_600_000).toISOString();
const utcDay = (iso: string) => iso.slice(0, 10);

/**
 * The book (USD account), every figure computed by hand:
 *  O1 StockX 200.00, cost 120 (item), COMPLETED   → fees 18.00 + 6.00, payout 176.00, profit 56.00
 *  O2 eBay 150.00 + 12.50 shipping, cost 90 (item), COMPLETED → fees 19.88 + 0.30, payout 117.32, profit 27.32
 *  O3 StockX 40.00, cost 40 (item), DELIVERED      → fees 5.00 (minimum) + 1.20, payout 33.80, profit −6.20
 *  O4 eBay 80.00, no cost, COMPLETED               → fees 10.60 + 0.30, payout 69.10, profit unknown
 *  O5 Alias 150.00, cost 100, RETURNED             → not a sale
 *  O6 StockX 300.00, CANCELLED                      → not a sale
 *  O7 Alias 100.00 EUR, cost 50 EUR, COMPLETED, USD/EUR 0.92 that day → 108.70, fees 18.91, payout 89.79, cost 54.35, profit 35.44
 * O1, O5, O7 are product P1 size 9, O2 P1 size 10, O3 P2 size 9, O4 P2 size 10. Other days' EUR rate: 0.90.
 */
beforeAll(async () => {
  t = await startTestApp();
  fx = await marketFixture(t, [['9', '10'], ['9', '10']]);
  seller = (await t.createAccount()).token;
  other = (await t.createAccount()).token;
  const [p1, p2] = fx.products;
  for (let daysAgo = 0; daysAgo <= 6; daysAgo++) await sql(t, `update fx_rate set rate = 0.90 where base = 'USD' and quote = 'EUR' and date = ?`, [utcDay(at(daysAgo))]);
  await sql(t, `update fx_rate set rate = 0.92 where base = 'USD' and quote = 'EUR' and date = ?`, [utcDay(at(10))]);

  const item1 = await addItem(t, seller, p1.variants[0].id, '120.00', { purchasedAt: at(40) });
  await recordSale(t, seller, { platform: 'stockx', inventoryItemId: item1, salePrice: '200.00', orderedAt: at(5) });
  const item2 = await addItem(t, seller, p1.variants[1].id, '90.00', { purchasedAt: at(40) });
  await recordSale(t, seller, { platform: 'ebay', inventoryItemId: item2, salePrice: '150.00', shippingCost: '12.50', orderedAt: at(4) });
  const item3 = await addItem(t, seller, p2.variants[0].id, '40.00', { purchasedAt: at(40) });
  await recordSale(t, seller, { platform: 'stockx', inventoryItemId: item3, salePrice: '40.00', status: 'DELIVERED', orderedAt: at(3) });
  await recordSale(t, seller, { platform: 'ebay', variantId: p2.variants[1].id, salePrice: '80.00', orderedAt: at(2) });
  const o5 = await recordSale(t, seller, { platform: 'alias', variantId: p1.variants[0].id, salePrice: '150.00', costBasis: '100.00', orderedAt: at(1) });
  const o6 = await recordSale(t, seller, { platform: 'stockx', variantId: p1.variants[1].id, salePrice: '300.00', status: 'PENDING', orderedAt: at(1) });
  await recordSale(t, seller, { platform: 'alias', variantId: p1.variants[0].id, salePrice: '100.00', currency: 'EUR', costBasis: '50.00', orderedAt: at(10) });
  for (const [id, status] of [[o5.id, 'RETURNED'], [o6.id, 'CANCELLED']] as const) {
    const res = await t.request(UpdateOrderStatusDocument, { input: { id, status } }, seller);
    expect(res.body.data!.updateOrderStatus.errors).toEqual([]);
  }
});
afterAll(() => t?.stop());

const money = <T extends Record<string, unknown>>(row: T, keys: Array<keyof T>) => Object.fromEntries(keys.map((k) => [k, cents(row[k] as string)]));

describe('profitAnalytics', () => {
  it('sums sales, payouts and profit in the base currency, with realized and pending profit, margin, ROI and return rate', async () => {
    const res = await t.request(ProfitAnalyticsDocument, { period: 'LAST_30_DAYS' }, seller);
    expect(res.body.errors).toBeUndefined();
    const p = res.body.data!.profitAnalytics;
    expect(p).toMatchObject({ period: 'LAST_30_DAYS', currency: 'USD', orders: 5, units: 5, completedOrders: 4, openOrders: 1, cancelledOrders: 1, returnedOrders: 1, ordersWithoutProfit: 1, ordersWithoutRate: 0 });
    // revenue 200 + 150 + 40 + 80 + 108.70; fees 24.00 + 20.18 + 6.20 + 10.90 + 18.91; cost of the sales with a cost 120 + 90 + 40 + 54.35;
    // profit 56.00 + 27.32 − 6.20 + 35.44; gross (200−120) + (150−90) + (40−40) + (108.70−54.35).
    expect(money(p, ['revenue', 'fees', 'shipping', 'netProceeds', 'costBasis', 'grossProfit', 'netProfit', 'realizedNetProfit', 'pendingNetProfit', 'averageNetProfit'])).toEqual({
      revenue: '578.70', fees: '80.19', shipping: '12.50', netProceeds: '486.01', costBasis: '304.35', grossProfit: '194.35',
      netProfit: '112.56', realizedNetProfit: '118.76', pendingNetProfit: '-6.20', averageNetProfit: '28.14',
    });
    // margin 112.56 / 498.70 (revenue of the sales with a cost) = 0.22570… ; ROI 112.56 / 304.35 = 0.36983… ; returns 1 of 6 reached buyers.
    expect([ratio(p.margin), ratio(p.roi), ratio(p.returnRate)]).toEqual(['0.2257', '0.3698', '0.1667']);
  });

  it('narrows to the period: the last 7 days leave out the EUR sale ten days ago', async () => {
    const p = (await t.request(ProfitAnalyticsDocument, { period: 'LAST_7_DAYS' }, seller)).body.data!.profitAnalytics;
    expect({ orders: p.orders, revenue: cents(p.revenue), netProfit: cents(p.netProfit) }).toEqual({ orders: 4, revenue: '470.00', netProfit: '77.12' });
  });
});

describe('salesSummary', () => {
  it('groups by marketplace in one GROUP BY statement, largest revenue first', async () => {
    const { body, statements } = await t.statementsOf(SalesSummaryDocument, { groupBy: 'MARKETPLACE', from: at(30) }, seller);
    const res = { body };
    expect(res.body.errors).toBeUndefined();
    expect(statements.filter((s) => /group by/i.test(s))).toHaveLength(1);
    const rows = res.body.data!.salesSummary.map((b) => ({
      key: b.key, platform: b.platform?.slug, orders: b.orders, returned: b.returnedOrders, withoutProfit: b.ordersWithoutProfit,
      ...money(b, ['revenue', 'fees', 'shipping', 'netProceeds', 'costBasis', 'netProfit']), margin: ratio(b.margin), roi: ratio(b.roi),
    }));
    expect(rows).toEqual([
      { key: 'stockx', platform: 'stockx', orders: 2, returned: 0, withoutProfit: 0, revenue: '240.00', fees: '30.20', shipping: '0.00', netProceeds: '209.80', costBasis: '160.00', netProfit: '49.80', margin: '0.2075', roi: '0.3112' },
      { key: 'ebay', platform: 'ebay', orders: 2, returned: 0, withoutProfit: 1, revenue: '230.00', fees: '31.08', shipping: '12.50', netProceeds: '186.42', costBasis: '90.00', netProfit: '27.32', margin: '0.1821', roi: '0.3036' },
      { key: 'alias', platform: 'alias', orders: 1, returned: 1, withoutProfit: 0, revenue: '108.70', fees: '18.91', shipping: '0.00', netProceeds: '89.79', costBasis: '54.35', netProfit: '35.44', margin: '0.3260', roi: '0.6521' },
    ]);
  });

  it('converts to another currency at each order date\'s rate, line by line (USD/EUR 0.90; the EUR sale stays as sold)', async () => {
    const res = await t.request(SalesSummaryDocument, { groupBy: 'MARKETPLACE', from: at(30), currency: 'EUR' }, seller);
    const rows = res.body.data!.salesSummary.map((b) => ({ key: b.key, currency: b.currency, ...money(b, ['revenue', 'fees', 'shipping', 'netProceeds', 'costBasis', 'netProfit']) }));
    // StockX: 180.00 + 36.00; fees 16.20 + 5.40 + 4.50 + 1.08; cost 108.00 + 36.00. eBay: 135.00 + 72.00; fees 17.89 + 0.27 + 9.54 + 0.27;
    // shipping 11.25; cost 81.00. Alias: the EUR sale itself, 100.00 − 17.40 = 82.60, cost 50.00.
    expect(rows).toEqual([
      { key: 'stockx', currency: 'EUR', revenue: '216.00', fees: '27.18', shipping: '0.00', netProceeds: '188.82', costBasis: '144.00', netProfit: '44.82' },
      { key: 'ebay', currency: 'EUR', revenue: '207.00', fees: '27.97', shipping: '11.25', netProceeds: '167.78', costBasis: '81.00', netProfit: '24.59' },
      { key: 'alias', currency: 'EUR', revenue: '100.00', fees: '17.40', shipping: '0.00', netProceeds: '82.60', costBasis: '50.00', netProfit: '32.60' },
    ]);
  });

  it('groups by day and by month (UTC), the buckets adding up to the whole', async () => {
    const days = (await t.request(SalesSummaryDocument, { groupBy: 'DAY', from: at(30) }, seller)).body.data!.salesSummary;
    expect(days.map((d) => [d.key, cents(d.revenue), d.orders, d.returnedOrders])).toEqual([
      [utcDay(at(10)), '108.70', 1, 0], [utcDay(at(5)), '200.00', 1, 0], [utcDay(at(4)), '150.00', 1, 0], [utcDay(at(3)), '40.00', 1, 0], [utcDay(at(2)), '80.00', 1, 0], [utcDay(at(1)), '0.00', 0, 1],
    ]);
    const months = (await t.request(SalesSummaryDocument, { groupBy: 'MONTH', from: at(30) }, seller)).body.data!.salesSummary;
    expect(months.every((m) => /^\d{4}-\d{2}$/.test(m.key))).toBe(true);
    expect(months.reduce((sum, m) => sum + Number(cents(m.netProfit)!.replace('.', '')), 0)).toBe(11256);
    expect(months.reduce((sum, m) => sum + m.orders, 0)).toBe(5);
  });

  it('groups by product', async () => {
    const res = await t.request(SalesSummaryDocument, { groupBy: 'PRODUCT', from: at(30) }, seller);
    const rows = res.body.data!.salesSummary.map((b) => ({ sku: b.product?.sku, orders: b.orders, units: b.units, returned: b.returnedOrders, ...money(b, ['revenue', 'fees', 'netProceeds', 'costBasis', 'netProfit']) }));
    expect(rows).toEqual([
      { sku: fx.products[0].sku, orders: 3, units: 3, returned: 1, revenue: '458.70', fees: '63.09', netProceeds: '383.11', costBasis: '264.35', netProfit: '118.76' },
      { sku: fx.products[1].sku, orders: 2, units: 2, returned: 0, revenue: '120.00', fees: '17.10', netProceeds: '102.90', costBasis: '40.00', netProfit: '-6.20' },
    ]);
  });

  it('rejects bad windows and currencies', async () => {
    const cases: Array<Record<string, unknown>> = [
      { groupBy: 'DAY', from: at(1), to: at(2) },
      { groupBy: 'DAY', from: '2000-01-01T00:00:00Z', to: '2020-01-01T00:00:00Z' },
      { groupBy: 'DAY', currency: 'EURO' },
      { groupBy: 'WEEK' },
    ];
    for (const vars of cases) {
      const res = await t.request(SalesSummaryDocument, vars as never, seller);
      expect({ vars, code: res.body.errors?.[0].extensions?.code }).toEqual({ vars, code: 'BAD_USER_INPUT' });
    }
  });
});

describe('top products and return rates by marketplace', () => {
  it('ranks products per platform by revenue', async () => {
    const res = await t.request(TopProductsDocument, { from: at(30), limit: 5 }, seller);
    const [p1, p2] = fx.products.map((p) => p.sku);
    expect(res.body.data!.topProductsByMarketplace.map((m) => [m.platform.slug, m.products.map((p) => [p.rank, p.product?.sku, p.units, cents(p.revenue), cents(p.netProfit)])])).toEqual([
      ['alias', [[1, p1, 1, '108.70', '35.44']]],
      ['ebay', [[1, p1, 1, '150.00', '27.32'], [2, p2, 1, '80.00', '0.00']]],
      ['stockx', [[1, p1, 1, '200.00', '56.00'], [2, p2, 1, '40.00', '-6.20']]],
    ]);
    const one = await t.request(TopProductsDocument, { from: at(30), limit: 1 }, seller);
    expect(one.body.data!.topProductsByMarketplace.every((m) => m.products.length === 1)).toBe(true);
    const bad = await t.request(TopProductsDocument, { limit: 0 }, seller);
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('computes the return rate of orders that reached the buyer', async () => {
    const res = await t.request(ReturnRatesDocument, { from: at(30) }, seller);
    expect(res.body.data!.returnRatesByMarketplace.map((r) => [r.platform.slug, r.delivered, r.returned, ratio(r.returnRate)])).toEqual([
      ['alias', 2, 1, '0.5000'],
      ['ebay', 2, 0, '0.0000'],
      ['stockx', 2, 0, '0.0000'],
    ]);
  });
});

describe('tenancy', () => {
  it("another account's analytics see none of these orders", async () => {
    const profit = (await t.request(ProfitAnalyticsDocument, { period: 'ALL_TIME' }, other)).body.data!.profitAnalytics;
    expect({ orders: profit.orders, revenue: cents(profit.revenue), netProfit: cents(profit.netProfit), margin: profit.margin, returnRate: profit.returnRate }).toEqual({
      orders: 0, revenue: '0.00', netProfit: '0.00', margin: null, returnRate: null,
    });
    for (const groupBy of ['MARKETPLACE', 'DAY', 'MONTH', 'PRODUCT'] as const) {
      expect((await t.request(SalesSummaryDocument, { groupBy, from: at(30) }, other)).body.data!.salesSummary).toEqual([]);
    }
    expect((await t.request(TopProductsDocument, { from: at(30) }, other)).body.data!.topProductsByMarketplace).toEqual([]);
    expect((await t.request(ReturnRatesDocument, { from: at(30) }, other)).body.data!.returnRatesByMarketplace).toEqual([]);
    const anonymous = await t.request(ProfitAnalyticsDocument, { period: 'ALL_TIME' });
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('fx_convert', () => {
  it('converts in SQL exactly as the application does (findFxRate + convertMoney): direct, inverse, crossed through USD, or not at all', async () => {
    const em = t.app.orm.em.fork();
    const amounts = ['0.01', '19.99', '108.70', '1234.56', '99999.95'];
    const pairs = [['USD', 'EUR'], ['EUR', 'USD'], ['GBP', 'JPY'], ['EUR', 'GBP'], ['INR', 'USD'], ['CAD', 'AUD'], ['USD', 'USD']];
    const days = [1, 17, 45, 200].map((n) => utcDay(at(n))).concat(['2001-01-01']);
    let compared = 0;
    for (const day of days) {
      for (const [from, to] of pairs) {
        const quote = await findFxRate(em, from, to, day);
        for (const amount of amounts) {
          const [row] = await sql<{ v: string | null }>(t, 'select fx_convert(?::numeric, ?, ?, ?::date)::text as v', [amount, from, to, day]);
          const expected = quote || from === to ? convertMoney(new Decimal(amount), from, to, quote ?? undefined).toFixed(2) : null;
          expect({ amount, from, to, day, sql: cents(row.v) }).toEqual({ amount, from, to, day, sql: expected });
          compared++;
        }
      }
    }
    expect(compared).toBe(175);
  });
});
