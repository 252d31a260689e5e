import { toGlobalId } from '../../src/common/node';
import {
  AddInventoryItemDocument,
  InventoryDocument,
  InventoryMarketDocument,
  InventoryRecommendationsDocument,
  InventoryValuationDocument,
  RemoveInventoryItemDocument,
  UpdateInventoryItemDocument,
} from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { addItem, listItem, marketFixture, quote, type MarketFixture } from './inventory-support';

let t: TestApp;
let fx: MarketFixture;
let token: string;
let sizeNine: { id: string; uuid: string };
let sizeTen: { id: string; uuid: string };

beforeAll(async () => {
  t = await startTestApp();
  fx = await marketFixture(t, [['9', '10']]);
  [sizeNine, sizeTen] = fx.products[0].variants;
  token = (await t.createAccount()).token;
});
afterAll(() => t?.stop());

const codes = (errors: Array<{ code: string; field: string[] | null }>) => errors.map((e) => `${e.code}@${(e.field ?? []).join('.')}`).sort();

describe('addInventoryItem', () => {
  it('adds units of a size with their unit price, currency and date', async () => {
    const res = await t.request(
      AddInventoryItemDocument,
      { input: { variantId: sizeNine.id, quantity: 2, purchasePrice: '150.00', purchaseCurrency: 'usd', purchasedAt: '2025-01-15T10:00:00Z', condition: 'NEW_DEFECTS', notes: ' box damaged ' } },
      token,
    );
    expect(res.body.errors).toBeUndefined();
    const { inventoryItem, errors } = res.body.data!.addInventoryItem;
    expect(errors).toEqual([]);
    expect(inventoryItem).toMatchObject({
      status: 'IN_STOCK',
      condition: 'NEW_DEFECTS',
      quantity: 2,
      quantitySold: 0,
      quantityAvailable: 2,
      purchasePrice: { amount: '150', currency: 'USD' },
      purchaseCurrency: 'USD',
      purchasedAt: '2025-01-15T10:00:00.000Z',
      notes: 'box damaged',
      variant: { id: sizeNine.id, sizeKey: '9' },
    });
  });

  it('answers every bad input with a UserError on its field and writes nothing', async () => {
    const before = await t.request(InventoryDocument, { first: 100 }, token);
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ variantId: toGlobalId('Variant', '00000000-0000-4000-8000-000000000000'), purchasePrice: '10.00' }, ['NOT_FOUND@variantId']],
      [{ variantId: 'not-an-id', purchasePrice: '10.00' }, ['NOT_FOUND@variantId']],
      [{ variantId: toGlobalId('Product', fx.products[0].uuid), purchasePrice: '10.00' }, ['NOT_FOUND@variantId']],
      [{ variantId: sizeNine.id, purchasePrice: '10.00', quantity: 0 }, ['OUT_OF_RANGE@quantity']],
      [{ variantId: sizeNine.id, purchasePrice: '10.00', quantity: -3 }, ['OUT_OF_RANGE@quantity']],
      [{ variantId: sizeNine.id, purchasePrice: '-1.00' }, ['OUT_OF_RANGE@purchasePrice']],
      [{ variantId: sizeNine.id, purchasePrice: '1.001' }, ['INVALID@purchasePrice']],
      [{ variantId: sizeNine.id, purchasePrice: '10.00', purchaseCurrency: 'XYZ' }, ['INVALID@purchaseCurrency']],
      [{ variantId: sizeNine.id, purchasePrice: '10.00', purchaseCurrency: 'dollars' }, ['INVALID@purchaseCurrency']],
      [{ variantId: sizeNine.id, purchasePrice: '10.00', purchasedAt: new Date(Date.now() + 86_400_000).toISOString() }, ['OUT_OF_RANGE@purchasedAt']],
      [{ variantId: sizeNine.id, purchasePrice: '10.00', notes: 'x'.repeat(2001) }, ['OUT_OF_RANGE@notes']],
      [{ variantId: 'nope', purchasePrice: '-5', quantity: 0, purchaseCurrency: 'ABCD' }, ['INVALID@purchaseCurrency', 'NOT_FOUND@variantId', 'OUT_OF_RANGE@purchasePrice', 'OUT_OF_RANGE@quantity']],
    ];
    for (const [input, expected] of cases) {
      const res = await t.request(AddInventoryItemDocument, { input: input as never }, token);
      expect(res.body.errors).toBeUndefined();
      expect({ input, got: codes(res.body.data!.addInventoryItem.errors) }).toEqual({ input, got: expected });
      expect(res.body.data!.addInventoryItem.inventoryItem).toBeNull();
    }
    const after = await t.request(InventoryDocument, { first: 100 }, token);
    expect(after.body.data!.inventory.totalCount).toBe(before.body.data!.inventory.totalCount);
  });

  it('needs authentication', async () => {
    const anonymous = await t.request(AddInventoryItemDocument, { input: { variantId: sizeNine.id, purchasePrice: '1.00' } });
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const list = await t.request(InventoryDocument, {});
    expect(list.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('updateInventoryItem and removeInventoryItem', () => {
  it('changes the given fields only, and validates them', async () => {
    const id = await addItem(t, token, sizeTen.id, '99.00', { notes: 'keep' });
    const ok = await t.request(UpdateInventoryItemDocument, { input: { id, purchasePrice: '95.50', condition: 'USED', quantity: 3 } }, token);
    expect(ok.body.data!.updateInventoryItem.errors).toEqual([]);
    expect(ok.body.data!.updateInventoryItem.inventoryItem).toMatchObject({ purchasePrice: { amount: '95.5' }, condition: 'USED', quantity: 3, notes: 'keep' });

    const bad = await t.request(UpdateInventoryItemDocument, { input: { id, quantity: 0, purchasePrice: '-2', purchaseCurrency: 'QQQ', purchasedAt: '2999-01-01T00:00:00Z' } }, token);
    expect(codes(bad.body.data!.updateInventoryItem.errors)).toEqual(['INVALID@purchaseCurrency', 'OUT_OF_RANGE@purchasePrice', 'OUT_OF_RANGE@purchasedAt', 'OUT_OF_RANGE@quantity']);

    const missing = await t.request(UpdateInventoryItemDocument, { input: { id: toGlobalId('InventoryItem', '00000000-0000-4000-8000-000000000001'), notes: 'x' } }, token);
    expect(codes(missing.body.data!.updateInventoryItem.errors)).toEqual(['NOT_FOUND@id']);

    const cleared = await t.request(UpdateInventoryItemDocument, { input: { id, notes: '' } }, token);
    expect(cleared.body.data!.updateInventoryItem.inventoryItem!.notes).toBeNull();
  });

  it('keeps removed items read-only, refuses to remove listed items, and hides removed items by default', async () => {
    const id = await addItem(t, token, sizeTen.id, '80.00');
    const listed = await addItem(t, token, sizeTen.id, '80.00');
    await listItem(t, token, { inventoryItemId: listed, platform: 'ebay', price: '300.00' });
    const refused = await t.request(RemoveInventoryItemDocument, { input: { id: listed } }, token);
    expect(codes(refused.body.data!.removeInventoryItem.errors)).toEqual(['CONFLICT@id']);

    const removed = await t.request(RemoveInventoryItemDocument, { input: { id } }, token);
    expect(removed.body.data!.removeInventoryItem).toMatchObject({ inventoryItem: { id, status: 'REMOVED' }, errors: [] });
    const again = await t.request(RemoveInventoryItemDocument, { input: { id } }, token);
    expect(again.body.data!.removeInventoryItem.errors).toEqual([]);
    const edit = await t.request(UpdateInventoryItemDocument, { input: { id, notes: 'late' } }, token);
    expect(codes(edit.body.data!.updateInventoryItem.errors)).toEqual(['CONFLICT@id']);

    const visible = await t.request(InventoryDocument, { first: 100 }, token);
    expect(visible.body.data!.inventory.edges.map((e) => e.node.id)).not.toContain(id);
    const withRemoved = await t.request(InventoryDocument, { first: 100, filter: { statuses: ['REMOVED'] } }, token);
    expect(withRemoved.body.data!.inventory.edges.map((e) => e.node.id)).toEqual([id]);
  });

  it('pages newest first with cursors and filters', async () => {
    const all = await t.request(InventoryDocument, { first: 100 }, token);
    const ids = all.body.data!.inventory.edges.map((e) => e.node.id);
    const first = await t.request(InventoryDocument, { first: 2 }, token);
    expect(first.body.data!.inventory.edges.map((e) => e.node.id)).toEqual(ids.slice(0, 2));
    expect(first.body.data!.inventory.pageInfo.hasNextPage).toBe(true);
    const next = await t.request(InventoryDocument, { first: 2, after: first.body.data!.inventory.pageInfo.endCursor }, token);
    expect(next.body.data!.inventory.edges.map((e) => e.node.id)).toEqual(ids.slice(2, 4));
  });

  it('filters by condition and by size: exactly the matching items, none missing, none extra', async () => {
    // Both filters must have something to keep and something to drop, whatever the earlier tests left.
    await addItem(t, token, sizeNine.id, '70.00', { condition: 'USED' });
    await addItem(t, token, sizeTen.id, '70.00', { condition: 'NEW' });
    const all = (await t.request(InventoryDocument, { first: 100 }, token)).body.data!.inventory.edges.map((e) => e.node);
    const idsWhere = (keep: (node: (typeof all)[number]) => boolean) => all.filter(keep).map((n) => n.id);

    const used = await t.request(InventoryDocument, { first: 100, filter: { conditions: ['USED'] } }, token);
    const usedIds = idsWhere((n) => n.condition === 'USED');
    expect(usedIds.length).toBeGreaterThan(0);
    expect(usedIds.length).toBeLessThan(all.length);
    expect(used.body.data!.inventory.edges.map((e) => e.node.id)).toEqual(usedIds);

    const bySize = await t.request(InventoryDocument, { first: 100, filter: { variantIds: [sizeNine.id] } }, token);
    const sizeNineIds = idsWhere((n) => n.variant.id === sizeNine.id);
    expect(sizeNineIds.length).toBeGreaterThan(0);
    expect(sizeNineIds.length).toBeLessThan(all.length);
    expect(bySize.body.data!.inventory.edges.map((e) => e.node.id)).toEqual(sizeNineIds);
  });
});

describe('marketplaceData, valuation and pricingRecommendations', () => {
  let item: string;
  let reader: string;

  beforeAll(async () => {
    reader = (await t.createAccount()).token;
    await quote(t, fx, [
      { variant: sizeNine.uuid, platform: 'stockx', ask: '220.00', bid: '200.00', last: '210.00', sales7d: 14, sales30d: 40, volatility: '0.2' },
      { variant: sizeNine.uuid, platform: 'ebay', ask: '230.00', last: '225.00', sales30d: 9 },
    ]);
    item = await addItem(t, reader, sizeNine.id, '150.00', { quantity: 2 });
  });

  it('computes per-platform market data with fees and the estimated net (hand-checked)', async () => {
    const res = await t.request(InventoryMarketDocument, { first: 10 }, reader);
    expect(res.body.errors).toBeUndefined();
    const data = res.body.data!.inventory.edges[0].node.marketplaceData;
    expect(data.map((d) => d.platform.slug)).toEqual(['ebay', 'stockx']);
    const [ebay, stockx] = data;
    // StockX at 220.00: 9 % = 19.80 (above the 5.00 minimum), 3 % processing = 6.60 → fees 26.40, net 193.60.
    expect(stockx).toMatchObject({
      ourAsk: null,
      lowestAsk: { amount: '220', currency: 'USD' },
      highestBid: { amount: '200' },
      lastSale: { amount: '210' },
      salesLast7Days: 14,
      salesLast30Days: 40,
      salesPerDay: '2',
      volatility: '0.2',
      sellerFeeRate: '0.09',
      feeRate: '0.12',
      estimateBasis: 'LOWEST_ASK',
      estimatedNet: { amount: '193.6', currency: 'USD' },
    });
    expect(stockx.platformData).toMatchObject({ slug: 'stockx', kind: 'RESALE_MARKET', source: 'API', buyerPaysAtLowestAsk: '231.00', minimumFeeApplied: false, minimumFee: '5.00' });
    // eBay at 230.00: 13.25 % = 30.475 → 30.48 (half-even) + 0.30 fixed = 30.78 → net 199.22; 9 sales in 30 days.
    expect(ebay).toMatchObject({ highestBid: null, salesPerDay: '0.3', feeRate: '0.1338', estimatedNet: { amount: '199.22' } });
  });

  it('values the unsold units per platform net of fees, with the best platform', async () => {
    const res = await t.request(InventoryMarketDocument, { first: 10 }, reader);
    const valuation = res.body.data!.inventory.edges[0].node.valuation;
    expect(valuation.units).toBe(2);
    expect(valuation.costBasis).toEqual({ amount: '300', currency: 'USD' });
    expect(valuation.platforms).toEqual([
      { platform: { slug: 'ebay' }, basis: 'LOWEST_ASK', price: { amount: '230' }, unitNet: { amount: '199.22' }, marketValue: { amount: '398.44' }, unrealizedProfit: { amount: '98.44' }, margin: '0.214', roi: '0.3281' },
      { platform: { slug: 'stockx' }, basis: 'LOWEST_ASK', price: { amount: '220' }, unitNet: { amount: '193.6' }, marketValue: { amount: '387.2' }, unrealizedProfit: { amount: '87.2' }, margin: '0.1982', roi: '0.2907' },
    ]);
    expect(valuation.best).toEqual({ platform: { slug: 'ebay' }, unitNet: { amount: '199.22' }, unrealizedProfit: { amount: '98.44' } });

    const byBid = await t.request(InventoryValuationDocument, { id: item, basis: 'HIGHEST_BID' }, reader);
    const platforms = (byBid.body.data!.node as { valuation: { platforms: Array<{ platform: { slug: string }; basis: string; unitNet: { amount: string } }> } }).valuation.platforms;
    // StockX bid 200: fees 18.00 + 6.00 → 176.00; eBay has no bid and falls back to its lowest ask.
    expect(platforms.map((p) => [p.platform.slug, p.basis, p.unitNet.amount])).toEqual([['ebay', 'LOWEST_ASK', '199.22'], ['stockx', 'HIGHEST_BID', '176']]);
  });

  it('shows our own ask once the item is listed, and estimates at it', async () => {
    await listItem(t, reader, { inventoryItemId: item, platform: 'stockx', price: '215.00' });
    const res = await t.request(InventoryMarketDocument, { first: 10 }, reader);
    const stockx = res.body.data!.inventory.edges[0].node.marketplaceData.find((d) => d.platform.slug === 'stockx')!;
    // 215.00: 19.35 + 6.45 = 25.80 → 189.20.
    expect(stockx).toMatchObject({ ourAsk: { amount: '215', currency: 'USD' }, estimateBasis: 'OUR_ASK', estimatedNet: { amount: '189.2' } });
  });

  it('recommends a price per platform with expected net, profit and margin, never below the fee-aware floor', async () => {
    const res = await t.request(InventoryRecommendationsDocument, { id: item, strategy: 'COMPETITIVE' }, reader);
    expect(res.body.errors).toBeUndefined();
    const recs = (res.body.data!.node as { pricingRecommendations: Array<Record<string, unknown>> }).pricingRecommendations;
    const stockx = recs.find((r) => (r.platform as { slug: string }).slug === 'stockx')!;
    // Our 215.00 listing is not the lowest ask (220.00): undercut by a cent → 219.99; net 219.99 − 19.80 − 6.60 = 193.59.
    expect(stockx).toMatchObject({ strategy: 'COMPETITIVE', price: { amount: '219.99', currency: 'USD' }, expectedNet: { amount: '193.59' }, expectedProfit: { amount: '43.59' }, margin: '0.1981', roi: '0.2906', guards: [] });

    const floorBound = await t.request(InventoryRecommendationsDocument, { id: item, strategy: 'HIGHEST_BID', minimumMargin: '60.00' }, reader);
    const bid = (floorBound.body.data!.node as { pricingRecommendations: Array<Record<string, unknown>> }).pricingRecommendations.find((r) => (r.platform as { slug: string }).slug === 'stockx')!;
    // Bid 200 nets 176; the floor must net 150 + 60 = 210 → p − 0.12 p ≥ 210 → p ≥ 238.64 (238.64 nets 210.00).
    expect(bid).toMatchObject({ price: { amount: '238.64' }, floor: { amount: '238.64' }, expectedNet: { amount: '210' }, expectedProfit: { amount: '60' }, guards: ['FLOOR'] });
  });
});
