import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { uuidOf } from '../../src/common/node';
import { createListingSink, setListingChannelSource, type ChannelOperation, type ListingChannel } from '../../src/domains/selling';
import { connectionChannel } from '../../src/domains/selling/listings/connection-channel';
import { UnifiedListingStatus, type NormalizedListing, type SyncTarget } from '../../src/domains/sync';
import { ConnectMarketplaceDocument, LinkExternalRefDocument, ListingNodeDocument, RecordOrderDocument, SyncConnectionDocument } from '../generated/graphql';
import type { FakeUpstream } from '../providers/fake-upstream';
import { startTestApp, type TestApp } from '../support/app';
import { ALIAS_TOKENS, startAliasUpstream } from '../sync/support/alias-upstream';
import { addItem, cents, collect, listItem, marketFixture, sql, waitFor, type MarketFixture } from './orders-support';

// The fake Alias serves two pages: al-lst-1 (ACTIVE, 250.00), al-lst-2 (INACTIVE, 270.00), al-lst-3 (an unknown status, 230.00).

let t: TestApp;
let upstream: FakeUpstream;
let fx: MarketFixture;
let seller: { token: string; accountId: string };
let other: { token: string; accountId: string };
let connection: { id: string; uuid: string };
let mine: string;
let theirs: string;
let theirsBefore: Record<string, any>;

/** Answers every create with the next platform listing id, so MarketGraph's listings carry the fake Alias's ids. */
function creatingChannel(ids: string[]): ListingChannel {
  const answer = (operationType: ChannelOperation['operationType'], externalListingId: string | null): ChannelOperation => ({
    platform: 'alias', operationType, status: 'SUCCEEDED', externalListingId, operationId: null, error: null, raw: null,
  });
  return {
    platform: 'alias',
    createListing: async () => answer('CREATE', ids.shift() ?? null),
    updateListingPrice: async (input) => answer('UPDATE_PRICE', input.externalListingId),
    activateListing: async (id) => answer('ACTIVATE', id),
    deactivateListing: async (id) => answer('DEACTIVATE', id),
  };
}

interface RunRow {
  status: string;
  fetched_count: number;
  written_count: number;
  failed_count: number;
  pages: number;
}

/** Requests a LISTINGS sync of the seller's Alias connection and waits for the worker to finish it. */
async function syncListings(): Promise<RunRow> {
  const res = await t.request(SyncConnectionDocument, { input: { id: connection.id, kind: 'LISTINGS' } }, seller.token);
  expect(res.body.data!.syncConnection.errors).toEqual([]);
  const runId = Buffer.from(res.body.data!.syncConnection.syncRun!.id, 'base64url').toString().split(':')[1];
  let run: RunRow | undefined;
  await waitFor(`listings run ${runId} to finish`, async () => {
    [run] = await sql<RunRow>(t, `select status, fetched_count, written_count, failed_count, pages from sync_run where id = ?`, [runId]);
    return ['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(run?.status ?? '');
  }, 30_000);
  return run!;
}

const listingOf = async (id: string, token: string) => (await t.request(ListingNodeDocument, { id }, token)).body.data!.node as Record<string, any>;
/** Newest first: [reason, old ask, new ask]. */
const history = (listing: Record<string, any>) => listing.pricingHistory.map((h: any) => [h.reason, cents(h.oldPrice.amount), cents(h.newPrice.amount)]);

function listing(externalListingId: string, overrides: Partial<NormalizedListing> = {}): NormalizedListing {
  return {
    platform: 'alias', externalListingId, externalProductId: 'alias-product', externalVariantId: null, sku: null, sizeKey: '11',
    rawStatus: 'LISTING_STATUS_ACTIVE', status: UnifiedListingStatus.ACTIVE, amount: '265.00', currency: 'USD', quantity: 1, updatedAt: new Date(), raw: {},
    ...overrides,
  };
}

/** Writes one page the way the sync engine does: inside the page's transaction, through the registered sink contract. */
async function writePage(target: SyncTarget, page: NormalizedListing[], log = t.app.log) {
  const sink = createListingSink(t.app.pubsub);
  return t.app.orm.em.fork().transactional((tx) => sink.writeListings(tx, target, page, log));
}

beforeAll(async () => {
  const alias = await startAliasUpstream();
  upstream = alias.upstream;
  t = await startTestApp({ ROLE: 'all', JOB_POLL_INTERVAL_SECONDS: '0.5', SIMULATOR_ENABLED: 'false', SYNC_PROVIDER_BASE_URLS: `alias=${alias.baseUrl}` });
  fx = await marketFixture(t, [['10', '11']]);
  const link = await t.request(LinkExternalRefDocument, { input: { platform: 'alias', productId: fx.products[0].id, externalId: 'alias-product' } }, fx.admin);
  expect(link.body.data!.linkExternalRef.errors).toEqual([]);
  seller = await t.createAccount();
  other = await t.createAccount();
});
afterAll(async () => {
  setListingChannelSource(connectionChannel);
  await t?.stop();
  await upstream?.stop();
});

describe('the listing sink (sync → listings)', () => {
  it('applies a synced page to the matched listing once: status and ask follow the platform, one MANUAL history row, one listingChanged', async () => {
    const events = collect<{ listingChanged: { id: string; status: string; version: number } }>(t.wsClient(seller.token), 'subscription { listingChanged { id status version } }');
    // Both accounts list size 11 on Alias, and Alias happens to answer both with the id al-lst-2.
    setListingChannelSource(async () => creatingChannel(['al-lst-2']));
    const created = await listItem(t, seller.token, { inventoryItemId: await addItem(t, seller.token, fx.products[0].variants[1].id, '150.00'), platform: 'alias', price: '260.00' });
    setListingChannelSource(async () => creatingChannel(['al-lst-2']));
    const theirsCreated = await listItem(t, other.token, { inventoryItemId: await addItem(t, other.token, fx.products[0].variants[1].id, '150.00'), platform: 'alias', price: '260.00' });
    setListingChannelSource(connectionChannel);
    mine = created.listing!.id;
    theirs = theirsCreated.listing!.id;
    expect(created.listing).toMatchObject({ status: 'ACTIVE', externalListingId: 'al-lst-2', inventoryItem: { status: 'LISTED' } });
    expect(theirsCreated.listing).toMatchObject({ status: 'ACTIVE', externalListingId: 'al-lst-2' });
    // The create's own event proves the subscription is live before the sync runs.
    await waitFor('the create to be streamed', () => events.results.some((e) => e.listingChanged.id === mine && e.listingChanged.status === 'ACTIVE'));
    const base = events.results.length;
    const before = await listingOf(mine, seller.token);
    theirsBefore = await listingOf(theirs, other.token);

    const connected = await t.request(ConnectMarketplaceDocument, { input: { platform: 'alias', scope: 'SELLER_ACCOUNT', credentials: { accessToken: ALIAS_TOKENS.good } } }, seller.token);
    expect(connected.body.data!.connectMarketplace.errors).toEqual([]);
    const id = connected.body.data!.connectMarketplace.connection!.id;
    connection = { id, uuid: uuidOf(id, 'MarketplaceConnection')! };

    // Three listings fetched; only al-lst-2 is MarketGraph's: INACTIVE at 270.00 on Alias.
    expect(await syncListings()).toMatchObject({ status: 'SUCCEEDED', fetched_count: 3, written_count: 1, failed_count: 0, pages: 2 });
    const synced = await listingOf(mine, seller.token);
    expect(synced).toMatchObject({
      status: 'INACTIVE',
      askPrice: { amount: '270' },
      version: before.version + 1,
      delistedAt: expect.any(String),
      lastPriceChangeAt: expect.any(String),
      inventoryItem: { status: 'IN_STOCK' },
      // The platform already holds this state: nothing is owed back to it.
      externalOperationType: 'CREATE',
      externalOperationStatus: 'SUCCEEDED',
    });
    expect(history(synced)).toEqual([['MANUAL', '260.00', '270.00']]);
    await events.until(base + 1);
    expect(events.results[base].listingChanged).toEqual({ id: mine, status: 'INACTIVE', version: before.version + 1 });

    // The next run re-delivers the same pages: nothing changes, nothing is written.
    expect(await syncListings()).toMatchObject({ status: 'SUCCEEDED', fetched_count: 3, written_count: 0, failed_count: 0, pages: 2 });
    const again = await listingOf(mine, seller.token);
    expect({ status: again.status, version: again.version, history: history(again) }).toEqual({ status: 'INACTIVE', version: before.version + 1, history: [['MANUAL', '260.00', '270.00']] });

    // A page delivered twice straight into the sink: written once, one more history row.
    const target: SyncTarget = { connectionId: connection.uuid, accountId: seller.accountId, platformId: fx.platforms.alias.uuid, platform: 'alias' };
    expect(await writePage(target, [listing('al-lst-2')])).toEqual({ written: 1, failed: 0 });
    expect(await writePage(target, [listing('al-lst-2')])).toEqual({ written: 0, failed: 0 });
    const reactivated = await listingOf(mine, seller.token);
    expect(reactivated).toMatchObject({ status: 'ACTIVE', askPrice: { amount: '265' }, version: before.version + 2, inventoryItem: { status: 'LISTED' } });
    expect(history(reactivated)).toEqual([['MANUAL', '270.00', '265.00'], ['MANUAL', '260.00', '270.00']]);
    // The next event is this change: the replayed run published nothing.
    await events.until(base + 2);
    expect(events.results[base + 1].listingChanged).toEqual({ id: mine, status: 'ACTIVE', version: before.version + 2 });
    expect(events.results).toHaveLength(base + 2);
    events.dispose();
  });

  it('skips listings MarketGraph does not know, logging their ids, without inventing inventory', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    const target: SyncTarget = { connectionId: connection.uuid, accountId: seller.accountId, platformId: fx.platforms.alias.uuid, platform: 'alias' };
    const count = async () => (await sql<{ items: number; listings: number }>(t, `select (select count(*)::int from inventory_item where account_id = ?) as items, (select count(*)::int from listing where account_id = ?) as listings`, [seller.accountId, seller.accountId]))[0];
    const counted = await count();
    expect(await writePage(target, [listing('al-lst-1'), listing('al-unknown-9', { status: UnifiedListingStatus.SOLD })], log)).toEqual({ written: 0, failed: 0 });
    expect(await count()).toEqual(counted);
    const skipped = lines.map((l) => JSON.parse(l)).filter((l) => /unknown to MarketGraph skipped/.test(l.msg) && l.externalListingId);
    expect(skipped.map((l) => [l.level, l.externalListingId])).toEqual([[30, 'al-lst-1'], [30, 'al-unknown-9']]);
  });

  it("never touches another account's listing with the same external id", async () => {
    const untouched = await listingOf(theirs, other.token);
    expect(untouched).toMatchObject({ status: 'ACTIVE', askPrice: { amount: '260' }, externalListingId: 'al-lst-2', lastPriceChangeAt: null, delistedAt: null, inventoryItem: { status: 'LISTED' } });
    expect(untouched).toEqual(theirsBefore);
    expect(history(untouched)).toEqual([]);
  });
});

describe('the listing sink racing sales', () => {
  it('sync pages restating listings while their items sell: every page commits, a sold listing stays SOLD, each item follows its listing', async () => {
    const racer = await t.createAccount();
    const target: SyncTarget = { connectionId: randomUUID(), accountId: racer.accountId, platformId: fx.platforms.alias.uuid, platform: 'alias' };
    const externalIds = Array.from({ length: 6 }, (_, i) => `al-race-${i}`);
    const listings: Array<{ id: string; item: string }> = [];
    for (const externalId of externalIds) {
      const item = await addItem(t, racer.token, fx.products[0].variants[0].id, '150.00');
      setListingChannelSource(async () => creatingChannel([externalId]));
      listings.push({ id: (await listItem(t, racer.token, { inventoryItemId: item, platform: 'alias', price: '260.00' })).listing!.id, item });
    }
    setListingChannelSource(connectionChannel);

    // Each page restates every listing (status flips, a new ask), so it writes listings and their items.
    const pages = Array.from({ length: 6 }, (_, p) =>
      externalIds.map((id) => listing(id, p % 2 ? { status: UnifiedListingStatus.INACTIVE, rawStatus: 'LISTING_STATUS_INACTIVE', amount: `27${p}.00` } : { amount: `26${p}.00` })),
    );
    const sales = listings.flatMap((l) => Array.from({ length: 3 }, () => ({ listingId: l.id, salePrice: '250.00' })));
    const [written, sold] = await Promise.all([
      Promise.all(pages.map((page) => writePage(target, page))),
      Promise.all(sales.map((input) => t.request(RecordOrderDocument, { input }, racer.token))),
    ]);

    for (const result of written) expect(result.failed).toBe(0);
    for (const res of sold) expect(res.body.errors).toBeUndefined();
    const rows = await sql<{ id: string; status: string; item_status: string; quantity_sold: number; orders: number }>(
      t,
      `select l.id, l.status, i.status as item_status, i.quantity_sold, (select count(*)::int from sales_order o where o.listing_id = l.id) as orders
         from listing l join inventory_item i on i.id = l.inventory_item_id where l.account_id = ? order by l.external_listing_id`,
      [racer.accountId],
    );
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row.orders).toBeLessThanOrEqual(1);
      // A sale is final: no later page took the listing back, and the item is sold exactly once.
      if (row.orders) expect(row).toMatchObject({ status: 'SOLD', item_status: 'SOLD', quantity_sold: 1 });
      else expect({ status: row.status, item: row.item_status, sold: row.quantity_sold }).toEqual(row.status === 'ACTIVE' ? { status: 'ACTIVE', item: 'LISTED', sold: 0 } : { status: 'INACTIVE', item: 'IN_STOCK', sold: 0 });
    }
    const orders = sold.filter((res) => res.body.data!.recordOrder.order).length;
    expect(orders).toBe(rows.filter((r) => r.orders).length);
    for (const res of sold.filter((res) => !res.body.data!.recordOrder.order)) expect(res.body.data!.recordOrder.errors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
  });
});
