import { ProviderErrorKind, ProviderErrorReason } from '../../src/domains/sync/http/provider-error';
import { ListingOperationStatus, type NormalizedOrder } from '../../src/domains/sync/providers/provider';
import { ShopifyProvider } from '../../src/domains/sync/providers/shopify/shopify.provider';
import { UnifiedListingStatus } from '../../src/domains/sync/status/unified-listing-status';
import { UnifiedOrderStatus } from '../../src/domains/sync/status/unified-order-status';
import { FakeUpstream } from './fake-upstream';
import { createTestRuntime, describeFaultMatrix, expectNoSecrets, providerError, TEST_POLICY, type TestRuntime } from './provider-harness';

const token = 'shpat_0123456789abcdef0123456789abcdef';
const secrets = [token];
const GRAPHQL = '/admin/api/2025-01/graphql.json';

describe('Shopify provider contract', () => {
  let upstream: FakeUpstream;
  let test: TestRuntime;

  const provider = (options: { shopDomain?: string; production?: boolean } = {}) =>
    new ShopifyProvider({
      connectionId: 'conn-shopify-1',
      credentials: { shopDomain: options.shopDomain ?? 'sole-supply.myshopify.com', accessToken: token },
      runtime: test.runtime,
      production: options.production,
      settings: { baseUrl: upstream.url, policy: TEST_POLICY },
    });

  beforeAll(async () => {
    upstream = await FakeUpstream.start('shopify');
    upstream.requireAuth((h) => h['x-shopify-access-token'] === token).route('POST', GRAPHQL, (req) => {
      const { query, variables } = req.json<{ query: string; variables: Record<string, any> }>();
      if (query.startsWith('query Shop')) return { json: upstream.fixture('shop') };
      if (query.startsWith('query Orders')) return { json: upstream.fixture(variables.after ? 'orders-page-2' : 'orders-page-1') };
      if (query.startsWith('query Variants')) return { json: upstream.fixture('variants-page-1') };
      if (query.startsWith('mutation UpdatePrice')) return { json: upstream.fixture(Number(variables.variants[0].price) < 0 ? 'price-user-errors' : 'price-updated') };
      return { json: { errors: [{ message: 'unknown document' }] } };
    });
  });
  afterAll(() => upstream.stop());
  beforeEach(() => {
    upstream.reset();
    test = createTestRuntime();
  });

  const drain = async (p: ShopifyProvider, since?: Date) => {
    const orders: NormalizedOrder[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page = await p.fetchOrders({ since, cursor });
      orders.push(...page.orders);
      if (page.done) return orders;
      cursor = page.nextCursor;
    }
  };

  it('authenticates with X-Shopify-Access-Token and names the shop', async () => {
    await expect(provider().validateCredentials()).resolves.toEqual({ valid: true, accountName: 'Sole Supply Berlin' });
    expect(upstream.hits('POST', GRAPHQL)[0].headers['x-shopify-access-token']).toBe(token);
  });

  it('only talks to *.myshopify.com shops, and takes no base URL override in production', () => {
    expect(() => provider({ shopDomain: 'sole-supply.example.com' })).toThrow(/myshopify\.com/);
    expect(() => provider({ shopDomain: 'evil.com/.myshopify.com' })).toThrow(/myshopify\.com/);
    expect(() => provider({ production: true })).toThrow(/not allowed in production/);
  });

  it('follows the orders connection with cursors, filters by updated_at, maps fields and statuses', async () => {
    const orders = await drain(provider(), new Date('2025-07-01T00:00:00Z'));
    const calls = upstream.hits('POST', GRAPHQL).map((r) => r.json().variables);
    expect(calls).toEqual([
      { first: 100, after: null, query: "updated_at:>='2025-07-01T00:00:00.000Z'" },
      { first: 100, after: 'eyJsYXN0X2lkIjo1NjAwMDAwMDAwMSwibGFzdF92YWx1ZSI6IjIwMjUtMDctMjkifQ==', query: "updated_at:>='2025-07-01T00:00:00.000Z'" },
    ]);
    expect(orders.map((o) => [o.externalOrderNumber, o.rawStatus, o.unifiedStatus])).toEqual([
      ['gid://shopify/Order/5600000000001', 'PAID/FULFILLED', UnifiedOrderStatus.SHIPPED],
      ['gid://shopify/Order/5600000000002', 'PENDING/UNFULFILLED', UnifiedOrderStatus.PENDING],
      ['gid://shopify/Order/5600000000003', 'REFUNDED/UNFULFILLED/CANCELLED', UnifiedOrderStatus.CANCELLED],
    ]);
    expect(orders[0]).toMatchObject({
      currency: 'EUR',
      salePrice: '300.00',
      sellerFee: null,
      netProceeds: null,
      items: [{ externalItemId: 'gid://shopify/LineItem/9000000001', sku: 'DD1391-100-44', quantity: 2, unitPrice: '150.00', externalVariantId: 'gid://shopify/ProductVariant/800001' }],
    });
  });

  it('waits for the cost bucket to refill when it runs low (throttleStatus)', async () => {
    await drain(provider());
    // Page 2 left 10 points with a 52-point query and a restore rate of 100/s: wait 420 ms.
    expect(test.sleeps).toEqual([420]);
  });

  it('retries a THROTTLED answer (HTTP 200) after the bucket refills', async () => {
    upstream.inject('POST', GRAPHQL, { kind: 'status', status: 200, json: upstream.fixture('throttled') });
    const page = await provider().fetchOrders({});
    expect(page.orders).toHaveLength(2);
    expect(upstream.hits('POST', GRAPHQL)).toHaveLength(2);
    expect(test.sleeps[0]).toBe(420);
  });

  it('fails PERMANENT on other GraphQL errors', async () => {
    upstream.inject('POST', GRAPHQL, { kind: 'status', status: 200, json: { errors: [{ message: "Field 'orderz' doesn't exist on type 'QueryRoot'", extensions: { code: 'undefinedField' } }] } });
    const error = await providerError(() => provider().fetchOrders({}));
    expect(error).toMatchObject({ kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.REJECTED });
    expect(error.message).toContain("doesn't exist");
  });

  it('reads variants as listings with the shop currency', async () => {
    const page = await provider().fetchListings({});
    expect(page.done).toBe(true);
    expect(page.listings.map((l) => [l.externalListingId, l.status, l.amount, l.currency, l.quantity])).toEqual([
      ['gid://shopify/ProductVariant/800001', UnifiedListingStatus.ACTIVE, '155.00', 'EUR', 3],
      ['gid://shopify/ProductVariant/800002', UnifiedListingStatus.INACTIVE, '160.00', 'EUR', 0],
    ]);
  });

  it('updates a variant price; userErrors become a FAILED operation, not an exception', async () => {
    const p = provider();
    const ok = await p.updateListingPrice({ externalListingId: 'gid://shopify/ProductVariant/800001', externalProductId: 'gid://shopify/Product/700001', amount: '149', currency: 'EUR' });
    expect(ok).toMatchObject({ status: ListingOperationStatus.SUCCEEDED, error: null });
    expect(upstream.hits('POST', GRAPHQL)[0].json().variables).toEqual({ productId: 'gid://shopify/Product/700001', variants: [{ id: 'gid://shopify/ProductVariant/800001', price: '149.00' }] });
    const bad = await p.updateListingPrice({ externalListingId: 'gid://shopify/ProductVariant/800001', externalProductId: 'gid://shopify/Product/700001', amount: '-1', currency: 'EUR' });
    expect(bad).toMatchObject({ status: ListingOperationStatus.FAILED, error: 'Price must be greater than or equal to 0' });
    await expect(p.updateListingPrice({ externalListingId: 'gid://shopify/ProductVariant/800001', amount: '1', currency: 'EUR' })).rejects.toMatchObject({
      kind: ProviderErrorKind.PERMANENT,
    });
    expectNoSecrets(secrets, test.logLines);
  });

  describeFaultMatrix('Shopify orders query', () => ({
    upstream,
    test,
    method: 'POST',
    path: GRAPHQL,
    call: () => provider().fetchOrders({}),
    verify: (page) => expect((page as { orders: unknown[] }).orders).toHaveLength(2),
    secrets,
  }));
});
