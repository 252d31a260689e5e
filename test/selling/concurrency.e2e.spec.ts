import Decimal from 'decimal.js';
import { toGlobalId, uuidOf } from '../../src/common/node';
import { detectArbitrageOpportunities } from '../../src/domains/selling';
import {
  ActivateListingDocument,
  CreateListingDocument,
  CreateListingsFromOpportunitiesDocument,
  DeactivateListingDocument,
  ListingNodeDocument,
  RecordOrderDocument,
  RepriceListingsDocument,
  UpdateInventoryItemDocument,
  UpdateListingPriceDocument,
  UpdateOrderStatusDocument,
  type RecordOrderInput,
} from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { addItem, codes, listItem, marketFixture, quote, recordSale, sql, type MarketFixture } from './orders-support';

/**
 * Many requests at once against ONE row, over HTTP, on the real database: whatever interleaving PostgreSQL picks,
 * the invariants hold and every loser gets a userError, never an internal error.
 */
let t: TestApp;
let fx: MarketFixture;
let token: string;
let size: { id: string; uuid: string };
let sizeQuoted: { id: string; uuid: string };

beforeAll(async () => {
  t = await startTestApp();
  fx = await marketFixture(t, [['9', '10']]);
  [size, sizeQuoted] = fx.products[0].variants;
  token = (await t.createAccount()).token;
  await quote(t, fx, [
    { variant: sizeQuoted.uuid, platform: 'stockx', ask: '180.00', bid: '150.00', last: '170.00', sales30d: 12 },
    { variant: sizeQuoted.uuid, platform: 'ebay', ask: '120.00', last: '230.00', sales30d: 9 },
  ]);
});
afterAll(() => t?.stop());

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

/** Sends all the sales at once; every response must be a payload (no GraphQL error). */
async function sellConcurrently(inputs: RecordOrderInput[]) {
  const responses = await Promise.all(inputs.map((input) => t.request(RecordOrderDocument, { input }, token)));
  for (const res of responses) expect(res.body.errors).toBeUndefined();
  return responses.map((res) => res.body.data!.recordOrder);
}

async function itemRow(globalId: string) {
  const [row] = await sql<{ quantity: number; quantity_sold: number; status: string }>(t, 'select quantity, quantity_sold, status from inventory_item where id = ?', [uuidOf(globalId, 'InventoryItem')]);
  return row;
}

async function ordersOfItem(globalId: string) {
  return sql<{ quantity: number; listing_id: string | null }>(t, 'select quantity, listing_id from sales_order where inventory_item_id = ?', [uuidOf(globalId, 'InventoryItem')]);
}

async function listingRow(globalId: string) {
  const [row] = await sql<{ version: number; status: string; ask_price: string; history: number }>(
    t,
    'select l.version, l.status, l.ask_price::text, (select count(*)::int from pricing_history h where h.listing_id = l.id) as history from listing l where l.id = ?',
    [uuidOf(globalId, 'Listing')],
  );
  return row;
}

describe('recordOrder under concurrency', () => {
  it('30 sales of a one-unit item at once: one order, the other 29 are CONFLICTs', async () => {
    const item = await addItem(t, token, size.id, '100.00');
    const results = await sellConcurrently(times(30, () => ({ platform: 'ebay', inventoryItemId: item, salePrice: '150.00' })));

    expect(results.filter((r) => r.order)).toHaveLength(1);
    for (const r of results.filter((r) => !r.order)) expect(codes(r.errors)).toEqual(['CONFLICT@quantity']);
    expect(await ordersOfItem(item)).toHaveLength(1);
    expect(await itemRow(item)).toMatchObject({ quantity: 1, quantity_sold: 1, status: 'SOLD' });
  });

  it('40 one-unit sales at once of a 1000-unit item: quantitySold is the number of orders (no lost update)', async () => {
    const item = await addItem(t, token, size.id, '100.00', { quantity: 1000 });
    const results = await sellConcurrently(times(40, (i) => ({ platform: 'manual', inventoryItemId: item, salePrice: '150.00', externalOrderNumber: `BULK-${i}` })));

    expect(results.every((r) => r.order && !r.errors.length)).toBe(true);
    expect(await ordersOfItem(item)).toHaveLength(40);
    expect(await itemRow(item)).toMatchObject({ quantity: 1000, quantity_sold: 40, status: 'IN_STOCK' });
  });

  it('25 sales of one listing at once: one order, the listing SOLD once, the others CONFLICT on the listing', async () => {
    const item = await addItem(t, token, size.id, '100.00');
    const listing = (await listItem(t, token, { inventoryItemId: item, platform: 'stockx', price: '210.00' })).listing!;
    const results = await sellConcurrently(times(25, () => ({ listingId: listing.id, salePrice: '200.00' })));

    expect(results.filter((r) => r.order)).toHaveLength(1);
    for (const r of results.filter((r) => !r.order)) expect(codes(r.errors)).toEqual(['CONFLICT@listingId']);
    expect(await ordersOfItem(item)).toHaveLength(1);
    expect(await itemRow(item)).toMatchObject({ quantity_sold: 1, status: 'SOLD' });
    expect(await listingRow(listing.id)).toMatchObject({ status: 'SOLD' });
  });

  it('a three-unit item listed on eight platforms, three sales per listing at once: exactly three orders, on three listings', async () => {
    const item = await addItem(t, token, size.id, '100.00', { quantity: 3 });
    const platforms = ['stockx', 'alias', 'goat', 'ebay', 'shopify', 'amazon', 'blokpax', 'shootstrayt'];
    const listings = [];
    for (const platform of platforms) listings.push((await listItem(t, token, { inventoryItemId: item, platform, price: '250.00' })).listing!);
    const results = await sellConcurrently(listings.flatMap((l) => times(3, () => ({ listingId: l.id, salePrice: '240.00' }))));

    expect(results.filter((r) => r.order)).toHaveLength(3);
    for (const r of results.filter((r) => !r.order)) expect(codes(r.errors)).toEqual([expect.stringMatching(/^CONFLICT@(listingId|quantity)$/)]);
    const orders = await ordersOfItem(item);
    expect(orders).toHaveLength(3);
    expect(new Set(orders.map((o) => o.listing_id)).size).toBe(3);
    expect(await itemRow(item)).toMatchObject({ quantity: 3, quantity_sold: 3, status: 'SOLD' });
    const statuses = await Promise.all(listings.map((l) => listingRow(l.id)));
    expect(statuses.filter((s) => s.status === 'SOLD')).toHaveLength(3);
    expect(statuses.filter((s) => s.status === 'INACTIVE')).toHaveLength(5);
  });

  it('sales racing quantity cuts of the same item: never more sold than owned', async () => {
    const item = await addItem(t, token, size.id, '100.00', { quantity: 10 });
    const [sales, cuts] = await Promise.all([
      sellConcurrently(times(10, () => ({ platform: 'manual', inventoryItemId: item, salePrice: '150.00' }))),
      Promise.all(times(10, () => t.request(UpdateInventoryItemDocument, { input: { id: item, quantity: 5 } }, token))),
    ]);

    for (const cut of cuts) expect(cut.body.errors).toBeUndefined();
    const sold = sales.filter((r) => r.order).length;
    const cutsDone = cuts.filter((c) => c.body.data!.updateInventoryItem.inventoryItem).length;
    for (const r of sales.filter((r) => !r.order)) expect(codes(r.errors)).toEqual(['CONFLICT@quantity']);
    for (const c of cuts.filter((c) => !c.body.data!.updateInventoryItem.inventoryItem)) expect(codes(c.body.data!.updateInventoryItem.errors as never)).toEqual(['CONFLICT@quantity']);
    const row = await itemRow(item);
    expect(row.quantity_sold).toBe(sold);
    expect(row.quantity_sold).toBeLessThanOrEqual(row.quantity);
    expect(row.quantity).toBe(cutsDone ? 5 : 10);
    expect(await ordersOfItem(item)).toHaveLength(sold);
  });

  it('last units sold while new listings are created: a sold-out item is left with no live listing', async () => {
    const platforms = ['stockx', 'alias', 'goat', 'ebay', 'shopify', 'amazon', 'blokpax', 'shootstrayt'];
    const items = await Promise.all(times(10, () => addItem(t, token, size.id, '100.00')));
    const [creations, sales] = await Promise.all([
      Promise.all(items.flatMap((item) => platforms.map((platform) => t.request(CreateListingDocument, { input: { inventoryItemId: item, platform, price: '250.00' } }, token)))),
      sellConcurrently(items.map((item) => ({ platform: 'manual', inventoryItemId: item, salePrice: '150.00' }))),
    ]);

    for (const res of creations) expect(res.body.errors).toBeUndefined();
    for (const res of creations.filter((r) => !r.body.data!.createListing.listing)) expect(codes(res.body.data!.createListing.errors)).toEqual(['CONFLICT@inventoryItemId']);
    expect(sales.every((r) => r.order)).toBe(true);
    const live = await sql<{ n: number }>(
      t,
      "select count(*)::int as n from listing where inventory_item_id = any(?::uuid[]) and status in ('DRAFT', 'PENDING', 'ACTIVE')",
      [`{${items.map((item) => uuidOf(item, 'InventoryItem')).join(',')}}`],
    );
    expect(live[0].n).toBe(0);
    for (const item of items) expect(await itemRow(item)).toMatchObject({ quantity_sold: 1, status: 'SOLD' });
  });
});

describe('listing writes under concurrency', () => {
  it('30 price changes from the same version at once: one wins, one history row, version + 1; the rest CONFLICT', async () => {
    const item = await addItem(t, token, size.id, '100.00');
    const listing = (await listItem(t, token, { inventoryItemId: item, platform: 'ebay', price: '300.00' })).listing!;
    const before = await listingRow(listing.id);
    const responses = await Promise.all(times(30, (i) => t.request(UpdateListingPriceDocument, { input: { id: listing.id, price: `${250 + i}.00`, expectedVersion: listing.version } }, token)));

    for (const res of responses) expect(res.body.errors).toBeUndefined();
    const payloads = responses.map((r) => r.body.data!.updateListingPrice);
    const won = payloads.filter((p) => p.listing);
    expect(won).toHaveLength(1);
    for (const p of payloads.filter((p) => !p.listing)) expect(codes(p.errors)).toEqual(['CONFLICT@expectedVersion']);
    const after = await listingRow(listing.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.history).toBe(before.history + 1);
    expect(new Decimal(after.ask_price).eq(won[0].listing!.askPrice.amount)).toBe(true);
  });

  it('30 activations and deactivations of one listing at once: each applied change bumps the version once, the item follows the listing', async () => {
    const item = await addItem(t, token, size.id, '100.00');
    const listing = (await listItem(t, token, { inventoryItemId: item, platform: 'goat', price: '300.00' })).listing!;
    const before = await listingRow(listing.id);
    const [activations, deactivations] = await Promise.all([
      Promise.all(times(15, () => t.request(ActivateListingDocument, { input: { id: listing.id } }, token))),
      Promise.all(times(15, () => t.request(DeactivateListingDocument, { input: { id: listing.id } }, token))),
    ]);

    for (const res of [...activations, ...deactivations]) expect(res.body.errors).toBeUndefined();
    const payloads = [...activations.map((r) => r.body.data!.activateListing), ...deactivations.map((r) => r.body.data!.deactivateListing)];
    for (const p of payloads.filter((p) => !p.listing)) expect(codes(p.errors)).toEqual(['CONFLICT@id']);
    const applied = payloads.filter((p) => p.listing && !p.note?.startsWith('Already')).length;
    const after = await listingRow(listing.id);
    expect(after.version).toBe(before.version + applied);
    const node = await t.request(ListingNodeDocument, { id: listing.id }, token);
    const found = node.body.data!.node as { status: string; inventoryItem: { status: string } };
    expect(found.inventoryItem.status).toBe(found.status === 'ACTIVE' ? 'LISTED' : 'IN_STOCK');
  });

  it('repricing runs racing manual price changes on one listing: history rows and version bumps equal the changes applied', async () => {
    const item = await addItem(t, token, sizeQuoted.id, '100.00');
    const listing = (await listItem(t, token, { inventoryItemId: item, platform: 'stockx', price: '260.00', rule: { strategy: 'COMPETITIVE', undercutAmount: '1.00', active: true } })).listing!;
    const before = await listingRow(listing.id);
    const [runs, manual] = await Promise.all([
      Promise.all(times(20, () => t.request(RepriceListingsDocument, { input: { filter: { ids: [listing.id] }, dryRun: false } }, token))),
      Promise.all(times(20, (i) => t.request(UpdateListingPriceDocument, { input: { id: listing.id, price: `${230 + i}.00`, expectedVersion: listing.version } }, token))),
    ]);

    for (const res of [...runs, ...manual]) expect(res.body.errors).toBeUndefined();
    const repriced = runs.reduce((sum, r) => sum + r.body.data!.repriceListings.applied, 0);
    const priced = manual.filter((r) => r.body.data!.updateListingPrice.listing).length;
    for (const r of manual.filter((r) => !r.body.data!.updateListingPrice.listing)) expect(codes(r.body.data!.updateListingPrice.errors)).toEqual(['CONFLICT@expectedVersion']);
    expect(repriced + priced).toBeGreaterThan(0);
    const after = await listingRow(listing.id);
    expect(after.history - before.history).toBe(repriced + priced);
    expect(after.version - before.version).toBe(repriced + priced);
  });
});

describe('order status under concurrency', () => {
  it('20 confirmations of one PENDING order at once: it moves once, the others are CONFLICTs', async () => {
    const order = await recordSale(t, token, { platform: 'manual', variantId: size.id, salePrice: '150.00', status: 'PENDING' });
    const responses = await Promise.all(times(20, () => t.request(UpdateOrderStatusDocument, { input: { id: order.id, status: 'CONFIRMED' } }, token)));

    for (const res of responses) expect(res.body.errors).toBeUndefined();
    const payloads = responses.map((r) => r.body.data!.updateOrderStatus);
    const moved = payloads.filter((p) => p.order);
    expect(moved).toHaveLength(1);
    for (const p of payloads.filter((p) => !p.order)) expect(codes(p.errors)).toEqual(['CONFLICT@status']);
    const [row] = await sql<{ status: string }>(t, 'select status from sales_order where id = ?', [uuidOf(order.id, 'Order')]);
    expect(row.status).toBe('CONFIRMED');
  });
});

describe('opportunities under concurrency', () => {
  it('20 requests listing the same item from the same opportunity at once: one listing, the opportunity ACTED once', async () => {
    await detectArbitrageOpportunities(t.app.orm.em.fork());
    const [opportunity] = await sql<{ id: string }>(t, "select id from opportunity where variant_id = ? and market_status = 'OPEN' order by expected_profit desc limit 1", [sizeQuoted.uuid]);
    expect(opportunity).toBeDefined();
    const item = await addItem(t, token, sizeQuoted.id, '100.00');
    const opportunityId = toGlobalId('Opportunity', opportunity.id);
    const responses = await Promise.all(
      times(20, () => t.request(CreateListingsFromOpportunitiesDocument, { input: { listings: [{ opportunityId, inventoryItemId: item, price: '260.00' }] } }, token)),
    );

    for (const res of responses) expect(res.body.errors).toBeUndefined();
    const payloads = responses.map((r) => r.body.data!.createListingsFromOpportunities);
    expect(payloads.filter((p) => p.listings.length)).toHaveLength(1);
    for (const p of payloads.filter((p) => !p.listings.length)) expect(codes(p.errors)).toEqual([expect.stringMatching(/^(CONFLICT|DUPLICATE)@/)]);
    const [counts] = await sql<{ listings: number; actions: number }>(
      t,
      'select (select count(*)::int from listing where inventory_item_id = ?) as listings, (select count(*)::int from opportunity_action where opportunity_id = ?) as actions',
      [uuidOf(item, 'InventoryItem'), opportunity.id],
    );
    expect(counts).toEqual({ listings: 1, actions: 1 });
  });
});
