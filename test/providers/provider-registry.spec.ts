import { createProviderRegistry, ProviderErrorKind, ProviderErrorReason, supports, type ProviderFactory } from '../../src/domains/sync/providers';
import { createTestRuntime } from './provider-harness';

describe('provider registry', () => {
  const fakeFactory: ProviderFactory = { platform: 'simulated', create: () => ({ platform: 'simulated', fetchMarketData: async () => ({ quotes: [], failures: [] }) }) };

  it('registers every real platform and extra ones', () => {
    const registry = createProviderRegistry([fakeFactory]);
    expect(registry.platforms().sort()).toEqual(['alias', 'amazon', 'ebay', 'flipkart', 'shopify', 'simulated', 'stockx']);
  });

  it('builds a connection’s provider with its capabilities', () => {
    const { runtime } = createTestRuntime();
    const registry = createProviderRegistry([fakeFactory]);
    const stockx = registry.create('stockx', { connectionId: 'c1', credentials: { apiKey: 'k-123456', accessToken: 't-123456' }, runtime });
    expect(stockx.platform).toBe('stockx');
    expect(['fetchMarketData', 'fetchOrders', 'createListing', 'pollOperation'].every((c) => supports(stockx, c as never))).toBe(true);
    const simulated = registry.create('simulated', { connectionId: 'c2', credentials: {}, runtime });
    expect(supports(simulated, 'fetchMarketData')).toBe(true);
    expect(supports(simulated, 'fetchOrders')).toBe(false);
  });

  it('fails PERMANENT/UNSUPPORTED for an unknown platform and refuses duplicate slugs', () => {
    const { runtime } = createTestRuntime();
    expect(() => createProviderRegistry().create('blokpax', { connectionId: 'c', credentials: {}, runtime })).toThrow(
      expect.objectContaining({ kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.UNSUPPORTED }),
    );
    expect(() => createProviderRegistry([{ ...fakeFactory, platform: 'stockx' }])).toThrow(/Two providers/);
  });
});
