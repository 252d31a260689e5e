import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

interface Platforms {
  platforms: Array<{ slug: string; name: string; fees: { sellerFeeRate: string; minimumFee: { amount: string; currency: string } | null } }>;
}

it('answers platforms over HTTP: every platform of the catalog with its published fees', async () => {
  const res = await t.request<Platforms, never>('{ platforms { slug name fees { sellerFeeRate minimumFee { amount currency } } } }');
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
  const bySlug = Object.fromEntries(res.body.data!.platforms.map((p) => [p.slug, p]));
  expect(Object.keys(bySlug).sort()).toEqual(['alias', 'amazon', 'blokpax', 'ebay', 'flipkart', 'goat', 'manual', 'shootstrayt', 'shopify', 'stockx']);
  expect(bySlug.stockx).toMatchObject({ name: 'StockX', fees: { minimumFee: { amount: '5', currency: 'USD' } } });
  expect(Number(bySlug.stockx.fees.sellerFeeRate)).toBe(0.09);
  expect(Number(bySlug.ebay.fees.sellerFeeRate)).toBe(0.1325);
  expect(bySlug.flipkart.name).toBe('Flipkart');
});
