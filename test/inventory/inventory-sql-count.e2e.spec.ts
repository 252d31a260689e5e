import { InventoryMarketDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { addItem, listItem, marketFixture, quote, type MarketFixture } from './inventory-support';

let t: TestApp;
let fx: MarketFixture;
let token: string;
let added = 0;
const SIZES = Array.from({ length: 10 }, (_, i) => String(7 + i / 2));

/** Items round-robin over 50 sizes with prices on two platforms; every third item is listed on eBay. */
async function addUpTo(total: number): Promise<void> {
  const variants = fx.products.flatMap((p) => p.variants);
  for (; added < total; added++) {
    const variant = variants[added % variants.length];
    const id = await addItem(t, token, variant.id, '100.00');
    if (added % 3 === 0) await listItem(t, token, { inventoryItemId: id, platform: 'ebay', price: '180.00' });
  }
}

async function statementsOf(first: number) {
  const { body, count, statements } = await t.statementsOf(InventoryMarketDocument, { first }, token);
  expect(body.errors).toBeUndefined();
  return { count, statements, edges: body.data!.inventory.edges };
}

beforeAll(async () => {
  t = await startTestApp();
  fx = await marketFixture(t, Array.from({ length: 5 }, () => SIZES));
  token = (await t.createAccount()).token;
  const variants = fx.products.flatMap((p) => p.variants);
  await quote(t, fx, variants.flatMap((v) => [
    { variant: v.uuid, platform: 'stockx', ask: '200.00', bid: '180.00', last: '190.00', sales7d: 7 },
    { variant: v.uuid, platform: 'ebay', ask: '210.00', last: '205.00' },
  ]));
});
afterAll(() => t?.stop());

it('inventory(first: 50) { marketplaceData valuation } costs the same number of statements for 5 and for 50 items', async () => {
  await addUpTo(5);
  const small = await statementsOf(50);
  expect(small.edges).toHaveLength(5);
  expect(small.edges.every((e) => e.node.marketplaceData.length === 2 && e.node.valuation.platforms.length === 2)).toBe(true);

  await addUpTo(50);
  const large = await statementsOf(50);
  expect(large.edges).toHaveLength(50);
  expect(large.edges.every((e) => e.node.marketplaceData.length === 2 && e.node.valuation.best !== null)).toBe(true);
  expect(large.edges.filter((e) => e.node.marketplaceData.some((d) => d.ourAsk !== null))).toHaveLength(17);

  console.log(
    `inventory(first: 50) { marketplaceData valuation }: ${small.count} SQL statements for 5 items, ${large.count} for 50\n  ` +
      large.statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 110)).join('\n  '),
  );
  expect(large.count).toBe(small.count);
});
