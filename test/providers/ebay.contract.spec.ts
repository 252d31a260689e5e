import { ProviderErrorKind, ProviderErrorReason } from '../../src/domains/sync/http/provider-error';
import { EbayProvider } from '../../src/domains/sync/providers/ebay/ebay.provider';
import { ListingOperationStatus, supports, type NormalizedOrder } from '../../src/domains/sync/providers/provider';
import { UnifiedOrderStatus } from '../../src/domains/sync/status/unified-order-status';
import { FakeUpstream } from './fake-upstream';
import { createTestRuntime, describeFaultMatrix, expectNoSecrets, providerError, TEST_POLICY, type TestRuntime } from './provider-harness';

const token = 'v^1.1#i^1#ebay-user-token-abcdef123456';
const secrets = [token];

describe('eBay provider contract', () => {
  let upstream: FakeUpstream;
  let test: TestRuntime;

  const provider = () =>
    new EbayProvider({ connectionId: 'conn-ebay-1', credentials: { accessToken: token }, runtime: test.runtime, settings: { baseUrl: upstream.url, marketplaceId: 'EBAY_GB', policy: TEST_POLICY } });

  beforeAll(async () => {
    upstream = await FakeUpstream.start('ebay');
    upstream
      .requireAuth((h) => h.authorization === `Bearer ${token}`)
      .route('GET', '/sell/fulfillment/v1/order', (req) => ({ json: upstream.fixture(`orders-offset-${req.query.get('offset') ?? '0'}`) }))
      .route('POST', '/sell/inventory/v1/bulk_update_price_quantity', (req) => {
        const { requests } = req.json<{ requests: Array<{ offers: Array<{ offerId: string }> }> }>();
        if (requests.length > 25) return { status: 400, json: { errors: [{ errorId: 25001, message: 'too many requests in one call' }] } };
        const responses = requests.map(({ offers: [offer] }) =>
          offer.offerId === 'bad-offer'
            ? { offerId: offer.offerId, statusCode: 400, errors: [{ errorId: 25002, message: 'Offer not found', longMessage: 'The offer bad-offer does not exist.' }] }
            : { offerId: offer.offerId, sku: `SKU${offer.offerId}`, statusCode: 200 },
        );
        return { status: responses.some((r) => r.statusCode !== 200) ? 207 : 200, json: { responses } };
      });
  });
  afterAll(() => upstream.stop());
  beforeEach(() => {
    upstream.reset();
    test = createTestRuntime();
  });

  it('declares only the capabilities it implements', () => {
    const p = provider();
    expect(supports(p, 'fetchOrders')).toBe(true);
    expect(supports(p, 'updateListingPrices')).toBe(true);
    expect(supports(p, 'fetchMarketData')).toBe(false);
  });

  it('sends the bearer token and the marketplace id, filters by last modification and pages by offset to the end', async () => {
    const p = provider();
    const orders: NormalizedOrder[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page = await p.fetchOrders({ since: new Date('2025-07-01T00:00:00Z'), cursor });
      orders.push(...page.orders);
      if (page.done) break;
      cursor = page.nextCursor;
    }
    const hits = upstream.hits('GET', '/sell/fulfillment/v1/order');
    expect(hits.map((r) => [r.query.get('offset'), r.query.get('filter')])).toEqual([
      ['0', 'lastmodifieddate:[2025-07-01T00:00:00.000Z..]'],
      ['2', 'lastmodifieddate:[2025-07-01T00:00:00.000Z..]'],
    ]);
    expect(hits[0].headers.authorization).toBe(`Bearer ${token}`);
    expect(hits[0].headers['x-ebay-c-marketplace-id']).toBe('EBAY_GB');
    expect(orders.map((o) => [o.externalOrderNumber, o.rawStatus, o.unifiedStatus, o.currency])).toEqual([
      ['12-34567-89012', 'FULFILLED/PAID', UnifiedOrderStatus.SHIPPED, 'USD'],
      ['12-34567-89013', 'NOT_STARTED/PAID', UnifiedOrderStatus.CONFIRMED, 'USD'],
      ['12-34567-89014', 'NOT_STARTED/PAID/CANCELED', UnifiedOrderStatus.CANCELLED, 'GBP'],
    ]);
    expect(orders[0]).toMatchObject({
      salePrice: '240.00',
      sellerFee: '32.18',
      processingFee: null,
      shippingCost: null,
      netProceeds: '222.77',
      orderedAt: new Date('2025-07-27T16:05:11.000Z'),
      items: [{ externalItemId: '10000000001', sku: 'DD1391100-10', quantity: 1, unitPrice: '240.00', externalProductId: '266012345678' }],
    });
    expect(orders[1]).toMatchObject({ sellerFee: null, netProceeds: null, items: [{ quantity: 3, unitPrice: '30.00' }] });
  });

  it('omits the filter without `since` (eBay defaults to 90 days)', async () => {
    await provider().fetchOrders({});
    expect(upstream.hits('GET', '/sell/fulfillment/v1/order')[0].query.has('filter')).toBe(false);
  });

  it('updates prices in batches of at most 25 and reports each offer', async () => {
    const inputs = Array.from({ length: 30 }, (_, i) => ({ externalListingId: i === 27 ? 'bad-offer' : `offer-${i}`, amount: `${100 + i}.5`, currency: 'USD' }));
    const operations = await provider().updateListingPrices(inputs);
    const calls = upstream.hits('POST', '/sell/inventory/v1/bulk_update_price_quantity');
    expect(calls.map((c) => c.json().requests.length)).toEqual([25, 5]);
    expect(calls[0].json().requests[0]).toEqual({ offers: [{ offerId: 'offer-0', price: { value: '100.50', currency: 'USD' } }] });
    expect(operations).toHaveLength(30);
    expect(operations.filter((o) => o.status === ListingOperationStatus.SUCCEEDED)).toHaveLength(29);
    expect(operations[27]).toMatchObject({ status: ListingOperationStatus.FAILED, externalListingId: 'bad-offer', error: 'The offer bad-offer does not exist.' });
  });

  it('retries a price batch after a 500 (absolute prices are idempotent)', async () => {
    upstream.inject('POST', '/sell/inventory/v1/bulk_update_price_quantity', { kind: 'serverError' });
    const op = await provider().updateListingPrice({ externalListingId: 'offer-1', amount: '99', currency: 'USD' });
    expect(op.status).toBe(ListingOperationStatus.SUCCEEDED);
    expect(upstream.hits('POST', '/sell/inventory/v1/bulk_update_price_quantity')).toHaveLength(2);
  });

  it('classifies a 403 scope error as PERMANENT and reports invalid credentials on validation', async () => {
    upstream.inject('GET', '/sell/fulfillment/v1/order', { kind: 'status', status: 403, json: { errors: [{ errorId: 1100, message: 'Access denied', longMessage: 'Insufficient permissions to fulfill the request.' }] } });
    await expect(provider().validateCredentials()).resolves.toMatchObject({ valid: false, reason: ProviderErrorReason.FORBIDDEN });
    upstream.inject('GET', '/sell/fulfillment/v1/order', { kind: 'status', status: 400, json: { errors: [{ errorId: 30700, message: 'Invalid filter' }] } });
    const error = await providerError(() => provider().fetchOrders({}));
    expect(error).toMatchObject({ kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.REJECTED, status: 400 });
    expect(error.message).toContain('Invalid filter');
    expectNoSecrets(secrets, [error.message, ...test.logLines]);
  });

  describeFaultMatrix('eBay getOrders', () => ({
    upstream,
    test,
    method: 'GET',
    path: '/sell/fulfillment/v1/order',
    call: () => provider().fetchOrders({}),
    verify: (page) => expect((page as { orders: unknown[] }).orders).toHaveLength(2),
    secrets,
  }));
});
