import { ProviderErrorKind, ProviderErrorReason } from '../../src/domains/sync/http/provider-error';
import { AmazonProvider } from '../../src/domains/sync/providers/amazon/amazon.provider';
import type { NormalizedOrder } from '../../src/domains/sync/providers/provider';
import { UnifiedOrderStatus } from '../../src/domains/sync/status/unified-order-status';
import { FakeUpstream } from './fake-upstream';
import { createTestRuntime, describeFaultMatrix, expectNoSecrets, providerError, T0, TEST_POLICY, type TestRuntime } from './provider-harness';

const token = 'Atza|IwEBIAmazonLwaAccessToken0123456789';
const secrets = [token];
const ORDERS = '/orders/v0/orders';

describe('Amazon provider contract', () => {
  let upstream: FakeUpstream;
  let test: TestRuntime;

  const provider = () => new AmazonProvider({ connectionId: 'conn-amazon-1', credentials: { accessToken: token }, runtime: test.runtime, settings: { baseUrl: upstream.url, policy: TEST_POLICY } });

  beforeAll(async () => {
    upstream = await FakeUpstream.start('amazon');
    upstream
      .requireAuth((h) => h['x-amz-access-token'] === token)
      .route('GET', ORDERS, (req) => ({ json: upstream.fixture(req.query.get('NextToken') ? 'orders-page-2' : 'orders-page-1') }))
      .route('GET', /^\/orders\/v0\/orders\/[^/]+\/orderItems$/, (req) => {
        const orderId = decodeURIComponent(req.path.split('/')[4]);
        return { json: upstream.fixture(req.query.get('NextToken') ? `items-${orderId}-page-2` : `items-${orderId}`) };
      });
  });
  afterAll(() => upstream.stop());
  beforeEach(() => {
    upstream.reset();
    test = createTestRuntime();
  });

  it('pages orders by NextToken, fetches every order’s items (following their NextToken) and maps statuses', async () => {
    const p = provider();
    const orders: NormalizedOrder[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page = await p.fetchOrders({ since: new Date('2025-07-01T00:00:00Z'), cursor });
      orders.push(...page.orders);
      if (page.done) break;
      cursor = page.nextCursor;
    }
    const calls = upstream.hits('GET', ORDERS);
    expect(calls.map((r) => Object.fromEntries(r.query))).toEqual([
      { MarketplaceIds: 'ATVPDKIKX0DER', LastUpdatedAfter: '2025-07-01T00:00:00.000Z', MaxResultsPerPage: '100' },
      { MarketplaceIds: 'ATVPDKIKX0DER', NextToken: '2YgYW55IGNhcm5hbCBwbGVhc3VyZS4=', MaxResultsPerPage: '100' },
    ]);
    expect(upstream.requests.every((r) => r.headers['x-amz-access-token'] === token)).toBe(true);
    expect(orders.map((o) => [o.externalOrderNumber, o.rawStatus, o.unifiedStatus])).toEqual([
      ['114-3941689-8772232', 'Shipped', UnifiedOrderStatus.SHIPPED],
      ['114-3941689-8772233', 'Pending', UnifiedOrderStatus.PENDING],
      ['114-3941689-8772234', 'Canceled', UnifiedOrderStatus.CANCELLED],
      ['114-3941689-8772235', 'AwaitingTeleportation', null],
    ]);
    expect(orders[0]).toMatchObject({
      currency: 'USD',
      salePrice: '252.00',
      sellerFee: null,
      netProceeds: null,
      orderedAt: new Date('2025-07-28T18:21:07Z'),
      items: [
        { externalItemId: '68828574383266', sku: 'DD1391-100-10', quantity: 1, unitPrice: '220.00', externalProductId: 'B0CXYZ1234' },
        { externalItemId: '68828574383267', sku: 'SOCKS-3PK', quantity: 2, unitPrice: '16.00' },
      ],
    });
    expect(orders[1]).toMatchObject({ salePrice: null, currency: 'USD', items: [{ unitPrice: null }] });
  });

  it('reads the last 30 days on a first sync', async () => {
    await provider().fetchOrders({});
    expect(upstream.hits('GET', ORDERS)[0].query.get('LastUpdatedAfter')).toBe(new Date(T0 - 30 * 86_400_000).toISOString());
  });

  it('keeps the SP-API error message and classifies 400 as PERMANENT', async () => {
    upstream.inject('GET', ORDERS, { kind: 'status', status: 400, json: { errors: [{ code: 'InvalidInput', message: 'Invalid Input', details: 'MarketplaceIds is required' }] } });
    const error = await providerError(() => provider().fetchOrders({}));
    expect(error).toMatchObject({ kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.REJECTED, status: 400 });
    expect(error.message).toContain('Invalid Input');
    expectNoSecrets(secrets, [error.message, ...test.logLines]);
  });

  describeFaultMatrix('Amazon getOrders', () => ({
    upstream,
    test,
    method: 'GET',
    path: ORDERS,
    call: () => provider().fetchOrders({}),
    verify: (page) => expect((page as { orders: unknown[] }).orders).toHaveLength(2),
    secrets,
  }));
});
