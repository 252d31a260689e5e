import { ListingsHistoryDocument, UpdateListingPriceDocument } from '../generated/graphql';
import { addItem, listItem, marketFixture, quote, type MarketFixture } from '../inventory/inventory-support';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let fx: MarketFixture;
let token: string;
let listed = 0;

/** Listings on eBay, each repriced by hand three times, so every one has history rows. */
async function listUpTo(total: number): Promise<void> {
  const variants = fx.products.flatMap((p) => p.variants);
  for (; listed < total; listed++) {
    const item = await addItem(t, token, variants[listed % variants.length].id, '100.00');
    const { listing } = await listItem(t, token, { inventoryItemId: item, platform: 'ebay', price: '200.00', rule: { strategy: 'COMPETITIVE' } });
    let version = listing!.version;
    for (const price of ['199.00', '198.00', '197.00']) {
      const res = await t.request(UpdateListingPriceDocument, { input: { id: listing!.id, price, expectedVersion: version } }, token);
      expect(res.body.data!.updateListingPrice.errors).toEqual([]);
      version = res.body.data!.updateListingPrice.listing!.version;
    }
  }
}

async function statementsOf(first: number) {
  const { body, count, statements } = await t.statementsOf(ListingsHistoryDocument, { first, last: 2 }, token);
  expect(body.errors).toBeUndefined();
  return { count, statements, edges: body.data!.listings.edges };
}

beforeAll(async () => {
  t = await startTestApp();
  fx = await marketFixture(t, Array.from({ length: 5 }, () => ['8', '9', '10', '11', '12']));
  token = (await t.createAccount()).token;
  await quote(t, fx, fx.products.flatMap((p) => p.variants).map((v) => ({ variant: v.uuid, platform: 'ebay', ask: '210.00', bid: '150.00' })));
});
afterAll(() => t?.stop());

it('listings(first: 50) { pricingHistory } costs the same number of statements for 5 and for 50 listings', async () => {
  await listUpTo(5);
  const small = await statementsOf(50);
  expect(small.edges).toHaveLength(5);
  expect(small.edges.every((e) => e.node.pricingHistory.map((h) => h.newPrice.amount).join() === '197,198')).toBe(true);

  await listUpTo(50);
  const large = await statementsOf(50);
  expect(large.edges).toHaveLength(50);
  expect(large.edges.every((e) => e.node.pricingHistory.length === 2 && e.node.pricingHistory[0].reason === 'MANUAL' && e.node.pricingHistory[0].listing.id === e.node.id)).toBe(true);

  console.log(
    `listings(first: 50) { pricingHistory(last: 2) { listing } }: ${small.count} SQL statements for 5 listings, ${large.count} for 50\n  ` +
      large.statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 110)).join('\n  '),
  );
  expect(large.count).toBe(small.count);
});
