import { ingestMarketSnapshots, openPriceStreams, type SnapshotRow } from '../../src/domains/market';
import { CreatePriceAlertDocument, DeletePriceAlertDocument, PriceAlertsDocument } from '../generated/graphql';
import { startTestApp, wsExecute, type TestApp } from '../support/app';
import { collect, createProducts, platformIds, waitFor, type Collector, type TestProduct } from './market-support';

let t: TestApp;
let a: TestProduct;
let b: TestProduct;
let platforms: Record<string, { uuid: string }>;
let clock = Date.now() - 3_600_000;

/** Ingests asks (bid and last sale stay put) one second after the previous ingest, so every call is the newest. */
async function asks(changes: Array<[variantUuid: string, platform: string, ask: string]>) {
  clock += 1000;
  const rows: SnapshotRow[] = changes.map(([variantId, platform, ask]) => ({
    variantId, platformId: platforms[platform].uuid, lowestAsk: ask, highestBid: '10.00', lastSale: '50.00',
    currency: 'USD', capturedAt: new Date(clock), source: 'API',
  }));
  const result = await ingestMarketSnapshots(t.app.orm.em.fork(), t.app.pubsub, rows);
  expect(result.rowErrors).toEqual([]);
  return result;
}

beforeAll(async () => {
  t = await startTestApp();
  const admin = (await t.createAccount({ admin: true })).token;
  [a, b] = await createProducts(t, admin, [['9', '10'], ['9']]);
  platforms = await platformIds(t);
  await asks([a.variants[0], a.variants[1], b.variants[0]].flatMap((v) => [[v.uuid, 'stockx', '100.00'], [v.uuid, 'goat', '100.00']] as Array<[string, string, string]>));
});
afterAll(() => t?.stop());

const PRICE_CHANGED = `subscription($filter: PriceChangeFilter) {
  priceChanged(filter: $filter) { field old { amount } new { amount } changePercent platform { slug } variant { sizeKey } product { sku } }
}`;
type Change = { priceChanged: { old: { amount: string }; new: { amount: string }; platform: { slug: string }; variant: { sizeKey: string }; product: { sku: string } } };
const key = (r: Change) => `${r.priceChanged.product.sku === a.sku ? 'A' : 'B'}${r.priceChanged.variant.sizeKey}/${r.priceChanged.platform.slug} ${r.priceChanged.old.amount}→${r.priceChanged.new.amount}`;
const keys = (c: Collector<Change>) => c.results.map(key).sort();

describe('priceChanged filters', () => {
  it('delivers exactly the events matching product, variant, platform and minimum change', async () => {
    const before = openPriceStreams();
    const ws = t.wsClient();
    const subs = {
      productA: collect<Change>(ws, PRICE_CHANGED, { filter: { productIds: [a.id] } }),
      productAOnGoat: collect<Change>(ws, PRICE_CHANGED, { filter: { productIds: [a.id], platforms: ['goat'] } }),
      bigMoves: collect<Change>(ws, PRICE_CHANGED, { filter: { minChangePercent: '10' } }),
      sizeA10: collect<Change>(ws, PRICE_CHANGED, { filter: { variantIds: [a.variants[1].id] } }),
      productBStockxFivePercent: collect<Change>(ws, PRICE_CHANGED, { filter: { productIds: [b.id], platforms: ['stockx'], minChangePercent: '5' } }),
      everything: collect<Change>(ws, PRICE_CHANGED, {}),
    };
    await waitFor('six open streams', () => openPriceStreams() >= before + 6);

    await asks([
      [a.variants[0].uuid, 'stockx', '105.00'], // +5 %
      [a.variants[0].uuid, 'goat', '120.00'], // +20 %
      [a.variants[1].uuid, 'stockx', '98.00'], // −2 %
      [b.variants[0].uuid, 'stockx', '94.00'], // −6 %
      [b.variants[0].uuid, 'goat', '130.00'], // +30 %
    ]);
    // Markers (+50 %) that every subscriber matches: once a subscriber has its markers, nothing published earlier is still on its way.
    await asks([[a.variants[1].uuid, 'goat', '150.00'], [b.variants[0].uuid, 'stockx', '141.00']]);

    const e1 = 'A9/stockx 100→105', e2 = 'A9/goat 100→120', e3 = 'A10/stockx 100→98', e4 = 'B9/stockx 100→94', e5 = 'B9/goat 100→130';
    const mA = 'A10/goat 100→150', mB = 'B9/stockx 94→141';
    const expected: Record<keyof typeof subs, string[]> = {
      productA: [e1, e2, e3, mA],
      productAOnGoat: [e2, mA],
      bigMoves: [e2, e5, mA, mB],
      sizeA10: [e3, mA],
      productBStockxFivePercent: [e4, mB],
      everything: [e1, e2, e3, e4, e5, mA, mB],
    };
    for (const [name, sub] of Object.entries(subs) as Array<[keyof typeof subs, Collector<Change>]>) {
      await sub.until(expected[name].length);
      expect({ name, received: keys(sub) }).toEqual({ name, received: [...expected[name]].sort() });
      sub.dispose();
    }
    await waitFor('streams to close', () => openPriceStreams() === before);
  });

  it('rejects ids of the wrong type and too many products', async () => {
    const bad = await wsExecute(t.wsClient(), PRICE_CHANGED, { filter: { productIds: [a.variants[0].id] } }).catch((e) => ({ errors: e }));
    expect(JSON.stringify(bad.errors)).toContain('is not a Product id');
    const many = Array.from({ length: 101 }, (_, i) => Buffer.from(`Product:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).toString('base64url'));
    const tooMany = await wsExecute(t.wsClient(), PRICE_CHANGED, { filter: { productIds: many } }).catch((e) => ({ errors: e }));
    expect(JSON.stringify(tooMany.errors)).toContain('at most 100 products');
  });
});

describe('price alerts', () => {
  const ALERTS = `subscription { priceAlertTriggered { alert { id } condition threshold field old { amount } new { amount } changePercent variant { sizeKey } platform { slug } } }`;
  type Fired = { priceAlertTriggered: { alert: { id: string } | null; condition: string; old: { amount: string }; new: { amount: string }; variant: { sizeKey: string }; platform: { slug: string } } };

  it('validates, lists and deletes the viewer’s alerts only', async () => {
    const owner = (await t.createAccount()).token;
    const other = (await t.createAccount()).token;
    const both = await t.request(CreatePriceAlertDocument, { input: { productId: a.id, variantId: a.variants[0].id, condition: 'LOWEST_ASK_BELOW', threshold: '90' } }, owner);
    expect(both.body.data!.createPriceAlert.errors[0]).toMatchObject({ code: 'INVALID' });
    const bad = await t.request(CreatePriceAlertDocument, { input: { productId: a.id, platform: 'nowhere', condition: 'CHANGE_PERCENT', threshold: '0' } }, owner);
    expect(bad.body.data!.createPriceAlert.errors.map((e) => [e.field, e.code])).toEqual([[['threshold'], 'OUT_OF_RANGE'], [['platform'], 'NOT_FOUND']]);

    const created = await t.request(CreatePriceAlertDocument, { input: { variantId: a.variants[0].id, platform: 'stockx', condition: 'LOWEST_ASK_BELOW', threshold: '90' } }, owner);
    const alert = created.body.data!.createPriceAlert.priceAlert!;
    expect(alert).toMatchObject({ condition: 'LOWEST_ASK_BELOW', threshold: '90', currency: 'USD', active: true, product: { sku: a.sku }, variant: { sizeKey: '9' }, platform: { slug: 'stockx' } });

    expect((await t.request(PriceAlertsDocument, {}, owner)).body.data!.priceAlerts).toMatchObject({ totalCount: 1, nodes: [{ id: alert.id }] });
    expect((await t.request(PriceAlertsDocument, {}, other)).body.data!.priceAlerts).toMatchObject({ totalCount: 0, nodes: [] });
    expect((await t.request(`query($id: ID!) { node(id: $id) { id } }`, { id: alert.id }, other)).body.data).toEqual({ node: null });
    expect((await t.request(DeletePriceAlertDocument, { input: { id: alert.id } }, other)).body.data!.deletePriceAlert.errors[0].code).toBe('NOT_FOUND');
    expect((await t.request(DeletePriceAlertDocument, { input: { id: alert.id } }, owner)).body.data!.deletePriceAlert).toEqual({ deletedId: alert.id, errors: [] });
    expect((await t.request(PriceAlertsDocument, {}, owner)).body.data!.priceAlerts.totalCount).toBe(0);
    expect((await t.request(PriceAlertsDocument, {})).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('fires when the condition starts to hold and reaches only the alert’s owner', async () => {
    const one = await t.createAccount();
    const two = await t.createAccount();
    const below = await t.request(CreatePriceAlertDocument, { input: { variantId: a.variants[0].id, platform: 'stockx', condition: 'LOWEST_ASK_BELOW', threshold: '90' } }, one.token);
    const swing = await t.request(CreatePriceAlertDocument, { input: { productId: a.id, condition: 'CHANGE_PERCENT', threshold: '25' } }, two.token);
    const belowId = below.body.data!.createPriceAlert.priceAlert!.id;
    const swingId = swing.body.data!.createPriceAlert.priceAlert!.id;

    const anonymous = await wsExecute(t.wsClient(), ALERTS).catch((e) => ({ errors: e }));
    expect(JSON.stringify(anonymous.errors)).toContain('UNAUTHENTICATED');

    const before = openPriceStreams();
    const firstOwner = collect<Fired>(t.wsClient(one.token), ALERTS);
    const secondOwner = collect<Fired>(t.wsClient(two.token), ALERTS);
    await waitFor('two alert streams', () => openPriceStreams() >= before + 2);

    await asks([[a.variants[0].uuid, 'stockx', '85.00']]); // 105 → 85: below 90 (one); −19 % (not two)
    await asks([[a.variants[0].uuid, 'stockx', '80.00'], [a.variants[1].uuid, 'goat', '100.00']]); // still below: no repeat; 150 → 100: −33 % (two)
    await asks([[a.variants[0].uuid, 'stockx', '95.00']]);
    await asks([[a.variants[0].uuid, 'stockx', '89.00']]); // below again (one)
    await asks([[a.variants[1].uuid, 'goat', '140.00']]); // +40 % (two), the last event for both

    const mine = (c: Collector<Fired>) => c.results.map((r) => `${r.priceAlertTriggered.alert?.id}:${r.priceAlertTriggered.variant.sizeKey}/${r.priceAlertTriggered.platform.slug} ${r.priceAlertTriggered.old.amount}→${r.priceAlertTriggered.new.amount}`);
    await secondOwner.until(2);
    expect(mine(secondOwner)).toEqual([`${swingId}:10/goat 150→100`, `${swingId}:10/goat 100→140`]);
    await firstOwner.until(2);
    expect(mine(firstOwner)).toEqual([`${belowId}:9/stockx 105→85`, `${belowId}:9/stockx 95→89`]);
    expect(firstOwner.results[0].priceAlertTriggered).toMatchObject({ condition: 'LOWEST_ASK_BELOW', threshold: '90', field: 'LOWEST_ASK', changePercent: '-19.05' });
    firstOwner.dispose();
    secondOwner.dispose();

    const listed = await t.request(PriceAlertsDocument, {}, one.token);
    expect(listed.body.data!.priceAlerts.nodes).toEqual([expect.objectContaining({ id: belowId, triggerCount: 2 })]);
  });
});
