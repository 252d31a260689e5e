import { toGlobalId, uuidOf } from '../../src/common/node';
import { TaxReportDocument, UpdateOrderStatusDocument, type TaxReportQuery } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { addItem, cents, marketFixture, recordSale, type MarketFixture } from './orders-support';

let t: TestApp;
let fx: MarketFixture;
let seller: string;
let other: string;
let lot1: string;
let lot2: string;
let product: string;

/**
 * Lots of one size: L1 3 units at 100.00 bought 2023-01-10, L2 1 unit at 130.00 bought 2025-01-20.
 * Completed sales: S0 2024-12-15 1 unit (of L1) on Manual for 150.00, no fees;
 *                  S1 2025-03-01 1 unit (of L2) on StockX for 200.00: fees 18.00 + 6.00 = 24.00;
 *                  S2 2025-06-15 2 units (of L1) on eBay for 400.00 + 20.00 shipping: fees 53.00 + 0.30 + 20.00 = 73.30;
 *                  S3 2025-07-01 1 unit of another size nobody bought (a problem, not a row).
 * Not sales: a PENDING order and a RETURNED one.
 */
beforeAll(async () => {
  t = await startTestApp();
  fx = await marketFixture(t, [['9', '10']]);
  seller = (await t.createAccount()).token;
  other = (await t.createAccount()).token;
  const [size9, size10] = fx.products[0].variants;
  product = (await t.request<{ node: { name: string } }, { id: string }>('query($id: ID!) { node(id: $id) { ... on Product { name } } }', { id: fx.products[0].id })).body.data!.node.name;
  lot1 = await addItem(t, seller, size9.id, '100.00', { quantity: 3, purchasedAt: '2023-01-10T15:00:00Z' });
  lot2 = await addItem(t, seller, size9.id, '130.00', { purchasedAt: '2025-01-20T15:00:00Z' });
  await recordSale(t, seller, { platform: 'manual', inventoryItemId: lot1, salePrice: '150.00', orderedAt: '2024-12-15T12:00:00Z', externalOrderNumber: 'S0' });
  await recordSale(t, seller, { platform: 'stockx', inventoryItemId: lot2, salePrice: '200.00', orderedAt: '2025-03-01T12:00:00Z', externalOrderNumber: 'S1' });
  await recordSale(t, seller, { platform: 'ebay', inventoryItemId: lot1, quantity: 2, salePrice: '400.00', shippingCost: '20.00', orderedAt: '2025-06-15T12:00:00Z', externalOrderNumber: 'S2' });
  await recordSale(t, seller, { platform: 'manual', variantId: size10.id, salePrice: '50.00', orderedAt: '2025-07-01T12:00:00Z', externalOrderNumber: 'S3' });
  await recordSale(t, seller, { platform: 'manual', variantId: size9.id, salePrice: '999.00', status: 'PENDING', orderedAt: '2025-08-01T12:00:00Z', externalOrderNumber: 'OPEN' });
  const returned = await recordSale(t, seller, { platform: 'manual', variantId: size9.id, salePrice: '888.00', orderedAt: '2025-08-02T12:00:00Z', externalOrderNumber: 'BACK' });
  await t.request(UpdateOrderStatusDocument, { input: { id: returned.id, status: 'RETURNED' } }, seller);
  await recordSale(t, other, { platform: 'manual', variantId: size9.id, salePrice: '10.00', orderedAt: '2025-05-05T12:00:00Z', externalOrderNumber: 'OTHER' });
});
afterAll(() => t?.stop());

type Report = TaxReportQuery['taxReport'];
const rowsOf = (report: Report) =>
  report.rows.map((r) => [r.saleId, r.quantity, r.acquiredOn, r.soldOn, cents(r.proceeds), cents(r.costBasis), cents(r.fees), cents(r.gain), r.term, r.inventoryItemId === lot1 ? 'L1' : r.inventoryItemId === lot2 ? 'L2' : r.inventoryItemId]);
const totalsOf = (report: Report) => Object.fromEntries(Object.entries(report.totals).map(([k, v]) => [k, cents(v as string)]));

describe('taxReport', () => {
  it('FIFO: earlier years use up lots first; a sale split across lots gets one row per lot, its fees split to the cent', async () => {
    const res = await t.request(TaxReportDocument, { year: 2025 }, seller);
    expect(res.body.errors).toBeUndefined();
    const report = res.body.data!.taxReport;
    expect(report).toMatchObject({ year: 2025, method: 'FIFO', currency: 'USD' });
    // S0 (2024) took one unit of L1. S1 takes the oldest remaining unit: L1 at 100.00, held > 1 year → LONG, gain 200 − 24 − 100.
    // S2 takes L1's last unit and L2: proceeds 400 and fees 73.30 split by units (200.00/200.00, 36.65/36.65).
    expect(rowsOf(report)).toEqual([
      ['stockx:S1', 1, '2023-01-10', '2025-03-01', '200.00', '100.00', '24.00', '76.00', 'LONG', 'L1'],
      ['ebay:S2', 1, '2023-01-10', '2025-06-15', '200.00', '100.00', '36.65', '63.35', 'LONG', 'L1'],
      ['ebay:S2', 1, '2025-01-20', '2025-06-15', '200.00', '130.00', '36.65', '33.35', 'SHORT', 'L2'],
    ]);
    expect(totalsOf(report)).toEqual({ proceeds: '600.00', costBasis: '330.00', fees: '97.30', gain: '172.70', shortTermGain: '33.35', longTermGain: '139.35' });
    expect(report.rows[0].description).toBe(`${product} (9)`);
    expect(uuidOf(report.rows[0].orderId, 'Order')).not.toBeNull();
    expect(report.problems.map((p) => [p.code, p.unmatchedQuantity])).toEqual([['INSUFFICIENT_LOTS', 1]]);
  });

  it('SPECIFIC: each sale uses the inventory item it was recorded against', async () => {
    const report = (await t.request(TaxReportDocument, { year: 2025, method: 'SPECIFIC' }, seller)).body.data!.taxReport;
    // S1 names L2 (130.00, bought 2025-01-20 → SHORT): 200 − 24 − 130 = 46.00. S2 names L1 (2 × 100.00, LONG): 400 − 73.30 − 200 = 126.70.
    expect(rowsOf(report)).toEqual([
      ['stockx:S1', 1, '2025-01-20', '2025-03-01', '200.00', '130.00', '24.00', '46.00', 'SHORT', 'L2'],
      ['ebay:S2', 2, '2023-01-10', '2025-06-15', '400.00', '200.00', '73.30', '126.70', 'LONG', 'L1'],
    ]);
    expect(totalsOf(report)).toEqual({ proceeds: '600.00', costBasis: '330.00', fees: '97.30', gain: '172.70', shortTermGain: '46.00', longTermGain: '126.70' });
  });

  it('reports the earlier year on its own', async () => {
    const report = (await t.request(TaxReportDocument, { year: 2024 }, seller)).body.data!.taxReport;
    expect(rowsOf(report)).toEqual([['manual:S0', 1, '2023-01-10', '2024-12-15', '150.00', '100.00', '0.00', '50.00', 'LONG', 'L1']]);
    expect(report.problems).toEqual([]);
  });

  it("shows another account none of these rows, and rejects years out of range", async () => {
    const theirs = (await t.request(TaxReportDocument, { year: 2025 }, other)).body.data!.taxReport;
    expect(theirs.rows).toEqual([]);
    expect(theirs.problems.map((p) => p.code)).toEqual(['INSUFFICIENT_LOTS']);
    expect(theirs.problems[0].orderId).not.toBe(toGlobalId('Order', '00000000-0000-4000-8000-000000000000'));
    for (const year of [1969, 2101]) {
      const res = await t.request(TaxReportDocument, { year }, seller);
      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await t.request(TaxReportDocument, { year: 2025 })).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('GET /reports/tax.csv', () => {
  const download = (query: string, token?: string) => fetch(`${t.url}/reports/tax.csv${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('serves the viewer\'s report as RFC 4180 CSV', async () => {
    const res = await download('?year=2025&method=FIFO', seller);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tax-report-2025-FIFO.csv"');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(await res.text()).toBe(
      [
        'Description,Quantity,Date acquired,Date sold,Proceeds,Cost basis,Fees,Gain,Term,Sale ID,Lot ID',
        `${product} (9),1,2023-01-10,2025-03-01,200.00,100.00,24.00,76.00,LONG,stockx:S1,${lot1}`,
        `${product} (9),1,2023-01-10,2025-06-15,200.00,100.00,36.65,63.35,LONG,ebay:S2,${lot1}`,
        `${product} (9),1,2025-01-20,2025-06-15,200.00,130.00,36.65,33.35,SHORT,ebay:S2,${lot2}`,
        '',
      ].join('\r\n'),
    );
    const specific = await download('?year=2025&method=specific', seller);
    expect((await specific.text()).split('\r\n')[2]).toBe(`${product} (9),2,2023-01-10,2025-06-15,400.00,200.00,73.30,126.70,LONG,ebay:S2,${lot1}`);
  });

  it('needs a valid key (401), a year and a method (400), and only ever holds the viewer\'s rows', async () => {
    for (const [query, token, status, code] of [
      ['?year=2025', undefined, 401, 'UNAUTHENTICATED'],
      ['?year=2025', 'mg_not_a_real_key', 401, 'UNAUTHENTICATED'],
      ['', seller, 400, 'BAD_USER_INPUT'],
      ['?year=twenty', seller, 400, 'BAD_USER_INPUT'],
      ['?year=2025&method=LIFO', seller, 400, 'BAD_USER_INPUT'],
      ['?year=1800', seller, 400, 'BAD_USER_INPUT'],
    ] as const) {
      const res = await download(query, token);
      const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect({ query, token, status: res.status, code: body.errors[0].extensions.code }).toEqual({ query, token, status, code });
    }
    const unauthorized = await download('?year=2025');
    expect(unauthorized.headers.get('www-authenticate')).toBe('Bearer');
    const theirs = await download('?year=2025', other);
    expect(theirs.status).toBe(200);
    expect(await theirs.text()).toBe('Description,Quantity,Date acquired,Date sold,Proceeds,Cost basis,Fees,Gain,Term,Sale ID,Lot ID\r\n');
  });
});
