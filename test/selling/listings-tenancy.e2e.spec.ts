import { toGlobalId } from '../../src/common/node';
import {
  ActivateListingDocument,
  CreateListingDocument,
  CreateListingsFromOpportunitiesDocument,
  DeactivateListingDocument,
  InventoryDocument,
  ListingsDocument,
  RemoveInventoryItemDocument,
  RepriceListingsDocument,
  SetRepricingRuleDocument,
  StrategyPerformanceDocument,
  UpdateInventoryItemDocument,
  UpdateListingPriceDocument,
} from '../generated/graphql';
import { addItem, collect, listItem, marketFixture, quote, tableContents, waitFor, type MarketFixture } from '../inventory/inventory-support';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let fx: MarketFixture;
let owner: string;
let intruder: string;
const ids = { item: '', listing: '', rule: '', history: '', variant: '' };
const TABLES = ['inventory_item', 'listing', 'repricing_rule', 'pricing_history', 'opportunity_action'];
const MISSING = {
  item: toGlobalId('InventoryItem', '00000000-0000-4000-8000-00000000000a'),
  listing: toGlobalId('Listing', '00000000-0000-4000-8000-00000000000b'),
};

beforeAll(async () => {
  t = await startTestApp();
  fx = await marketFixture(t, [['9']]);
  ids.variant = fx.products[0].variants[0].id;
  await quote(t, fx, [{ variant: fx.products[0].variants[0].uuid, platform: 'stockx', ask: '200.00', bid: '150.00' }]);
  owner = (await t.createAccount()).token;
  intruder = (await t.createAccount()).token;
  ids.item = await addItem(t, owner, ids.variant, '100.00');
  const { listing } = await listItem(t, owner, { inventoryItemId: ids.item, platform: 'stockx', rule: { strategy: 'COMPETITIVE' } });
  ids.listing = listing!.id;
  ids.rule = listing!.repricingRule!.id;
  const updated = await t.request(UpdateListingPriceDocument, { input: { id: ids.listing, price: '195.00', expectedVersion: listing!.version } }, owner);
  ids.history = updated.body.data!.updateListingPrice.pricingHistory!.id;
});
afterAll(() => t?.stop());

it("sees none of another account's objects by id, by node or through lists", async () => {
  const all = [ids.item, ids.listing, ids.rule, ids.history];
  const asOwner = await t.request<{ nodes: Array<{ id: string } | null> }, { ids: string[] }>('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: all }, owner);
  expect(asOwner.body.data!.nodes.map((n) => n?.id)).toEqual(all);
  for (const token of [intruder, undefined]) {
    const res = await t.request<{ nodes: unknown[] }, { ids: string[] }>('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: all }, token);
    expect(res.body.data!.nodes).toEqual([null, null, null, null]);
    for (const id of all) {
      const one = await t.request<{ node: unknown }, { id: string }>('query($id: ID!) { node(id: $id) { id } }', { id }, token);
      expect(one.body.data!.node).toBeNull();
    }
  }
  const inventory = await t.request(InventoryDocument, { first: 100, filter: { statuses: ['IN_STOCK', 'LISTED', 'SOLD', 'RETURNED', 'REMOVED'] } }, intruder);
  expect(inventory.body.data!.inventory).toMatchObject({ totalCount: 0, edges: [] });
  const listings = await t.request(ListingsDocument, { first: 100, filter: { ids: [ids.listing] } }, intruder);
  expect(listings.body.data!.listings).toMatchObject({ totalCount: 0, edges: [] });
  const performance = await t.request(StrategyPerformanceDocument, {}, intruder);
  expect(performance.body.data!.strategyPerformance).toEqual([]);
});

it("answers every mutation on another account's ids exactly like a missing id, and changes nothing", async () => {
  const before = await tableContents(t, TABLES);
  const mutations: Array<[string, (id: { item: string; listing: string }) => Promise<unknown>]> = [
    ['updateInventoryItem', async (id) => (await t.request(UpdateInventoryItemDocument, { input: { id: id.item, notes: 'mine now' } }, intruder)).body.data!.updateInventoryItem],
    ['removeInventoryItem', async (id) => (await t.request(RemoveInventoryItemDocument, { input: { id: id.item } }, intruder)).body.data!.removeInventoryItem],
    ['createListing', async (id) => (await t.request(CreateListingDocument, { input: { inventoryItemId: id.item, platform: 'ebay', price: '300.00' } }, intruder)).body.data!.createListing],
    [
      'createListingsFromOpportunities',
      async (id) => (await t.request(CreateListingsFromOpportunitiesDocument, { input: { listings: [{ inventoryItemId: id.item, variantId: ids.variant, platform: 'ebay', price: '300.00' }] } }, intruder)).body.data!.createListingsFromOpportunities,
    ],
    ['updateListingPrice', async (id) => (await t.request(UpdateListingPriceDocument, { input: { id: id.listing, price: '500.00', expectedVersion: 2 } }, intruder)).body.data!.updateListingPrice],
    ['activateListing', async (id) => (await t.request(ActivateListingDocument, { input: { id: id.listing } }, intruder)).body.data!.activateListing],
    ['deactivateListing', async (id) => (await t.request(DeactivateListingDocument, { input: { id: id.listing } }, intruder)).body.data!.deactivateListing],
    ['setRepricingRule', async (id) => (await t.request(SetRepricingRuleDocument, { input: { listingId: id.listing, rule: { strategy: 'FIXED', fixedPrice: '999.00' } } }, intruder)).body.data!.setRepricingRule],
    ['repriceListings', async (id) => (await t.request(RepriceListingsDocument, { input: { filter: { ids: [id.listing], inventoryItemIds: [id.item] } } }, intruder)).body.data!.repriceListings],
  ];
  for (const [name, run] of mutations) {
    const foreign = await run({ item: ids.item, listing: ids.listing });
    const missing = await run(MISSING);
    expect({ name, foreign }).toEqual({ name, foreign: missing });
    expect(JSON.stringify(foreign)).toMatch(name === 'repriceListings' ? /"evaluated":0/ : /NOT_FOUND/);
  }
  const everything = await t.request(RepriceListingsDocument, { input: { dryRun: false } }, intruder);
  expect(everything.body.data!.repriceListings.evaluated).toBe(0);
  expect(await tableContents(t, TABLES)).toBe(before);
});

it("never delivers another account's listing changes", async () => {
  const live = await t.liveSubscriptions();
  const mine = collect<{ listingChanged: { id: string } }>(t.wsClient(owner), 'subscription { listingChanged { id askPrice { amount } } }');
  const theirs = collect<{ listingChanged: { id: string } }>(t.wsClient(intruder), 'subscription { listingChanged { id askPrice { amount } } }');
  await t.untilSubscriptions(live + 2);
  const current = await t.request<{ node: { version: number } }, { id: string }>('query($id: ID!) { node(id: $id) { ... on Listing { version } } }', { id: ids.listing }, owner);
  const res = await t.request(UpdateListingPriceDocument, { input: { id: ids.listing, price: '190.00', expectedVersion: current.body.data!.node.version } }, owner);
  expect(res.body.data!.updateListingPrice.errors).toEqual([]);
  await mine.until(1);
  expect(mine.results[0].listingChanged.id).toBe(ids.listing);
  // The intruder's stream works (it gets its own change) and carried nothing before it.
  const ownItem = await addItem(t, intruder, ids.variant, '100.00');
  const own = await listItem(t, intruder, { inventoryItemId: ownItem, platform: 'ebay', price: '300.00' });
  await theirs.until(1);
  expect(theirs.results.map((r) => r.listingChanged.id)).toEqual([own.listing!.id]);
  expect(mine.results.map((r) => r.listingChanged.id)).toEqual([ids.listing]);
  const anonymous = collect(t.wsClient(), 'subscription { listingChanged { id } }');
  await waitFor('the anonymous subscription to be refused', () => anonymous.errors.length > 0);
  expect(JSON.stringify(anonymous.errors)).toMatch(/UNAUTHENTICATED/);
  mine.dispose();
  theirs.dispose();
});
