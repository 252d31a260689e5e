import { Dec } from '../../src/common/money';
import { feeSchedule, type Platform } from '../../src/domains/catalog';
import { PriceBasis } from '../../src/domains/inventory';
import { marketplaceDataOf, pickPrice } from '../../src/domains/inventory/marketplace/marketplace-data';
import type { PlatformMarket } from '../../src/domains/inventory/marketplace/platform-market';
import { valuate } from '../../src/domains/inventory/marketplace/valuation';

const stockx = { id: 'p-stockx', slug: 'stockx', name: 'StockX', kind: 'RESALE_MARKET', defaultCurrency: 'USD', ...feeSchedule({ sellerFeeRate: '0.09', paymentProcessingRate: '0.03', minimumFee: '5', buyerFeeRate: '0.05' }) } as unknown as Platform;
const ebay = { id: 'p-ebay', slug: 'ebay', name: 'eBay', kind: 'MARKETPLACE', defaultCurrency: 'USD', ...feeSchedule({ sellerFeeRate: '0.1325', fixedFee: '0.30' }) } as unknown as Platform;

function market(platform: Platform, prices: { ask?: string; bid?: string; last?: string; currency?: string }, listing?: string): PlatformMarket {
  const d = (v?: string) => (v ? new Dec(v) : null);
  return {
    platform,
    market: {
      currency: prices.currency ?? 'USD', lowestAsk: d(prices.ask), highestBid: d(prices.bid), lastSale: d(prices.last), previousLowestAsk: null, previousHighestBid: null,
      sales7d: null, sales30d: null, volatility: null, source: 'API', capturedAt: new Date('2025-01-01T00:00:00Z'), changedAt: null,
    },
    listing: listing ? { listingId: 'l1', platformId: platform.id, askPrice: new Dec(listing), currency: 'USD', status: 'ACTIVE' } : null,
  };
}

describe('marketplace data', () => {
  it('applies the minimum fee on cheap sales: 40.00 on StockX pays 5.00 (not 3.60) + 1.20 processing', () => {
    const data = marketplaceDataOf(market(stockx, { ask: '40.00' }));
    expect(data.estimatedNet!.amount.toFixed(2)).toBe('33.80');
    expect(data.feeRate!.toFixed()).toBe('0.155');
    expect(data.platformData).toMatchObject({ minimumFeeApplied: true, buyerPaysAtLowestAsk: '42.00' });
  });

  it('estimates at our ask first, then the lowest ask, the last sale, the highest bid', () => {
    expect(pickPrice(market(ebay, { ask: '100', bid: '80', last: '90' }, '95'))).toMatchObject({ basis: PriceBasis.OUR_ASK });
    expect(pickPrice(market(ebay, { bid: '80', last: '90' }))!.basis).toBe(PriceBasis.LAST_SALE);
    expect(pickPrice(market(ebay, { bid: '80' }))!.basis).toBe(PriceBasis.HIGHEST_BID);
    expect(pickPrice(market(ebay, {}))).toBeNull();
    expect(pickPrice(market(ebay, { ask: '100', bid: '80' }), PriceBasis.HIGHEST_BID)!.price.toFixed(2)).toBe('80.00');
  });
});

describe('valuation', () => {
  it('values units net of fees, rounds each amount once, and leaves profit out across currencies', () => {
    const result = valuate(
      { unitCost: new Dec('33.33'), currency: 'USD', units: 3 },
      [market(ebay, { ask: '99.99' }), market(stockx, { ask: '120.00', currency: 'EUR' })],
      PriceBasis.LOWEST_ASK,
    );
    // eBay 99.99: 13.25 % = 13.248675 → 13.25, + 0.30 → net 86.44; ×3 = 259.32; profit (86.44 − 33.33) × 3 = 159.33.
    const [onEbay, onStockx] = result.platforms;
    expect([onEbay.unitNet.amount.toFixed(2), onEbay.marketValue.amount.toFixed(2), onEbay.unrealizedProfit!.amount.toFixed(2)]).toEqual(['86.44', '259.32', '159.33']);
    expect([onEbay.margin!.toFixed(), onEbay.roi!.toFixed()]).toEqual(['0.5312', '1.5935']);
    expect(onStockx).toMatchObject({ unrealizedProfit: null, margin: null, roi: null });
    expect(onStockx.unitNet.currency).toBe('EUR');
    expect(result.best!.platform.slug).toBe('ebay');
    expect(result.costBasis.amount.toFixed(2)).toBe('99.99');
  });

  it('has no best platform without comparable prices', () => {
    expect(valuate({ unitCost: new Dec(10), currency: 'USD', units: 1 }, [market(ebay, {})], PriceBasis.LOWEST_ASK)).toMatchObject({ platforms: [], best: null });
  });
});
