import { uuidOf } from '../../src/common/node';
import { ListingNodeDocument } from '../generated/graphql';
import { addItem, listItem, marketFixture, quote, sql, waitFor, type MarketFixture } from '../inventory/inventory-support';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let fx: MarketFixture;
let token: string;

beforeAll(async () => {
  t = await startTestApp({ ROLE: 'all', JOB_POLL_INTERVAL_SECONDS: '0.5', SIMULATOR_ENABLED: 'false' });
  fx = await marketFixture(t, [['9', '10']]);
  token = (await t.createAccount()).token;
});
afterAll(() => t?.stop());

it('reprices from price-change events, debounced into one job per listing, with MARKET_UPDATE history', async () => {
  const [size] = fx.products[0].variants;
  await quote(t, fx, [{ variant: size.uuid, platform: 'stockx', ask: '200.00', bid: '150.00' }]);
  const item = await addItem(t, token, size.id, '100.00');
  const { listing } = await listItem(t, token, { inventoryItemId: item, platform: 'stockx', rule: { strategy: 'COMPETITIVE' } });
  expect(listing!.askPrice.amount).toBe('199.99');
  const fixedItem = await addItem(t, token, size.id, '100.00');
  const fixed = (await listItem(t, token, { inventoryItemId: fixedItem, platform: 'ebay', price: '250.00' })).listing!;

  // A burst of three moves inside the debounce window: one reprice, at the latest market.
  for (const ask of ['190.00', '185.00', '180.00']) await quote(t, fx, [{ variant: size.uuid, platform: 'stockx', ask, bid: '150.00' }]);
  const uuid = uuidOf(listing!.id, 'Listing')!;
  await waitFor('the event-driven reprice', async () => {
    const node = (await t.request(ListingNodeDocument, { id: listing!.id }, token)).body.data!.node as { askPrice: { amount: string } };
    return node.askPrice.amount === '179.99';
  }, 30_000);
  const history = await sql<Record<string, string>>(t, 'select old_price, new_price, reason, strategy, market_lowest_ask from pricing_history where listing_id = ?', [uuid]);
  expect(history).toEqual([{ old_price: '199.99', new_price: '179.99', reason: 'MARKET_UPDATE', strategy: 'COMPETITIVE', market_lowest_ask: '180.00' }]);
  const jobs = await sql<{ count: number }>(t, "select count(*)::int as count from pgboss.job where name = 'selling.reprice-listing' and singleton_key = ?", [uuid]);
  expect(jobs[0].count).toBe(1);
  // Only listings on the changed (size, platform) are touched.
  const untouched = await sql(t, "select 1 from pgboss.job where name = 'selling.reprice-listing' and singleton_key = ?", [uuidOf(fixed.id, 'Listing')]);
  expect(untouched).toEqual([]);
});

it('schedules the repricing sweep and the operation sweep', async () => {
  const schedules = await sql<{ name: string; cron: string }>(t, "select name, cron from pgboss.schedule where name in ('selling.reprice', 'selling.listing-operations-sweep') order by name");
  expect(schedules).toEqual([
    { name: 'selling.listing-operations-sweep', cron: '* * * * *' },
    { name: 'selling.reprice', cron: '*/15 * * * *' },
  ]);
});
