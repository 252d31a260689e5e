import { ErrorPolicy } from '../../src/common/error-policy';
import { ingestMarketSnapshots, openPriceStreams, type SnapshotRow } from '../../src/domains/market';
import { IngestMarketSnapshotsDocument, VariantMarketDocument, VariantPriceHistoryDocument, type MarketSnapshotInput } from '../generated/graphql';
import { startTestApp, wsExecute, type TestApp } from '../support/app';
import { collect, createProducts, platformIds, waitFor, type TestProduct } from './market-support';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const today = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z').getTime();
const at = (days: number, hours: number) => new Date(today - days * DAY + hours * HOUR).toISOString();

let t: TestApp;
let admin: string;
let product: TestProduct;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await t.createAccount({ admin: true })).token;
  [product] = await createProducts(t, admin, [['9', '10', '11']]);
});
afterAll(() => t?.stop());

const PRICE_CHANGED = `subscription($filter: PriceChangeFilter) {
  priceChanged(filter: $filter) { field old { amount currency } new { amount currency } changePercent at platform { slug } variant { sizeKey } product { sku } }
}`;

function snap(variantId: string, platform: string, capturedAt: string, ask: string | null, bid: string | null, last: string | null, extra: Partial<MarketSnapshotInput> = {}): MarketSnapshotInput {
  return { variantId, platform, capturedAt, lowestAsk: ask, highestBid: bid, lastSale: last, ...extra };
}

describe('ingest → latest → history → live event', () => {
  it('stores snapshots over HTTP and answers latest prices and daily OHLC buckets', async () => {
    const v = product.variants[0].id;
    const res = await t.request(
      IngestMarketSnapshotsDocument,
      {
        input: {
          snapshots: [
            snap(v, 'stockx', at(2, 10), '200.00', '180.00', '190.00', { sales7d: 14, sales30d: 50, volatility: '0.12', source: 'SIMULATED' }),
            snap(v, 'stockx', at(2, 14), '210.00', '181.00', '190.00', { sales7d: 14, sales30d: 50 }),
            snap(v, 'stockx', at(2, 18), '205.00', '181.00', '192.00', { sales7d: 28, sales30d: 52 }),
            snap(v, 'stockx', at(1, 9), '190.00', '185.00', '192.00'),
            snap(v, 'stockx', at(1, 21), '199.99', '185.00', '195.00', { sales7d: 21, sales30d: 60, volatility: '0.2', source: 'API' }),
            snap(v, 'goat', at(1, 12), '230.00', null, null),
          ],
        },
      },
      admin,
    );
    expect(res.body.errors).toBeUndefined();
    const payload = res.body.data!.ingestMarketSnapshots;
    expect(payload.errors).toEqual([]);
    expect(payload.written).toBe(6);
    // First prices of two keys: stockx ask, bid and last appear; goat only has an ask.
    expect(payload.changes).toBe(4);

    const market = await t.request(VariantMarketDocument, { id: v, maxAgeSeconds: 3600 });
    expect(market.body.errors).toBeUndefined();
    const quotes = (market.body.data!.node as { market: Array<Record<string, unknown>> }).market;
    expect(quotes).toEqual([
      expect.objectContaining({ platform: { slug: 'goat' }, lowestAsk: { amount: '230', currency: 'USD' }, highestBid: null, stale: true }),
      expect.objectContaining({
        platform: { slug: 'stockx' },
        lowestAsk: { amount: '199.99', currency: 'USD' },
        highestBid: { amount: '185', currency: 'USD' },
        lastSale: { amount: '195', currency: 'USD' },
        previousLowestAsk: null,
        sales7d: 21,
        sales30d: 60,
        volatility: '0.2',
        source: 'API',
        capturedAt: new Date(at(1, 21)).toISOString(),
        stale: true,
      }),
    ]);

    const history = await t.request(VariantPriceHistoryDocument, { id: v, from: at(3, 0), to: at(0, 0), interval: 'DAY' });
    expect(history.body.errors).toBeUndefined();
    // Volume: mean 7-day sales of the bucket prorated to one day, (14 + 14 + 28) / 3 / 7 → 3 and 21 / 7 → 3.
    const buckets = (history.body.data!.node as { priceHistory: Array<{ platform: { slug: string }; start: string }> }).priceHistory;
    // One series per platform, each in time order.
    const series = (slug: string) => buckets.filter((b) => b.platform.slug === slug);
    expect(series('stockx').map((b) => b.start)).toEqual([...series('stockx').map((b) => b.start)].sort());
    expect([...series('goat'), ...series('stockx')]).toEqual([
      { platform: { slug: 'goat' }, start: at(1, 0), end: at(0, 0), currency: 'USD', open: '230', high: '230', low: '230', close: '230', volume: null, samples: 1 },
      { platform: { slug: 'stockx' }, start: at(2, 0), end: at(1, 0), currency: 'USD', open: '200', high: '210', low: '200', close: '205', volume: 3, samples: 3 },
      { platform: { slug: 'stockx' }, start: at(1, 0), end: at(0, 0), currency: 'USD', open: '190', high: '199.99', low: '190', close: '199.99', volume: 3, samples: 2 },
    ].map((b) => ({ ...b, start: new Date(b.start).toISOString(), end: new Date(b.end).toISOString() })));

    const hourly = await t.request(VariantPriceHistoryDocument, { id: v, platform: 'stockx', from: at(2, 0), to: at(1, 0), interval: 'HOUR' });
    const hours = (hourly.body.data!.node as { priceHistory: Array<{ start: string; open: string; samples: number }> }).priceHistory;
    expect(hours.map((h) => [h.start, h.open, h.samples])).toEqual([
      [new Date(at(2, 10)).toISOString(), '200', 1],
      [new Date(at(2, 14)).toISOString(), '210', 1],
      [new Date(at(2, 18)).toISOString(), '205', 1],
    ]);
  });

  it('publishes the change of a new ingest to a WebSocket subscriber and updates the latest row with its previous value', async () => {
    const v = product.variants[0].id;
    const before = openPriceStreams();
    const sub = collect<{ priceChanged: Record<string, unknown> }>(t.wsClient(), PRICE_CHANGED, { filter: { productIds: [product.id] } });
    await waitFor('the subscription to open', () => openPriceStreams() > before);
    const capturedAt = new Date(Date.now() - 60_000).toISOString();
    const res = await t.request(IngestMarketSnapshotsDocument, { input: { snapshots: [snap(v, 'stockx', capturedAt, '215.00', '185.00', '195.00')] } }, admin);
    expect(res.body.data!.ingestMarketSnapshots).toMatchObject({ written: 1, changes: 1, errors: [] });
    const [event] = await sub.until(1);
    expect(event.priceChanged).toEqual({
      field: 'LOWEST_ASK',
      old: { amount: '199.99', currency: 'USD' },
      new: { amount: '215', currency: 'USD' },
      changePercent: '7.51', // 15.01 / 199.99 = 7.505…%
      at: capturedAt,
      platform: { slug: 'stockx' },
      variant: { sizeKey: '9' },
      product: { sku: product.sku },
    });
    sub.dispose();

    const overWs = await wsExecute<{ node: { market: Array<{ platform: { slug: string }; lowestAsk: { amount: string }; previousLowestAsk: { amount: string }; stale: boolean }> } }>(
      t.wsClient(),
      `query($id: ID!) { node(id: $id) { ... on Variant { market(platforms: ["stockx"]) { platform { slug } lowestAsk { amount } previousLowestAsk { amount } stale } } } }`,
      { id: v },
    );
    expect(overWs.data!.node.market).toEqual([{ platform: { slug: 'stockx' }, lowestAsk: { amount: '215' }, previousLowestAsk: { amount: '199.99' }, stale: false }]);
  });

  it('is idempotent for a repeated snapshot and never lets an older snapshot replace the latest price', async () => {
    const v = product.variants[0];
    const [stockx] = [(await platformIds(t)).stockx];
    const em = t.app.orm.em.fork();
    const row = (capturedAt: string, ask: string): SnapshotRow => ({ variantId: v.uuid, platformId: stockx.uuid, lowestAsk: ask, highestBid: '185.00', lastSale: '195.00', currency: 'USD', capturedAt: new Date(capturedAt), source: 'API' });
    const repeated = await ingestMarketSnapshots(em, t.app.pubsub, [row(at(1, 21), '199.99')]);
    expect(repeated).toEqual({ written: 0, changes: 0, rowErrors: [] });
    const older = await ingestMarketSnapshots(em, t.app.pubsub, [row(at(1, 22), '186.00')]);
    expect(older).toEqual({ written: 1, changes: 0, rowErrors: [] });
    const market = await t.request(VariantMarketDocument, { id: v.id, platforms: ['stockx'] });
    expect((market.body.data!.node as { market: Array<{ lowestAsk: { amount: string } }> }).market[0].lowestAsk.amount).toBe('215');
  });
});

describe('per-row validation', () => {
  const rows = (): MarketSnapshotInput[] => {
    const [, v10, v11] = product.variants;
    const recent = new Date(Date.now() - HOUR).toISOString();
    return [
      snap(v10.id, 'alias', recent, '150.00', '140.00', '145.00'),
      snap(v10.id, 'alias', recent, '-1.00', null, null),
      snap(v10.id, 'goat', recent, '100.00', '120.00', null),
      snap(v10.id, 'ebay', recent, '100.00', null, null, { volatility: '1.5' }),
      snap(Buffer.from('Variant:00000000-0000-4000-8000-000000000000').toString('base64url'), 'stockx', recent, '100.00', null, null),
      snap(v11.id, 'nope', recent, '100.00', null, null),
      snap(v11.id, 'stockx', new Date(Date.now() + DAY).toISOString(), '100.00', null, null),
      snap(v11.id, 'stockx', recent, '5000000.00', null, null),
    ];
  };
  const expected = [
    { field: ['snapshots', '1', 'lowestAsk'], code: 'OUT_OF_RANGE' },
    { field: ['snapshots', '2', 'lowestAsk'], code: 'CONFLICT' },
    { field: ['snapshots', '3', 'volatility'], code: 'OUT_OF_RANGE' },
    { field: ['snapshots', '4', 'variantId'], code: 'NOT_FOUND' },
    { field: ['snapshots', '5', 'platform'], code: 'NOT_FOUND' },
    { field: ['snapshots', '6', 'capturedAt'], code: 'OUT_OF_RANGE' },
    { field: ['snapshots', '7', 'lowestAsk'], code: 'OUT_OF_RANGE' },
  ];
  const aliasQuotes = async () => {
    const res = await t.request(VariantMarketDocument, { id: product.variants[1].id, platforms: ['alias'] });
    return (res.body.data!.node as { market: unknown[] }).market;
  };

  it('REJECT_EVERYTHING reports every failing row, marks the valid one REJECTED and writes nothing', async () => {
    const res = await t.request(IngestMarketSnapshotsDocument, { input: { snapshots: rows() } }, admin);
    const payload = res.body.data!.ingestMarketSnapshots;
    expect(payload.written).toBe(0);
    expect(payload.results[0]).toEqual({ index: 0, accepted: false, errors: [expect.objectContaining({ code: 'REJECTED', field: ['snapshots', '0'] })] });
    expect(payload.results.slice(1).map((r) => r.errors.map((e) => ({ field: e.field, code: e.code })))).toEqual(expected.map((e) => [e]));
    expect(payload.errors.find((e) => e.code === 'CONFLICT')!.message).toBe('Crossed market: lowest ask 100.00 is below highest bid 120.00.');
    expect(payload.errors.find((e) => e.field?.[2] === 'platform')!.message).toBe('Unknown platform "nope".');
    expect(await aliasQuotes()).toEqual([]);
  });

  it('REJECT_FAILED_ROWS writes the valid row and reports the same errors', async () => {
    const res = await t.request(IngestMarketSnapshotsDocument, { input: { snapshots: rows(), errorPolicy: 'REJECT_FAILED_ROWS' } }, admin);
    const payload = res.body.data!.ingestMarketSnapshots;
    expect(payload.written).toBe(1);
    expect(payload.results.map((r) => r.accepted)).toEqual([true, false, false, false, false, false, false, false]);
    expect(payload.errors.map((e) => ({ field: e.field, code: e.code }))).toEqual(expected);
    expect(await aliasQuotes()).toEqual([expect.objectContaining({ lowestAsk: { amount: '150', currency: 'USD' } })]);
  });

  it('checks currency, sales counts, cents and dates on the bulk path used by sync', async () => {
    const stockx = (await platformIds(t)).stockx.uuid;
    const v = product.variants[2].uuid;
    const base = { variantId: v, platformId: stockx, currency: 'USD', capturedAt: new Date(Date.now() - HOUR), source: 'API' as const };
    const result = await ingestMarketSnapshots(t.app.orm.em.fork(), t.app.pubsub, [
      { ...base, lowestAsk: 100, highestBid: '99.5' },
      { ...base, lowestAsk: '100', currency: 'ZZZ' },
      { ...base, lowestAsk: '100', sales7d: 10, sales30d: 5 },
      { ...base, lowestAsk: '100.001' },
      { ...base, lowestAsk: '100', capturedAt: new Date('nope') },
      { ...base, lowestAsk: '100', sales7d: 1.5 },
      { ...base, lowestAsk: '100', variantId: 'not-a-uuid' },
    ], { errorPolicy: ErrorPolicy.REJECT_FAILED_ROWS });
    expect(result.written).toBe(1);
    expect(result.rowErrors.map((r) => [r.index, r.errors.map((e) => `${e.field!.slice(2).join('.')}:${e.code}`)])).toEqual([
      [1, ['currency:INVALID']],
      [2, ['sales7d:CONFLICT']],
      [3, ['lowestAsk:INVALID']],
      [4, ['capturedAt:INVALID']],
      [5, ['sales7d:OUT_OF_RANGE']],
      [6, ['variantId:NOT_FOUND']],
    ]);
  });

  it('is admin-only', async () => {
    const member = (await t.createAccount()).token;
    const res = await t.request(IngestMarketSnapshotsDocument, { input: { snapshots: rows().slice(0, 1) } }, member);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
