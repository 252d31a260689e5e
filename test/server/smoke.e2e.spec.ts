import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

it('answers platforms over HTTP', async () => {
  const res = await t.request<{ platforms: { slug: string }[] }, never>('{ platforms { slug name fees { sellerFeeRate minimumFee { amount currency } } } }');
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data!.platforms.map((p) => p.slug)).toHaveLength(10);
});
