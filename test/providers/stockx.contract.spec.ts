import { ProviderErrorKind, ProviderErrorReason } from '../../src/domains/sync/http/provider-error';
import { ListingOperationStatus, type MarketplaceProvider, type NormalizedOrder } from '../../src/domains/sync/providers/provider';
import { StockxProvider } from '../../src/domains/sync/providers/stockx/stockx.provider';
import { UnifiedListingStatus } from '../../src/domains/sync/status/unified-listing-status';
import { UnifiedOrderStatus } from '../../src/domains/sync/status/unified-order-status';
import { FakeUpstream } from './fake-upstream';
import { createTestRuntime, describeFaultMatrix, expectNoSecrets, providerError, T0, TEST_POLICY, type TestRuntime } from './provider-harness';

const credentials = { apiKey: 'sx-api-key-5f1c2d3e4a', accessToken: 'sx-access-token-9a8b7c6d5e', refreshToken: 'sx-refresh-token-1a2b3c4d' };
const clientSecret = 'sx-client-secret-77aa88bb';
const secrets = [credentials.apiKey, credentials.accessToken, credentials.refreshToken, clientSecret];

describe('StockX provider contract', () => {
  let upstream: FakeUpstream;
  let test: TestRuntime;

  const provider = (overrides: Partial<typeof credentials> = {}) =>
    new StockxProvider({
      connectionId: 'conn-stockx-1',
      credentials: { ...credentials, ...overrides },
      runtime: test.runtime,
      settings: { baseUrl: `${upstream.url}/v2`, authBaseUrl: upstream.url, clientId: 'marketgraph', clientSecret, policy: TEST_POLICY },
    });

  const drainOrders = async (p: MarketplaceProvider, since?: Date) => {
    const orders: NormalizedOrder[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page = await p.fetchOrders!({ since, cursor });
      orders.push(...page.orders);
      if (page.done) return orders;
      cursor = page.nextCursor;
    }
    throw new Error('pagination did not end');
  };

  beforeAll(async () => {
    upstream = await FakeUpstream.start('stockx');
    upstream
      .requireAuth((h, path) => path === '/oauth/token' || (h.authorization === `Bearer ${credentials.accessToken}` && h['x-api-key'] === credentials.apiKey))
      .serve('GET', '/v2/catalog/search', 'catalog-search')
      .serve('GET', /^\/v2\/catalog\/products\/[^/]+\/variants$/, 'variants')
      .route('GET', /^\/v2\/catalog\/products\/[^/]+\/variants\/[^/]+\/market-data$/, (req) => {
        const variantId = req.path.split('/')[6];
        return variantId === 'sx-var-404' ? { status: 404, json: { errorMessage: 'Variant not found' } } : { json: upstream.fixture(`market-data-${variantId}`) };
      })
      .route('GET', '/v2/selling/orders/active', (req) => ({ json: upstream.fixture(`orders-active-page-${req.query.get('pageNumber')}`) }))
      .route('GET', '/v2/selling/orders/history', (req) => ({ json: upstream.fixture(`orders-history-page-${req.query.get('pageNumber')}`) }))
      .route('GET', '/v2/selling/listings', (req) => ({ json: upstream.fixture(`listings-page-${req.query.get('pageNumber')}`) }))
      .serve('POST', '/v2/selling/listings', 'operation-pending')
      .serve('PATCH', /^\/v2\/selling\/listings\/[^/]+$/, 'operation-failed')
      .serve('PUT', /^\/v2\/selling\/listings\/[^/]+\/(activate|deactivate)$/, 'operation-pending')
      .serve('GET', '/v2/selling/listings/lst-2001/operations/op-7001', 'operation-succeeded')
      .route('POST', '/oauth/token', (req) =>
        new URLSearchParams(req.body).get('refresh_token') === credentials.refreshToken
          ? { json: upstream.fixture('token-refreshed') }
          : { status: 400, json: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' } },
      );
  });
  afterAll(() => upstream.stop());
  beforeEach(() => {
    upstream.reset();
    test = createTestRuntime();
  });

  it('sends the bearer token and the API key on every call', async () => {
    await provider().searchCatalog('jordan 4', 1);
    const [req] = upstream.hits('GET', '/v2/catalog/search');
    expect(req.headers.authorization).toBe(`Bearer ${credentials.accessToken}`);
    expect(req.headers['x-api-key']).toBe(credentials.apiKey);
    expect(Object.fromEntries(req.query)).toEqual({ query: 'jordan 4', pageNumber: '1', pageSize: '50' });
  });

  it('maps catalog search results', async () => {
    const page = await provider().searchCatalog('jordan 4', 1);
    expect(page.hasNextPage).toBe(false);
    expect(page.products[0]).toMatchObject({
      externalProductId: 'b3c9b1f4-6c2f-4f39-9f1e-8f3f3c1c0a01',
      sku: 'FV5029-100',
      title: 'Jordan 4 Retro White Cement (2025)',
      brand: 'Jordan',
      colorway: 'White/Fire Red-Black-Tech Grey',
      releaseDate: '2025-05-10',
      retailPrice: '215.00',
      currency: 'USD',
    });
    expect(page.products[1]).toMatchObject({ retailPrice: null, currency: null });
  });

  it('fetches market data per variant, resolving missing variant ids by size, as decimal strings', async () => {
    const result = await provider().fetchMarketData([
      { variantId: 'v-105', externalProductId: 'b3c9b1f4-6c2f-4f39-9f1e-8f3f3c1c0a01', sizeKey: '10.5' },
      { variantId: 'v-110', externalProductId: 'b3c9b1f4-6c2f-4f39-9f1e-8f3f3c1c0a01', externalVariantId: 'sx-var-110', sizeKey: '11' },
      { variantId: 'v-gone', externalProductId: 'b3c9b1f4-6c2f-4f39-9f1e-8f3f3c1c0a01', externalVariantId: 'sx-var-404', sizeKey: '12' },
      { variantId: 'v-15', externalProductId: 'b3c9b1f4-6c2f-4f39-9f1e-8f3f3c1c0a01', sizeKey: '15' },
    ]);
    expect(result.quotes).toEqual([
      {
        variantId: 'v-105',
        platform: 'stockx',
        externalProductId: 'b3c9b1f4-6c2f-4f39-9f1e-8f3f3c1c0a01',
        externalVariantId: 'sx-var-105',
        currency: 'USD',
        lowestAsk: '262.00',
        highestBid: '231.00',
        lastSale: null,
        sellFaster: '259.00',
        earnMore: '270.00',
        globalIndicator: null,
        capturedAt: new Date(T0),
      },
      expect.objectContaining({ variantId: 'v-110', externalVariantId: 'sx-var-110', lowestAsk: '248.50', highestBid: null }),
    ]);
    expect(result.failures.map((f) => [f.variantId, f.error.kind, f.error.reason])).toEqual([
      ['v-15', ProviderErrorKind.PERMANENT, ProviderErrorReason.INVALID_REQUEST],
      ['v-gone', ProviderErrorKind.PERMANENT, ProviderErrorReason.NOT_FOUND],
    ]);
    expect(upstream.hits('GET', /\/variants$/)).toHaveLength(1);
    expect(upstream.hits('GET', /market-data$/)[0].query.get('currencyCode')).toBe('USD');
  });

  it('follows active orders to the end, then history from `since`, and maps fields and statuses', async () => {
    const orders = await drainOrders(provider(), new Date('2025-06-01T00:00:00Z'));
    expect(orders.map((o) => [o.externalOrderNumber, o.rawStatus, o.unifiedStatus])).toEqual([
      ['75938147-75837903', 'CREATED', UnifiedOrderStatus.CONFIRMED],
      ['75938147-75837904', 'AUTHENTICATING', UnifiedOrderStatus.AUTHENTICATING],
      ['75938147-75837905', 'QUANTUMENTANGLED', null],
      ['75938147-70000001', 'COMPLETED', UnifiedOrderStatus.COMPLETED],
      ['75938147-70000002', 'DIDNOTSHIP', UnifiedOrderStatus.CANCELLED],
    ]);
    expect(upstream.hits('GET', '/v2/selling/orders/active').map((r) => r.query.get('pageNumber'))).toEqual(['1', '2']);
    const [history] = upstream.hits('GET', '/v2/selling/orders/history');
    expect(Object.fromEntries(history.query)).toEqual({ pageNumber: '1', pageSize: '100', fromDate: '2025-06-01', toDate: '2025-08-02' });
    expect(orders[0]).toEqual({
      platform: 'stockx',
      externalOrderNumber: '75938147-75837903',
      rawStatus: 'CREATED',
      unifiedStatus: UnifiedOrderStatus.CONFIRMED,
      currency: 'USD',
      salePrice: '250.00',
      sellerFee: '22.50',
      processingFee: '7.50',
      shippingCost: null,
      netProceeds: '220.00',
      orderedAt: new Date('2025-07-28T14:03:11.000Z'),
      updatedAt: new Date('2025-07-29T09:00:00.000Z'),
      items: [
        {
          externalItemId: 'ask-0001',
          title: 'Jordan 4 Retro White Cement (2025)',
          sku: 'FV5029-100',
          quantity: 1,
          unitPrice: '250.00',
          externalProductId: 'b3c9b1f4-6c2f-4f39-9f1e-8f3f3c1c0a01',
          externalVariantId: 'sx-var-105',
          sizeKey: '10.5',
        },
      ],
      raw: expect.objectContaining({ orderNumber: '75938147-75837903' }),
    });
    expect(orders[1]).toMatchObject({ salePrice: '180.00', sellerFee: null, processingFee: null, netProceeds: null });
  });

  it('rejects a cursor it did not issue', async () => {
    const error = await providerError(() => provider().fetchOrders({ cursor: 'bm90LWEtY3Vyc29y' }));
    expect(error).toMatchObject({ kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.INVALID_REQUEST });
  });

  it('follows listings pagination and maps listing statuses', async () => {
    const p = provider();
    const first = await p.fetchListings({});
    const second = await p.fetchListings({ cursor: first.nextCursor });
    expect(first.done).toBe(false);
    expect(second).toMatchObject({ done: true, nextCursor: null });
    expect([...first.listings, ...second.listings].map((l) => [l.externalListingId, l.status, l.amount, l.externalVariantId, l.sizeKey])).toEqual([
      ['lst-1001', UnifiedListingStatus.ACTIVE, '265.00', 'sx-var-105', '10.5'],
      ['lst-1002', UnifiedListingStatus.INACTIVE, '240.00', 'sx-var-110', '11'],
      ['lst-1003', UnifiedListingStatus.SOLD, '250.00', 'sx-var-105', '10.5'],
    ]);
  });

  it('creates a listing asynchronously: PENDING, then polled to SUCCEEDED', async () => {
    const p = provider();
    const pending = await p.createListing({ externalProductId: 'b3c9', externalVariantId: 'sx-var-105', amount: '255.00', currency: 'USD', active: true });
    expect(pending).toMatchObject({ status: ListingOperationStatus.PENDING, externalListingId: 'lst-2001', operationId: 'op-7001', operationType: 'CREATE' });
    expect(upstream.hits('POST', '/v2/selling/listings')[0].json()).toEqual({ amount: '255', variantId: 'sx-var-105', currencyCode: 'USD', active: true });
    const done = await p.pollOperation(pending);
    expect(done).toMatchObject({ status: ListingOperationStatus.SUCCEEDED, externalListingId: 'lst-2001', operationType: 'CREATE', error: null });
  });

  it('reports a failed price update with the platform reason', async () => {
    const op = await provider().updateListingPrice({ externalListingId: 'lst-2002', amount: '99.50', currency: 'USD' });
    expect(op).toMatchObject({ status: ListingOperationStatus.FAILED, error: 'Amount is below the minimum ask for this product', operationType: 'UPDATE_PRICE' });
    expect(upstream.hits('PATCH', '/v2/selling/listings/lst-2002')[0].json()).toEqual({ amount: '99.5', currencyCode: 'USD' });
  });

  it('activates and deactivates listings with PUT', async () => {
    const p = provider();
    await expect(p.activateListing('lst-1002')).resolves.toMatchObject({ operationType: 'ACTIVATE', status: ListingOperationStatus.PENDING });
    await expect(p.deactivateListing('lst-1001')).resolves.toMatchObject({ operationType: 'DEACTIVATE' });
    expect(upstream.hits('PUT', /activate$/).map((r) => r.path)).toEqual(['/v2/selling/listings/lst-1002/activate', '/v2/selling/listings/lst-1001/deactivate']);
  });

  it('does not resend a listing creation after a lost answer (not idempotent), but does after a 429', async () => {
    upstream.inject('POST', '/v2/selling/listings', { kind: 'serverError' });
    const error = await providerError(() => provider().createListing({ externalProductId: 'b3c9', externalVariantId: 'sx-var-105', amount: '255', currency: 'USD' }));
    expect(error).toMatchObject({ kind: ProviderErrorKind.RETRYABLE, attempts: 1 });
    upstream.reset();
    upstream.inject('POST', '/v2/selling/listings', { kind: 'rateLimited' });
    await provider().createListing({ externalProductId: 'b3c9', externalVariantId: 'sx-var-105', amount: '255', currency: 'USD' });
    expect(upstream.hits('POST', '/v2/selling/listings')).toHaveLength(2);
    // StockX integrators space calls at least 400 ms after a 429.
    expect(test.sleeps[0]).toBeGreaterThanOrEqual(400);
  });

  it('validates credentials: good ones pass, a rejected token is reported, not thrown', async () => {
    await expect(provider().validateCredentials()).resolves.toEqual({ valid: true, accountName: null });
    const check = await provider({ accessToken: 'sx-wrong-token-000000' }).validateCredentials();
    expect(check).toMatchObject({ valid: false, reason: ProviderErrorReason.UNAUTHORIZED });
  });

  it('refreshes tokens; a revoked refresh token is REAUTH_REQUIRED (invalid_grant)', async () => {
    await expect(provider().refreshCredentials()).resolves.toEqual({
      accessToken: 'new-access-token-0000000000',
      refreshToken: 'new-refresh-token-111111111',
      expiresAt: new Date(T0 + 43_200_000),
    });
    const form = new URLSearchParams(upstream.hits('POST', '/oauth/token')[0].body);
    expect(form.get('grant_type')).toBe('refresh_token');
    const error = await providerError(() => provider({ refreshToken: 'sx-revoked-refresh-0000' }).refreshCredentials());
    expect(error).toMatchObject({ kind: ProviderErrorKind.REAUTH_REQUIRED, reason: ProviderErrorReason.INVALID_GRANT, attempts: 1 });
    expectNoSecrets([...secrets, 'sx-revoked-refresh-0000'], [error.message, ...test.logLines]);
  });

  it('refuses malformed credentials without echoing them', async () => {
    const error = await providerError(async () => provider({ apiKey: '' }));
    expect(error).toMatchObject({ kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.INVALID_CREDENTIALS });
    expect(error.message).toContain('apiKey');
    expectNoSecrets(secrets, [error.message]);
  });

  it('logs requests without any credential', async () => {
    await drainOrders(provider());
    expect(test.logLines.length).toBeGreaterThan(0);
    expectNoSecrets(secrets, test.logLines);
  });

  describeFaultMatrix('StockX active orders', () => ({
    upstream,
    test,
    method: 'GET',
    path: '/v2/selling/orders/active',
    call: () => provider().fetchOrders({}),
    verify: (page) => expect((page as { orders: unknown[] }).orders).toHaveLength(2),
    secrets,
  }));
});
