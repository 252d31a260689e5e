import { ProviderErrorKind, ProviderErrorReason } from '../../src/domains/sync/http/provider-error';
import { AliasProvider } from '../../src/domains/sync/providers/alias/alias.provider';
import { ListingOperationStatus, type NormalizedOrder } from '../../src/domains/sync/providers/provider';
import { UnifiedListingStatus } from '../../src/domains/sync/status/unified-listing-status';
import { UnifiedOrderStatus } from '../../src/domains/sync/status/unified-order-status';
import { FakeUpstream } from './fake-upstream';
import { createTestRuntime, describeFaultMatrix, expectNoSecrets, providerError, T0, TEST_POLICY, type TestRuntime } from './provider-harness';

const token = 'alias-pat-3f9e8d7c6b5a4f3e';
const secrets = [token];

describe('Alias provider contract', () => {
  let upstream: FakeUpstream;
  let test: TestRuntime;

  const provider = (accessToken = token) =>
    new AliasProvider({ connectionId: 'conn-alias-1', credentials: { accessToken }, runtime: test.runtime, settings: { baseUrl: `${upstream.url}/api/v1/`, policy: TEST_POLICY } });

  beforeAll(async () => {
    upstream = await FakeUpstream.start('alias');
    upstream
      .requireAuth((h) => h.authorization === `Bearer ${token}`)
      .route('GET', '/api/v1/test', () => ({ json: { ok: true } }))
      .serve('GET', '/api/v1/catalog', 'catalog')
      .route('GET', '/api/v1/pricing_insights/availability', (req) =>
        req.query.get('size') === '14' ? { status: 404, json: { code: 5, message: 'no availability for this size' } } : { json: upstream.fixture(`pricing-${req.query.get('size')}`) },
      )
      .route('GET', '/api/v1/listings', (req) => ({ json: upstream.fixture(req.query.get('pagination_token') === 'lst-page-2' ? 'listings-page-2' : 'listings-page-1') }))
      .route('GET', '/api/v1/orders', (req) => ({ json: upstream.fixture(req.query.get('pagination_token') === 'ord-page-2' ? 'orders-page-2' : 'orders-page-1') }))
      .serve('POST', '/api/v1/listings', 'listing-updated')
      .serve('POST', /^\/api\/v1\/listings\/[^/]+(\/activate|\/deactivate)?$/, 'listing-updated');
  });
  afterAll(() => upstream.stop());
  beforeEach(() => {
    upstream.reset();
    test = createTestRuntime();
  });

  it('sends the personal access token as a bearer token', async () => {
    await provider().validateCredentials();
    expect(upstream.hits('GET', '/api/v1/test')[0].headers.authorization).toBe(`Bearer ${token}`);
    await expect(provider('alias-pat-revoked-000000').validateCredentials()).resolves.toMatchObject({ valid: false, reason: ProviderErrorReason.UNAUTHORIZED });
  });

  it('maps catalog items (sku with a space, cents to dollars)', async () => {
    const page = await provider().searchCatalog('grape', 1);
    expect(page.hasNextPage).toBe(true);
    expect(page.products[0]).toMatchObject({
      externalProductId: 'air-jordan-5-retro-grape-2025-hq7978-100',
      sku: 'HQ7978 100',
      brand: 'Air Jordan',
      retailPrice: '210.00',
      currency: 'USD',
    });
  });

  it('turns pricing insights in cents into decimal dollars; "0" means no price', async () => {
    const result = await provider().fetchMarketData([
      { variantId: 'v-105', externalProductId: 'air-jordan-5-retro-grape-2025-hq7978-100', sizeKey: '10.5' },
      { variantId: 'v-11', externalProductId: 'air-jordan-5-retro-grape-2025-hq7978-100', sizeKey: '11' },
      { variantId: 'v-14', externalProductId: 'air-jordan-5-retro-grape-2025-hq7978-100', sizeKey: '14' },
      { variantId: 'v-holo', externalProductId: 'air-jordan-5-retro-grape-2025-hq7978-100', sizeKey: 'Holo' },
    ]);
    expect(result.quotes).toEqual([
      {
        variantId: 'v-105',
        platform: 'alias',
        externalProductId: 'air-jordan-5-retro-grape-2025-hq7978-100',
        externalVariantId: null,
        currency: 'USD',
        lowestAsk: '245.00',
        highestBid: '199.00',
        lastSale: '230.00',
        sellFaster: null,
        earnMore: null,
        globalIndicator: '238.00',
        capturedAt: new Date(T0),
      },
      expect.objectContaining({ variantId: 'v-11', lowestAsk: '260.00', highestBid: null, lastSale: null, globalIndicator: null }),
    ]);
    expect(result.failures.map((f) => [f.variantId, f.error.reason])).toEqual([
      ['v-14', ProviderErrorReason.NOT_FOUND],
      ['v-holo', ProviderErrorReason.INVALID_REQUEST],
    ]);
    expect(Object.fromEntries(upstream.hits('GET', '/api/v1/pricing_insights/availability')[0].query)).toEqual({
      catalog_id: 'air-jordan-5-retro-grape-2025-hq7978-100',
      size: '10.5',
      product_condition: 'PRODUCT_CONDITION_NEW',
      packaging_condition: 'PACKAGING_CONDITION_GOOD_CONDITION',
      consigned: 'false',
    });
  });

  it('follows pagination_token until has_more is false and maps orders', async () => {
    const p = provider();
    const orders: NormalizedOrder[] = [];
    let cursor: string | null = null;
    do {
      const page = await p.fetchOrders({ cursor });
      orders.push(...page.orders);
      cursor = page.nextCursor;
      if (page.done) break;
    } while (cursor);
    expect(upstream.hits('GET', '/api/v1/orders').map((r) => r.query.get('pagination_token'))).toEqual([null, 'ord-page-2']);
    expect(orders.map((o) => [o.externalOrderNumber, o.rawStatus, o.unifiedStatus])).toEqual([
      ['1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d', 'ORDER_STATUS_CONFIRMED', UnifiedOrderStatus.CONFIRMED],
      ['9z8y7x6w-5v4u-3t2s-1r0q-9p8o7n6m5l4k', 'ORDER_STATUS_IN_TRANSIT', UnifiedOrderStatus.SHIPPED],
      ['5d5d5d5d-0000-1111-2222-333344445555', 'ORDER_STATUS_COMPLETED', UnifiedOrderStatus.COMPLETED],
      ['6e6e6e6e-0000-1111-2222-333344445555', 'ORDER_STATUS_AWAITING_MOON_PHASE', null],
    ]);
    expect(orders[0]).toMatchObject({
      currency: 'USD',
      salePrice: '220.00',
      netProceeds: '200.00',
      sellerFee: '20.00',
      processingFee: null,
      shippingCost: null,
      orderedAt: new Date('2025-07-28T10:30:00Z'),
      items: [{ externalItemId: 'al-lst-9', sku: 'HQ7978 100', quantity: 1, unitPrice: '220.00', externalProductId: 'air-jordan-5-retro-grape-2025-hq7978-100', sizeKey: '10.5' }],
    });
    expect(orders[2]).toMatchObject({ salePrice: '300.00', netProceeds: '265.50', sellerFee: '34.50' });
    expect(orders[3]).toMatchObject({ salePrice: '280.00', netProceeds: null, sellerFee: null });
  });

  it('stops a delta sync once a whole page is older than the settle horizon', async () => {
    const page = await provider().fetchOrders({ since: new Date('2025-10-01T00:00:00Z') });
    expect(page).toMatchObject({ done: true, nextCursor: null });
    expect(page.orders).toHaveLength(2);
  });

  it('reads listing pages (pagination object) and maps statuses, unknown ones to null', async () => {
    const p = provider();
    const first = await p.fetchListings({});
    const second = await p.fetchListings({ cursor: first.nextCursor });
    expect(second.done).toBe(true);
    expect([...first.listings, ...second.listings].map((l) => [l.externalListingId, l.rawStatus, l.status, l.amount, l.sizeKey])).toEqual([
      ['al-lst-1', 'LISTING_STATUS_ACTIVE', UnifiedListingStatus.ACTIVE, '250.00', '10.5'],
      ['al-lst-2', 'LISTING_STATUS_INACTIVE', UnifiedListingStatus.INACTIVE, '270.00', '11'],
      ['al-lst-3', 'LISTING_STATUS_RELISTING_SOON', null, '230.00', '9'],
    ]);
  });

  it('creates and reprices listings in whole-dollar cents, synchronously', async () => {
    const p = provider();
    const created = await p.createListing({ externalProductId: 'air-jordan-5-retro-grape-2025-hq7978-100', sizeKey: '10.5', amount: '250.00', currency: 'USD' });
    expect(created).toMatchObject({ status: ListingOperationStatus.SUCCEEDED, externalListingId: 'al-lst-1', operationType: 'CREATE' });
    const create = upstream.hits('POST', '/api/v1/listings')[0];
    expect(create.headers['content-type']).toBe('application/json');
    expect(Object.fromEntries(create.query)).toMatchObject({ price_cents: '25000', size: '10.5', size_unit: 'SIZE_UNIT_US', condition: 'CONDITION_NEW', activate: 'true' });

    await expect(p.updateListingPrice({ externalListingId: 'al-lst-1', amount: '240', currency: 'USD' })).resolves.toMatchObject({ status: ListingOperationStatus.SUCCEEDED });
    expect(upstream.hits('POST', '/api/v1/listings/al-lst-1')[0].query.get('price_cents')).toBe('24000');

    const cents = await providerError(() => p.updateListingPrice({ externalListingId: 'al-lst-1', amount: '240.50', currency: 'USD' }));
    expect(cents).toMatchObject({ kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.INVALID_REQUEST });
  });

  it('activates and deactivates listings', async () => {
    const p = provider();
    await p.activateListing('al-lst-2');
    await p.deactivateListing('al-lst-1');
    expect(upstream.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/v1/listings/al-lst-2/activate', '/api/v1/listings/al-lst-1/deactivate']);
    expectNoSecrets(secrets, test.logLines);
  });

  it('surfaces a 409 conflict as PERMANENT with the platform message', async () => {
    upstream.inject('POST', '/api/v1/listings/al-lst-1/activate', { kind: 'status', status: 409, json: { code: 6, message: 'listing is already active', details: [] } });
    const error = await providerError(() => provider().activateListing('al-lst-1'));
    expect(error).toMatchObject({ kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.CONFLICT, status: 409 });
    expect(error.message).toContain('listing is already active');
    expect(error.upstreamRequestId).toMatch(/^fake-/);
  });

  describeFaultMatrix('Alias orders', () => ({
    upstream,
    test,
    method: 'GET',
    path: '/api/v1/orders',
    call: () => provider().fetchOrders({}),
    verify: (page) => expect((page as { orders: unknown[] }).orders).toHaveLength(2),
    secrets,
  }));
});
