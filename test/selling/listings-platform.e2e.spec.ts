import { createContext } from '../../src/common/context';
import { uuidOf } from '../../src/common/node';
import { markListingSold, setListingChannelSource, type ChannelOperation, type ListingChannel } from '../../src/domains/selling';
import { connectionChannel } from '../../src/domains/selling/listings/connection-channel';
import { DeactivateListingDocument, LinkExternalRefDocument, ListingNodeDocument, RepriceListingsDocument, SetRepricingRuleDocument, UpdateListingPriceDocument } from '../generated/graphql';
import { addItem, collect, listItem, marketFixture, quote, waitFor, type MarketFixture } from '../inventory/inventory-support';
import { startTestApp, type TestApp } from '../support/app';

/** A marketplace double: records every call; `async` answers PENDING and succeeds on the first poll (like StockX). */
class FakeChannel implements ListingChannel {
  readonly calls: string[] = [];
  private listings = 0;
  private operations = 0;

  constructor(
    readonly platform: string,
    private readonly mode: 'sync' | 'async' | 'fail',
  ) {}

  private answer(operationType: ChannelOperation['operationType'], externalListingId: string | null): ChannelOperation {
    if (this.mode === 'fail') return { platform: this.platform, operationType, status: 'FAILED', externalListingId, operationId: null, error: 'ask below the platform minimum', raw: null };
    const pending = this.mode === 'async';
    return { platform: this.platform, operationType, status: pending ? 'PENDING' : 'SUCCEEDED', externalListingId, operationId: pending ? `op-${++this.operations}` : null, error: null, raw: null };
  }

  async createListing(input: { externalProductId: string; externalVariantId?: string; amount: string; currency: string }) {
    this.calls.push(`create ${input.externalProductId}/${input.externalVariantId ?? '-'} ${input.amount} ${input.currency}`);
    return this.answer('CREATE', `${this.platform}-L${++this.listings}`);
  }

  async updateListingPrice(input: { externalListingId: string; amount: string; currency: string }) {
    this.calls.push(`update ${input.externalListingId} ${input.amount} ${input.currency}`);
    return this.answer('UPDATE_PRICE', input.externalListingId);
  }

  async activateListing(id: string) {
    this.calls.push(`activate ${id}`);
    return this.answer('ACTIVATE', id);
  }

  async deactivateListing(id: string) {
    this.calls.push(`deactivate ${id}`);
    return this.answer('DEACTIVATE', id);
  }

  async pollOperation(operation: ChannelOperation): Promise<ChannelOperation> {
    this.calls.push(`poll ${operation.operationId}`);
    return { ...operation, status: 'SUCCEEDED', operationId: operation.operationId };
  }
}

let t: TestApp;
let fx: MarketFixture;
let seller: { token: string; accountId: string };
let unconnected: string;
let channels: Record<string, FakeChannel>;
let v: Array<{ id: string; uuid: string }>;

const listingOf = async (id: string) => (await t.request(ListingNodeDocument, { id }, seller.token)).body.data!.node as Record<string, any>;

beforeAll(async () => {
  t = await startTestApp({ ROLE: 'all', JOB_POLL_INTERVAL_SECONDS: '0.5', SIMULATOR_ENABLED: 'false' });
  fx = await marketFixture(t, [['9', '10', '11']]);
  v = fx.products[0].variants;
  seller = await t.createAccount();
  unconnected = (await t.createAccount()).token;
  for (const platform of ['stockx', 'ebay', 'alias']) {
    const res = await t.request(LinkExternalRefDocument, { input: { platform, productId: fx.products[0].id, externalId: `${platform}-product` } }, fx.admin);
    expect(res.body.data!.linkExternalRef.errors).toEqual([]);
  }
  await t.request(LinkExternalRefDocument, { input: { platform: 'stockx', variantId: v[0].id, externalId: 'sx-variant-9' } }, fx.admin);
  channels = { stockx: new FakeChannel('stockx', 'async'), ebay: new FakeChannel('ebay', 'sync'), alias: new FakeChannel('alias', 'fail'), shopify: new FakeChannel('shopify', 'sync') };
  setListingChannelSource(async (_em, target) => (target.accountId === seller.accountId ? (channels[target.platform] ?? null) : null));
  await quote(t, fx, [{ variant: v[0].uuid, platform: 'ebay', ask: '200.00' }]);
});
afterAll(async () => {
  setListingChannelSource(connectionChannel);
  await t?.stop();
});

it('creates the listing on a synchronous platform at once', async () => {
  const item = await addItem(t, seller.token, v[0].id, '100.00');
  const payload = await listItem(t, seller.token, { inventoryItemId: item, platform: 'ebay', price: '150.00' });
  expect(payload).toMatchObject({ platformSync: 'SYNCED', note: 'Applied on eBay.' });
  expect(payload.listing).toMatchObject({ status: 'ACTIVE', externalListingId: 'ebay-L1', externalOperationType: 'CREATE', externalOperationStatus: 'SUCCEEDED', inventoryItem: { status: 'LISTED' } });
  expect(channels.ebay.calls).toEqual(['create ebay-product/- 150.00 USD']);

  const price = await t.request(UpdateListingPriceDocument, { input: { id: payload.listing!.id, price: '140.00', expectedVersion: payload.listing!.version } }, seller.token);
  expect(price.body.data!.updateListingPrice).toMatchObject({ platformSync: 'SYNCED', listing: { askPrice: { amount: '140' }, externalOperationType: 'UPDATE_PRICE', externalOperationStatus: 'SUCCEEDED' }, errors: [] });
  expect(channels.ebay.calls.at(-1)).toBe('update ebay-L1 140.00 USD');
});

it('tracks an asynchronous platform as PENDING until the poll job sees the operation succeed, and streams the changes', async () => {
  const ws = t.wsClient(seller.token);
  const live = await t.liveSubscriptions();
  const events = collect<{ listingChanged: { id: string; status: string; externalOperationStatus: string | null } }>(ws, 'subscription { listingChanged { id status externalOperationStatus } }');
  await t.untilSubscriptions(live + 1);
  const item = await addItem(t, seller.token, v[0].id, '100.00');
  const payload = await listItem(t, seller.token, { inventoryItemId: item, platform: 'stockx', price: '150.00' });
  expect(payload.platformSync).toBe('PENDING');
  expect(payload.listing).toMatchObject({ status: 'PENDING', externalListingId: 'stockx-L1', externalOperationId: 'op-1', externalOperationStatus: 'PENDING', inventoryItem: { status: 'LISTED' } });
  expect(channels.stockx.calls).toEqual(['create stockx-product/sx-variant-9 150.00 USD']);

  await waitFor('the poll job to activate the listing', async () => (await listingOf(payload.listing!.id)).status === 'ACTIVE', 20_000);
  expect(await listingOf(payload.listing!.id)).toMatchObject({ externalOperationStatus: 'SUCCEEDED', externalOperationId: null });
  expect(channels.stockx.calls).toContain('poll op-1');
  await events.until(2);
  expect(events.results.filter((e) => e.listingChanged.id === payload.listing!.id).map((e) => e.listingChanged.status)).toEqual(['PENDING', 'ACTIVE']);

  const down = await t.request(DeactivateListingDocument, { input: { id: payload.listing!.id } }, seller.token);
  expect(down.body.data!.deactivateListing).toMatchObject({ platformSync: 'PENDING', listing: { status: 'PENDING', externalOperationType: 'DEACTIVATE' } });
  await waitFor('the poll job to finish the deactivation', async () => (await listingOf(payload.listing!.id)).status === 'INACTIVE', 20_000);
  events.dispose();
});

it('reports a refusal, keeps the listing as a draft, and leaves the item in stock', async () => {
  const item = await addItem(t, seller.token, v[1].id, '100.00');
  const payload = await listItem(t, seller.token, { inventoryItemId: item, platform: 'alias', price: '150.00' });
  expect(payload.platformSync).toBe('FAILED');
  expect(payload.note).toMatch(/Alias refused the change: ask below the platform minimum/);
  expect(payload.listing).toMatchObject({ status: 'DRAFT', externalOperationStatus: 'FAILED', externalOperationError: 'ask below the platform minimum', inventoryItem: { status: 'IN_STOCK' } });

  const noRef = await listItem(t, seller.token, { inventoryItemId: item, platform: 'shopify', price: '150.00' });
  expect(noRef.platformSync).toBe('FAILED');
  expect(noRef.note).toMatch(/no Shopify product id is linked/);
  expect(channels.shopify.calls).toEqual([]);
});

it('stays local for an account without a connection', async () => {
  const item = await addItem(t, unconnected, v[1].id, '100.00');
  const payload = await listItem(t, unconnected, { inventoryItemId: item, platform: 'ebay', price: '150.00' });
  expect(payload).toMatchObject({ platformSync: 'LOCAL_ONLY', listing: { status: 'ACTIVE', externalListingId: null } });
});

it('deactivates the other listings on their platforms when the item sells', async () => {
  const item = await addItem(t, seller.token, v[0].id, '100.00');
  const sells = (await listItem(t, seller.token, { inventoryItemId: item, platform: 'ebay', price: '150.00' })).listing!;
  const other = (await listItem(t, seller.token, { inventoryItemId: item, platform: 'stockx', price: '150.00' })).listing!;
  await waitFor('the StockX listing to go live', async () => (await listingOf(other.id)).status === 'ACTIVE', 20_000);
  const ctx = createContext({ em: t.app.orm.em.fork(), viewer: null, requestId: 'test', log: t.app.log, pubsub: t.app.pubsub, clock: t.app.clock, jobs: t.app.jobs });
  const result = await markListingSold(ctx, uuidOf(sells.id, 'Listing')!);
  expect(result.delisted.map((l) => l.id)).toEqual([uuidOf(other.id, 'Listing')]);
  expect(channels.stockx.calls.at(-1)).toBe(`deactivate ${(await listingOf(other.id)).externalListingId}`);
  expect(await listingOf(other.id)).toMatchObject({ status: 'INACTIVE', externalOperationType: 'DEACTIVATE' });
  await waitFor('the deactivation to be confirmed', async () => (await listingOf(other.id)).externalOperationStatus === 'SUCCEEDED', 20_000);
  expect(await listingOf(other.id)).toMatchObject({ status: 'INACTIVE' });
});

it('pushes repriced asks to the platform through the operation job', async () => {
  const item = await addItem(t, seller.token, v[2].id, '100.00');
  const { listing } = await listItem(t, seller.token, { inventoryItemId: item, platform: 'ebay', price: '190.00' });
  const rule = await t.request(SetRepricingRuleDocument, { input: { listingId: listing!.id, rule: { strategy: 'COMPETITIVE', undercutAmount: '1.00' } } }, seller.token);
  expect(rule.body.data!.setRepricingRule.errors).toEqual([]);
  await quote(t, fx, [{ variant: v[2].uuid, platform: 'ebay', ask: '180.00' }]);
  const run = await t.request(RepriceListingsDocument, { input: { filter: { ids: [listing!.id] } } }, seller.token);
  expect(run.body.data!.repriceListings.decisions[0]).toMatchObject({ action: 'CHANGE', applied: true, newPrice: { amount: '179' } });
  await waitFor('the price to reach eBay', () => channels.ebay.calls.includes(`update ${listing!.externalListingId} 179.00 USD`), 20_000);
  await waitFor('the operation to be recorded', async () => (await listingOf(listing!.id)).externalOperationStatus === 'SUCCEEDED', 20_000);
});
