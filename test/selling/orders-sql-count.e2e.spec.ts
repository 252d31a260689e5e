import { OrdersDeepDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { addItem, listItem, marketFixture, recordSale, type MarketFixture } from './orders-support';

let t: TestApp;
let fx: MarketFixture;
let seller: string;
let recorded = 0;

const platforms = ['stockx', 'ebay', 'alias', 'manual'];

/** Orders up to `total`: each sells a listed item (listing, item, platform and line variant all resolvable). */
async function recordUpTo(total: number): Promise<void> {
  for (; recorded < total; recorded++) {
    const variant = fx.products[recorded % fx.products.length].variants[recorded % 2];
    const item = await addItem(t, seller, variant.id, '80.00');
    const platform = platforms[recorded % platforms.length];
    if (platform === 'manual') {
      await recordSale(t, seller, { platform, inventoryItemId: item, salePrice: '120.00' });
    } else {
      const { listing } = await listItem(t, seller, { inventoryItemId: item, platform, price: '130.00' });
      await recordSale(t, seller, { listingId: listing!.id, salePrice: '125.00' });
    }
  }
}

async function statementsOf(first: number) {
  const { body, count, statements } = await t.statementsOf(OrdersDeepDocument, { first }, seller);
  expect(body.errors).toBeUndefined();
  return { count, statements, edges: body.data!.orders.edges };
}

beforeAll(async () => {
  t = await startTestApp();
  fx = await marketFixture(t, [['9', '10'], ['9', '10'], ['9', '10']]);
  seller = (await t.createAccount()).token;
});
afterAll(() => t?.stop());

it('orders(first: 50) with items → variant, listing → platform, inventoryItem and platform costs the same statements for 5 and for 50 orders', async () => {
  await recordUpTo(5);
  const small = await statementsOf(50);
  expect(small.edges).toHaveLength(5);
  await recordUpTo(50);
  const large = await statementsOf(50);
  expect(large.edges).toHaveLength(50);
  expect(large.edges.every((e) => e.node.items.length === 1 && e.node.items[0].variant && e.node.inventoryItem)).toBe(true);
  expect(large.edges.filter((e) => e.node.listing).every((e) => e.node.listing!.platform.slug === e.node.platform.slug)).toBe(true);
  console.log(
    `orders(first: 50) deep: ${small.count} SQL statements for 5 orders, ${large.count} for 50\n  ` +
      large.statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 110)).join('\n  '),
  );
  expect(large.count).toBe(small.count);
});
