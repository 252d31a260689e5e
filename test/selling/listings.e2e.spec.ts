import { createContext } from '../../src/common/context';
import { toGlobalId, uuidOf } from '../../src/common/node';
import { markListingSold } from '../../src/domains/selling';
import {
  ActivateListingDocument,
  CreateListingDocument,
  CreateListingsFromOpportunitiesDocument,
  DeactivateListingDocument,
  InventoryItemNodeDocument,
  ListingNodeDocument,
  ListingsDocument,
  UpdateListingPriceDocument,
} from '../generated/graphql';
import { addItem, listItem, marketFixture, quote, sql, type MarketFixture } from '../inventory/inventory-support';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let fx: MarketFixture;
let token: string;
let v: Array<{ id: string; uuid: string }>;

const codes = (errors: Array<{ code: string; field: string[] | null }>) => errors.map((e) => `${e.code}@${(e.field ?? []).join('.')}`).sort();
const systemContext = () => createContext({ em: t.app.orm.em.fork(), viewer: null, requestId: 'test', log: t.app.log, pubsub: t.app.pubsub, clock: t.app.clock, jobs: t.app.jobs });

beforeAll(async () => {
  t = await startTestApp();
  fx = await marketFixture(t, [['8', '9', '10', '11', '12']]);
  v = fx.products[0].variants;
  token = (await t.createAccount()).token;
  await quote(t, fx, [
    { variant: v[0].uuid, platform: 'stockx', ask: '180.00', bid: '150.00', last: '170.00', sales7d: 7 },
    { variant: v[0].uuid, platform: 'ebay', ask: '190.00', bid: '140.00' },
  ]);
});
afterAll(() => t?.stop());

describe('createListing', () => {
  it('lists at a fixed price, floors at break-even after fees, and tracks it locally without a connection', async () => {
    const item = await addItem(t, token, v[0].id, '100.00');
    const payload = await listItem(t, token, { inventoryItemId: item, platform: 'ebay', price: '150.00' });
    expect(payload).toMatchObject({ platformSync: 'LOCAL_ONLY', errors: [] });
    expect(payload.note).toMatch(/No eBay seller connection/);
    // eBay keeps 13.25 % + 0.30: 115.62 − 15.32 − 0.30 = 100.00 is the lowest ask that does not lose money.
    expect(payload.listing).toMatchObject({
      status: 'ACTIVE',
      version: 1,
      currency: 'USD',
      askPrice: { amount: '150', currency: 'USD' },
      originalAsk: { amount: '150' },
      costBasis: { amount: '100' },
      floorPrice: { amount: '115.62' },
      createdFrom: 'MANUAL',
      externalListingId: null,
      externalOperationStatus: null,
      marketLowestAsk: { amount: '190' },
      marketHighestBid: { amount: '140' },
      platform: { slug: 'ebay' },
      inventoryItem: { id: item, status: 'LISTED' },
      repricingRule: { strategy: 'FIXED', fixedPrice: '150', active: true },
    });
    expect(payload.listing!.listedAt).not.toBeNull();
  });

  it('prices from the market with a strategy, and refuses a strategy with nothing to go on', async () => {
    const item = await addItem(t, token, v[0].id, '100.00');
    const undercut = await listItem(t, token, { inventoryItemId: item, platform: 'stockx', rule: { strategy: 'COMPETITIVE', undercutAmount: '5.00' } });
    expect(undercut.listing).toMatchObject({ askPrice: { amount: '175' }, repricingRule: { strategy: 'COMPETITIVE', undercutAmount: '5' } });
    const cent = await listItem(t, token, { inventoryItemId: item, platform: 'ebay', rule: { strategy: 'COMPETITIVE' } });
    expect(cent.listing!.askPrice.amount).toBe('189.99');

    const empty = await addItem(t, token, v[1].id, '100.00');
    const none = await t.request(CreateListingDocument, { input: { inventoryItemId: empty, platform: 'stockx', rule: { strategy: 'MATCH_LOWEST_ASK' } } }, token);
    expect(codes(none.body.data!.createListing.errors)).toEqual(['INVALID@price']);
    // The strategy's target is held at the floor: the bid (150.00) nets less than 100 + 60; 181.81 − 16.36 − 5.45 = 160.00.
    const fresh = await addItem(t, token, v[0].id, '100.00');
    const floored = await listItem(t, token, { inventoryItemId: fresh, platform: 'stockx', rule: { strategy: 'HIGHEST_BID', minimumMargin: '60.00' } });
    expect(floored.listing).toMatchObject({ askPrice: { amount: '181.81' }, floorPrice: { amount: '181.81' } });
  });

  it('never lists below the floor unless an explicit floor allows it', async () => {
    const item = await addItem(t, token, v[0].id, '100.00');
    const below = await t.request(CreateListingDocument, { input: { inventoryItemId: item, platform: 'ebay', price: '115.61' } }, token);
    expect(codes(below.body.data!.createListing.errors)).toEqual(['FLOOR_VIOLATED@price']);
    // A 20.00 margin: 138.67 − 18.37 − 0.30 = 120.00 is the floor; a cent less nets 119.99.
    const margin = await t.request(CreateListingDocument, { input: { inventoryItemId: item, platform: 'ebay', price: '138.66', rule: { strategy: 'FIXED', minimumMargin: '20.00' } } }, token);
    expect(codes(margin.body.data!.createListing.errors)).toEqual(['FLOOR_VIOLATED@price']);
    const explicit = await listItem(t, token, { inventoryItemId: item, platform: 'ebay', price: '99.00', rule: { strategy: 'FIXED', floorPrice: '90.00' } });
    expect(explicit.listing).toMatchObject({ askPrice: { amount: '99' }, floorPrice: { amount: '90' } });
  });

  it('answers every bad input with a UserError on its field and writes nothing', async () => {
    const item = await addItem(t, token, v[2].id, '100.00');
    const euro = await addItem(t, token, v[2].id, '90.00', { purchaseCurrency: 'EUR' });
    const sold = await addItem(t, token, v[2].id, '50.00');
    const soldListing = await listItem(t, token, { inventoryItemId: sold, platform: 'ebay', price: '200.00' });
    await markListingSold(systemContext(), uuidOf(soldListing.listing!.id, 'Listing')!);
    await listItem(t, token, { inventoryItemId: item, platform: 'alias', price: '300.00' });
    const [{ count: before }] = await sql<{ count: number }>(t, 'select count(*)::int as count from listing');

    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ inventoryItemId: toGlobalId('InventoryItem', '00000000-0000-4000-8000-000000000009'), platform: 'ebay', price: '200.00' }, ['NOT_FOUND@inventoryItemId']],
      [{ inventoryItemId: 'garbage', platform: 'ebay', price: '200.00' }, ['NOT_FOUND@inventoryItemId']],
      [{ inventoryItemId: item, platform: 'nowhere', price: '200.00' }, ['NOT_FOUND@platform']],
      [{ inventoryItemId: item, platform: 'ebay' }, ['REQUIRED@price']],
      [{ inventoryItemId: item, platform: 'ebay', price: '-1.00' }, ['OUT_OF_RANGE@price']],
      [{ inventoryItemId: item, platform: 'ebay', price: '0' }, ['OUT_OF_RANGE@price']],
      [{ inventoryItemId: item, platform: 'ebay', price: '200.001' }, ['INVALID@price']],
      [{ inventoryItemId: item, platform: 'alias', price: '200.00' }, ['DUPLICATE@platform']],
      [{ inventoryItemId: sold, platform: 'stockx', price: '200.00' }, ['CONFLICT@inventoryItemId']],
      [{ inventoryItemId: euro, platform: 'stockx', price: '200.00' }, ['UNSUPPORTED@costBasis']],
      [{ inventoryItemId: item, platform: 'ebay', price: '200.00', expiresAt: '2001-01-01T00:00:00Z' }, ['OUT_OF_RANGE@expiresAt']],
      [{ inventoryItemId: item, platform: 'ebay', price: '200.00', costBasis: '-3' }, ['OUT_OF_RANGE@costBasis']],
      [{ inventoryItemId: item, platform: 'ebay', price: '200.00', rule: { strategy: 'COMPETITIVE', undercutPercent: '100' } }, ['OUT_OF_RANGE@rule.undercutPercent']],
      [{ inventoryItemId: item, platform: 'ebay', price: '200.00', rule: { strategy: 'COMPETITIVE', cooldownSeconds: -1 } }, ['OUT_OF_RANGE@rule.cooldownSeconds']],
      [{ inventoryItemId: item, platform: 'ebay', price: '200.00', rule: { strategy: 'COMPETITIVE', floorPrice: '150', ceilingPrice: '140' } }, ['INVALID@rule.ceilingPrice']],
      // The default floor for a 100.00 item on eBay is 115.62: a 110.00 ceiling contradicts it.
      [{ inventoryItemId: item, platform: 'ebay', price: '200.00', rule: { strategy: 'COMPETITIVE', ceilingPrice: '110.00' } }, ['INVALID@rule.ceilingPrice']],
      [{ inventoryItemId: item, platform: 'ebay', price: '200.00', rule: { strategy: 'COMPETITIVE', maxChangePercent: '-5', undercutAmount: '-1' } }, ['OUT_OF_RANGE@rule.maxChangePercent', 'OUT_OF_RANGE@rule.undercutAmount']],
    ];
    for (const [input, expected] of cases) {
      const res = await t.request(CreateListingDocument, { input: input as never }, token);
      expect(res.body.errors).toBeUndefined();
      expect({ input, got: codes(res.body.data!.createListing.errors) }).toEqual({ input, got: expected });
      expect(res.body.data!.createListing.listing).toBeNull();
    }
    const [{ count: after }] = await sql<{ count: number }>(t, 'select count(*)::int as count from listing');
    expect(after).toBe(before);

    const converted = await listItem(t, token, { inventoryItemId: euro, platform: 'stockx', price: '200.00', costBasis: '97.50' });
    expect(converted.listing!.costBasis.amount).toBe('97.5');
  });

  it('keeps a DRAFT when asked not to activate', async () => {
    const item = await addItem(t, token, v[3].id, '100.00');
    const draft = await listItem(t, token, { inventoryItemId: item, platform: 'ebay', price: '160.00', activate: false });
    expect(draft.listing).toMatchObject({ status: 'DRAFT', listedAt: null, inventoryItem: { status: 'IN_STOCK' } });
  });
});

describe('updateListingPrice', () => {
  let listingId: string;

  beforeAll(async () => {
    const item = await addItem(t, token, v[0].id, '100.00');
    listingId = (await listItem(t, token, { inventoryItemId: item, platform: 'stockx', price: '170.00' })).listing!.id;
  });

  it('changes the ask, bumps the version and records MANUAL history with the market at that moment', async () => {
    const res = await t.request(UpdateListingPriceDocument, { input: { id: listingId, price: '165.00', expectedVersion: 1 } }, token);
    const payload = res.body.data!.updateListingPrice;
    expect(payload.errors).toEqual([]);
    expect(payload.listing).toMatchObject({ version: 2, askPrice: { amount: '165' }, originalAsk: { amount: '170' }, repricingRule: { strategy: 'FIXED', fixedPrice: '165' } });
    expect(payload.listing!.lastPriceChangeAt).not.toBeNull();
    expect(payload.pricingHistory).toMatchObject({ reason: 'MANUAL', strategy: 'FIXED', oldPrice: { amount: '170' }, newPrice: { amount: '165' }, marketLowestAsk: { amount: '180' }, marketHighestBid: { amount: '150' } });
    const node = await t.request(ListingNodeDocument, { id: listingId }, token);
    expect((node.body.data!.node as { pricingHistory: unknown[] }).pricingHistory).toHaveLength(1);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const stale = await t.request(UpdateListingPriceDocument, { input: { id: listingId, price: '160.00', expectedVersion: 1 } }, token);
    expect(codes(stale.body.data!.updateListingPrice.errors)).toEqual(['CONFLICT@expectedVersion']);
    const node = await t.request(ListingNodeDocument, { id: listingId }, token);
    expect(node.body.data!.node).toMatchObject({ version: 2, askPrice: { amount: '165' } });
  });

  it('lets exactly one of two concurrent writers on the same version win', async () => {
    const [a, b] = await Promise.all(
      ['161.00', '162.00'].map((price) => t.request(UpdateListingPriceDocument, { input: { id: listingId, price, expectedVersion: 2 } }, token)),
    );
    const outcomes = [a, b].map((r) => codes(r.body.data!.updateListingPrice.errors).join() || 'OK').sort();
    expect(outcomes).toEqual(['CONFLICT@expectedVersion', 'OK']);
    const [{ count }] = await sql<{ count: number }>(t, 'select count(*)::int as count from pricing_history where listing_id = ?', [uuidOf(listingId, 'Listing')]);
    expect(count).toBe(2);
    const node = await t.request(ListingNodeDocument, { id: listingId }, token);
    expect(node.body.data!.node).toMatchObject({ version: 3 });
  });

  it('answers bad inputs with UserErrors', async () => {
    const node = await t.request(ListingNodeDocument, { id: listingId }, token);
    const version = (node.body.data!.node as { version: number }).version;
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ id: toGlobalId('Listing', '00000000-0000-4000-8000-000000000002'), price: '150.00', expectedVersion: 1 }, ['NOT_FOUND@id']],
      [{ id: listingId, price: '113.63', expectedVersion: version }, ['FLOOR_VIOLATED@price']],
      [{ id: listingId, price: '0', expectedVersion: version }, ['OUT_OF_RANGE@price']],
      [{ id: listingId, price: '12.345', expectedVersion: version }, ['INVALID@price']],
      [{ id: listingId, price: '150.00', expectedVersion: version + 5 }, ['CONFLICT@expectedVersion']],
    ];
    for (const [input, expected] of cases) {
      const res = await t.request(UpdateListingPriceDocument, { input: input as never }, token);
      expect({ input, got: codes(res.body.data!.updateListingPrice.errors) }).toEqual({ input, got: expected });
    }
    // 113.64 nets exactly the 100.00 cost on StockX (10.23 + 3.41 in fees): allowed.
    const atFloor = await t.request(UpdateListingPriceDocument, { input: { id: listingId, price: '113.64', expectedVersion: version } }, token);
    expect(atFloor.body.data!.updateListingPrice.errors).toEqual([]);
  });
});

describe('activateListing and deactivateListing without a connection', () => {
  it('moves between ACTIVE and INACTIVE locally, with the item following, and says so', async () => {
    const item = await addItem(t, token, v[4].id, '100.00');
    const { listing } = await listItem(t, token, { inventoryItemId: item, platform: 'ebay', price: '150.00' });
    const down = await t.request(DeactivateListingDocument, { input: { id: listing!.id } }, token);
    expect(down.body.data!.deactivateListing).toMatchObject({ platformSync: 'LOCAL_ONLY', listing: { status: 'INACTIVE', inventoryItem: { status: 'IN_STOCK' } }, errors: [] });
    expect(down.body.data!.deactivateListing.note).toMatch(/does not exist on eBay/);
    expect(down.body.data!.deactivateListing.listing!.delistedAt).not.toBeNull();
    const again = await t.request(DeactivateListingDocument, { input: { id: listing!.id } }, token);
    expect(again.body.data!.deactivateListing).toMatchObject({ note: 'Already INACTIVE.', errors: [] });

    const up = await t.request(ActivateListingDocument, { input: { id: listing!.id } }, token);
    expect(up.body.data!.activateListing).toMatchObject({ platformSync: 'LOCAL_ONLY', listing: { status: 'ACTIVE', inventoryItem: { status: 'LISTED' } }, errors: [] });
    expect(up.body.data!.activateListing.note).toMatch(/No eBay seller connection/);
  });

  it('refuses final listings and unknown ids', async () => {
    const item = await addItem(t, token, v[4].id, '100.00');
    const { listing } = await listItem(t, token, { inventoryItemId: item, platform: 'ebay', price: '150.00' });
    await markListingSold(systemContext(), uuidOf(listing!.id, 'Listing')!);
    const attempt = async (id: string) => {
      const up = (await t.request(ActivateListingDocument, { input: { id } }, token)).body.data!.activateListing;
      const down = (await t.request(DeactivateListingDocument, { input: { id } }, token)).body.data!.deactivateListing;
      return [codes(up.errors), codes(down.errors)];
    };
    expect(await attempt(listing!.id)).toEqual([['CONFLICT@id'], ['CONFLICT@id']]);
    expect(await attempt(toGlobalId('Listing', '00000000-0000-4000-8000-000000000003'))).toEqual([['NOT_FOUND@id'], ['NOT_FOUND@id']]);
  });
});

describe('auto-delist when an item sells', () => {
  it('takes the other live listings down when the last unit sells, and keeps them up while units remain', async () => {
    const single = await addItem(t, token, v[1].id, '100.00');
    const onEbay = (await listItem(t, token, { inventoryItemId: single, platform: 'ebay', price: '150.00' })).listing!;
    const onStockx = (await listItem(t, token, { inventoryItemId: single, platform: 'stockx', price: '150.00' })).listing!;
    const draft = (await listItem(t, token, { inventoryItemId: single, platform: 'alias', price: '150.00', activate: false })).listing!;
    const result = await markListingSold(systemContext(), uuidOf(onEbay.id, 'Listing')!, { price: null });
    expect(result.listing).toMatchObject({ status: 'SOLD' });
    expect(result.delisted.map((l) => l.id).sort()).toEqual([uuidOf(onStockx.id, 'Listing'), uuidOf(draft.id, 'Listing')].sort());
    const sold = await t.request(ListingNodeDocument, { id: onEbay.id }, token);
    // 150.00 on eBay: 19.88 (13.25 %, half-even) + 0.30 → net 129.82.
    expect(sold.body.data!.node).toMatchObject({ status: 'SOLD', inventoryItem: { status: 'SOLD', quantitySold: 1 } });
    const [{ sold_net_proceeds, sold_strategy }] = await sql<{ sold_net_proceeds: string; sold_strategy: string }>(t, 'select sold_net_proceeds, sold_strategy from listing where id = ?', [uuidOf(onEbay.id, 'Listing')]);
    expect([sold_net_proceeds, sold_strategy]).toEqual(['129.82', 'FIXED']);
    const other = await t.request(ListingNodeDocument, { id: onStockx.id }, token);
    expect(other.body.data!.node).toMatchObject({ status: 'INACTIVE', externalOperationStatus: null });

    const again = await markListingSold(systemContext(), uuidOf(onEbay.id, 'Listing')!);
    expect(again.delisted).toEqual([]);

    const pair = await addItem(t, token, v[1].id, '100.00', { quantity: 2 });
    const first = (await listItem(t, token, { inventoryItemId: pair, platform: 'ebay', price: '150.00' })).listing!;
    const second = (await listItem(t, token, { inventoryItemId: pair, platform: 'stockx', price: '150.00' })).listing!;
    const partial = await markListingSold(systemContext(), uuidOf(first.id, 'Listing')!);
    expect(partial.delisted).toEqual([]);
    const item = await t.request(InventoryItemNodeDocument, { id: pair }, token);
    expect(item.body.data!.node).toMatchObject({ status: 'LISTED', quantitySold: 1, quantityAvailable: 1 });
    expect((await t.request(ListingNodeDocument, { id: second.id }, token)).body.data!.node).toMatchObject({ status: 'ACTIVE' });
  });

  it('records an owed DEACTIVATE for listings that exist on their platform when called inside another unit of work', async () => {
    const item = await addItem(t, token, v[2].id, '100.00');
    const sells = (await listItem(t, token, { inventoryItemId: item, platform: 'ebay', price: '150.00' })).listing!;
    const live = (await listItem(t, token, { inventoryItemId: item, platform: 'stockx', price: '150.00' })).listing!;
    await sql(t, "update listing set external_listing_id = 'sx-123' where id = ?", [uuidOf(live.id, 'Listing')]);
    const em = t.app.orm.em.fork();
    await em.transactional((tx) => markListingSold(tx, uuidOf(sells.id, 'Listing')!));
    const [row] = await sql<Record<string, string>>(t, 'select status, external_operation_type, external_operation_status from listing where id = ?', [uuidOf(live.id, 'Listing')]);
    expect(row).toEqual({ status: 'INACTIVE', external_operation_type: 'DEACTIVATE', external_operation_status: 'PENDING' });
  });
});

describe('createListingsFromOpportunities', () => {
  it('writes nothing under REJECT_EVERYTHING when a row fails, and the valid rows under REJECT_FAILED_ROWS', async () => {
    const a = await addItem(t, token, v[3].id, '100.00');
    const b = await addItem(t, token, v[3].id, '100.00');
    const rows = [
      { inventoryItemId: a, variantId: v[3].id, platform: 'ebay', strategy: 'FIXED' as const, price: '170.00' },
      { inventoryItemId: b, variantId: v[0].id, platform: 'ebay', price: '170.00' },
      { inventoryItemId: b, platform: 'ebay', price: '170.00' },
      { inventoryItemId: a, variantId: v[3].id, platform: 'ebay', price: '171.00' },
    ];
    const rejected = await t.request(CreateListingsFromOpportunitiesDocument, { input: { listings: rows } }, token);
    const payload = rejected.body.data!.createListingsFromOpportunities;
    expect(payload.listings).toEqual([]);
    expect(payload.results.map((r) => codes(r.errors))).toEqual([['REJECTED@listings.0'], ['INVALID@listings.1.variantId'], ['REQUIRED@listings.2.variantId'], ['DUPLICATE@listings.3.inventoryItemId']]);

    const partial = await t.request(CreateListingsFromOpportunitiesDocument, { input: { listings: rows, errorPolicy: 'REJECT_FAILED_ROWS' } }, token);
    const written = partial.body.data!.createListingsFromOpportunities;
    expect(written.listings).toHaveLength(1);
    expect(written.listings[0]).toMatchObject({ status: 'ACTIVE', askPrice: { amount: '170' }, createdFrom: 'BULK', repricingRule: { strategy: 'FIXED' } });
    expect(written.results.map((r) => !!r.listing)).toEqual([true, false, false, false]);
  });

  it('lists from an arbitrage opportunity (its size and sell platform) and marks it acted for the viewer', async () => {
    const [opportunity] = await sql<{ id: string }>(
      t,
      `insert into opportunity (variant_id, product_id, buy_platform_id, sell_platform_id, currency, buy_price, buyer_fee, buy_cost, sell_price, sell_price_source,
         seller_fees, expected_net, expected_profit, margin, roi, market_status, detected_at, last_seen_at)
       values (?, ?, ?, ?, 'USD', 100, 5, 105, 150, 'HIGHEST_BID', 20, 130, 25, 0.1667, 0.2381, 'OPEN', now(), now()) returning id`,
      [v[4].uuid, fx.products[0].uuid, fx.platforms.stockx.uuid, fx.platforms.ebay.uuid],
    );
    const item = await addItem(t, token, v[4].id, '105.00');
    const other = await addItem(t, token, v[3].id, '105.00');
    const opportunityId = toGlobalId('Opportunity', opportunity.id);
    const wrongSize = await t.request(CreateListingsFromOpportunitiesDocument, { input: { listings: [{ opportunityId, inventoryItemId: other }] } }, token);
    expect(codes(wrongSize.body.data!.createListingsFromOpportunities.errors)).toEqual(['INVALID@listings.0.variantId']);
    const missing = await t.request(CreateListingsFromOpportunitiesDocument, { input: { listings: [{ opportunityId: toGlobalId('Opportunity', '00000000-0000-4000-8000-000000000004'), inventoryItemId: item }] } }, token);
    expect(codes(missing.body.data!.createListingsFromOpportunities.errors)).toEqual(['NOT_FOUND@listings.0.opportunityId']);

    const res = await t.request(CreateListingsFromOpportunitiesDocument, { input: { listings: [{ opportunityId, inventoryItemId: item, strategy: 'HIGHEST_BID', price: '150.00' }] } }, token);
    const created = res.body.data!.createListingsFromOpportunities;
    expect(created.errors).toEqual([]);
    expect(created.listings[0]).toMatchObject({ createdFrom: 'OPPORTUNITY', sourceOpportunity: opportunityId, askPrice: { amount: '150' }, repricingRule: { strategy: 'HIGHEST_BID' } });
    const acted = await sql(t, 'select 1 from opportunity_action where opportunity_id = ?', [opportunity.id]);
    expect(acted).toHaveLength(1);
  });

  it('caps the number of rows', async () => {
    const rows = Array.from({ length: 201 }, () => ({ inventoryItemId: 'x', platform: 'ebay', variantId: v[0].id }));
    const res = await t.request(CreateListingsFromOpportunitiesDocument, { input: { listings: rows } }, token);
    expect(codes(res.body.data!.createListingsFromOpportunities.errors)).toEqual(['OUT_OF_RANGE@listings']);
  });
});

describe('listings', () => {
  it('filters by status, platform, strategy and item, newest first', async () => {
    const all = await t.request(ListingsDocument, { first: 100 }, token);
    const nodes = all.body.data!.listings.edges.map((e) => e.node);
    expect(all.body.data!.listings.totalCount).toBe(nodes.length);
    const check = async (filter: Record<string, unknown>, predicate: (n: (typeof nodes)[number]) => boolean) => {
      const res = await t.request(ListingsDocument, { first: 100, filter }, token);
      const ids = res.body.data!.listings.edges.map((e) => e.node.id);
      expect(ids).toEqual(nodes.filter(predicate).map((n) => n.id));
      expect(ids.length).toBeGreaterThan(0);
    };
    await check({ statuses: ['SOLD'] }, (n) => n.status === 'SOLD');
    await check({ platforms: ['stockx'] }, (n) => n.platform.slug === 'stockx');
    await check({ strategies: ['COMPETITIVE'] }, (n) => n.repricingRule?.strategy === 'COMPETITIVE');
    await check({ inventoryItemIds: [nodes[0].inventoryItem.id] }, (n) => n.inventoryItem.id === nodes[0].inventoryItem.id);
    await check({ statuses: ['ACTIVE'], platforms: ['ebay'] }, (n) => n.status === 'ACTIVE' && n.platform.slug === 'ebay');
  });
});
