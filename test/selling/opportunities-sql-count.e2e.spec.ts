import { detectArbitrageOpportunities } from '../../src/domains/selling';
import { ArbitrageOpportunitiesDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { createProducts, platformIds, quote, type MarketFixture } from './orders-support';

let t: TestApp;
let fx: MarketFixture;
let viewer: string;

/** `n` more sizes that each pay to buy on eBay at 100.00 and sell at StockX's 150.00 bid (profit 32.00). */
async function addRoutes(n: number): Promise<void> {
  const products = await createProducts(t, fx.admin, Array.from({ length: n }, () => ['9']));
  fx.products.push(...products);
  await quote(t, fx, products.flatMap((p) => [
    { variant: p.variants[0].uuid, platform: 'ebay', ask: '100.00', last: '120.00', sales30d: 4 },
    { variant: p.variants[0].uuid, platform: 'stockx', ask: '160.00', bid: '150.00', sales30d: 9 },
  ]));
  await detectArbitrageOpportunities(t.app.orm.em.fork());
}

async function statementsOf(first: number) {
  const { body, count, statements } = await t.statementsOf(ArbitrageOpportunitiesDocument, { first }, viewer);
  expect(body.errors).toBeUndefined();
  return { count, statements, edges: body.data!.arbitrageOpportunities.edges };
}

beforeAll(async () => {
  t = await startTestApp();
  const admin = (await t.createAccount({ admin: true })).token;
  fx = { admin, products: [], platforms: await platformIds(t) };
  viewer = (await t.createAccount()).token;
});
afterAll(() => t?.stop());

it('arbitrageOpportunities(first: 50) with status, size, product and both platforms costs the same statements for 5 and for 50 rows', async () => {
  await addRoutes(5);
  const small = await statementsOf(50);
  expect(small.edges).toHaveLength(5);
  await addRoutes(45);
  const large = await statementsOf(50);
  expect(large.edges).toHaveLength(50);
  expect(large.edges.every((e) => e.node.status === 'OPEN' && e.node.expectedProfit === '32' && e.node.buyPlatform.slug === 'ebay' && e.node.sellPlatform.slug === 'stockx' && e.node.product.sku)).toBe(true);
  console.log(`arbitrageOpportunities(first: 50) deep: ${small.count} SQL statements for 5 rows, ${large.count} for 50\n  ` + large.statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 110)).join('\n  '));
  expect(large.count).toBe(small.count);
});
