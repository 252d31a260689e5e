import { FlipkartProvider } from '../../src/domains/sync/providers/flipkart/flipkart.provider';
import type { NormalizedOrder } from '../../src/domains/sync/providers/provider';
import { UnifiedOrderStatus } from '../../src/domains/sync/status/unified-order-status';
import { FakeUpstream } from './fake-upstream';
import { createTestRuntime, describeFaultMatrix, T0, TEST_POLICY, type TestRuntime } from './provider-harness';

const token = 'fk-oauth-access-9c8b7a6d5e4f3a2b';
const secrets = [token];
const FILTER = '/sellers/v3/shipments/filter';

describe('Flipkart provider contract', () => {
  let upstream: FakeUpstream;
  let test: TestRuntime;

  const provider = () => new FlipkartProvider({ connectionId: 'conn-flipkart-1', credentials: { accessToken: token }, runtime: test.runtime, settings: { baseUrl: `${upstream.url}/sellers`, policy: TEST_POLICY } });

  beforeAll(async () => {
    upstream = await FakeUpstream.start('flipkart');
    upstream
      .requireAuth((h) => h.authorization === `Bearer ${token}`)
      .route('POST', FILTER, (req) => ({ json: upstream.fixture(`${req.json().filter.type.toLowerCase()}-page-1`) }))
      .route('GET', FILTER, (req) => ({ json: upstream.fixture(req.query.get('pageToken') === 'pre-2' ? 'predispatch-page-2' : 'missing') }));
  });
  afterAll(() => upstream.stop());
  beforeEach(() => {
    upstream.reset();
    test = createTestRuntime();
  });

  it('walks every filter phase and follows nextPageUrl to the end, with the bearer token', async () => {
    const p = provider();
    const orders: NormalizedOrder[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await p.fetchOrders({ since: new Date('2025-07-01T00:00:00Z'), cursor });
      orders.push(...page.orders);
      if (page.done) break;
      cursor = page.nextCursor;
    }
    const posts = upstream.hits('POST', FILTER);
    expect(posts.map((r) => r.json().filter.type)).toEqual(['preDispatch', 'postDispatch', 'cancelled']);
    expect(posts[0].json()).toEqual({
      filter: {
        type: 'preDispatch',
        states: ['APPROVED', 'PACKING_IN_PROGRESS', 'FORM_FAILED', 'PACKED', 'READY_TO_DISPATCH'],
        modifiedDate: { from: '2025-07-01T00:00:00.000Z', to: new Date(T0).toISOString() },
      },
      pagination: { pageSize: 20 },
    });
    expect(upstream.hits('GET', FILTER).map((r) => r.query.get('pageToken'))).toEqual(['pre-2']);
    expect(upstream.requests.every((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);

    expect(orders.map((o) => [o.externalOrderNumber, o.rawStatus, o.unifiedStatus])).toEqual([
      ['212345678901234000', 'APPROVED', UnifiedOrderStatus.CONFIRMED],
      ['212345678901234001', 'PACKED', UnifiedOrderStatus.CONFIRMED],
      ['212345678901234002', 'FORM_FAILED', UnifiedOrderStatus.CONFIRMED],
      ['212345678901234003', 'DELIVERED', UnifiedOrderStatus.DELIVERED],
      ['212345678901234004', 'RETURN_REQUESTED', UnifiedOrderStatus.DELIVERED],
      ['212345678901234005', 'RTO_LOST_IN_TRANSIT', null],
    ]);
  });

  it('maps order items in INR with exact decimals', async () => {
    const page = await provider().fetchOrders({});
    expect(page.orders[1]).toMatchObject({
      platform: 'flipkart',
      currency: 'INR',
      salePrice: '1199.50',
      sellerFee: null,
      netProceeds: null,
      orderedAt: new Date('2025-07-31T04:45:00.000Z'),
      items: [{ externalItemId: '212345678901234001', sku: 'SOCKS-3PK', quantity: 2, unitPrice: '599.75', externalProductId: 'SHOH8ZGZYXF7EFGH' }],
      raw: expect.objectContaining({ orderId: 'OD432109876543210000' }),
    });
    expect(upstream.hits('POST', FILTER)[0].json().filter).not.toHaveProperty('modifiedDate');
  });

  it('validates credentials with a one-item search', async () => {
    await expect(provider().validateCredentials()).resolves.toEqual({ valid: true, accountName: null });
    expect(upstream.hits('POST', FILTER)[0].json().pagination).toEqual({ pageSize: 1 });
  });

  describeFaultMatrix('Flipkart shipments filter', () => ({
    upstream,
    test,
    method: 'POST',
    path: FILTER,
    call: () => provider().fetchOrders({}),
    verify: (page) => expect((page as { orders: unknown[] }).orders).toHaveLength(2),
    secrets,
  }));
});
