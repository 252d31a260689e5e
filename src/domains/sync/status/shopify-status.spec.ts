import { SHOPIFY_FINANCIAL_STATUS, SHOPIFY_FULFILLMENT_STATUS, SHOPIFY_LISTING_STATUS, shopifyUnifiedStatus } from '../providers/shopify/shopify.mapping';
import { UnifiedListingStatus as L } from './unified-listing-status';
import { UnifiedOrderStatus as U } from './unified-order-status';

// OrderDisplayFulfillmentStatus and OrderDisplayFinancialStatus of the Admin API, and where a paid order lands.
const fulfillment: Array<[string, U]> = [
  ['UNFULFILLED', U.CONFIRMED],
  ['OPEN', U.CONFIRMED],
  ['SCHEDULED', U.CONFIRMED],
  ['ON_HOLD', U.CONFIRMED],
  ['IN_PROGRESS', U.CONFIRMED],
  ['PENDING_FULFILLMENT', U.CONFIRMED],
  ['REQUEST_DECLINED', U.CONFIRMED],
  ['PARTIALLY_FULFILLED', U.SHIPPED],
  ['FULFILLED', U.SHIPPED],
  ['RESTOCKED', U.RETURNED],
];
const financial = ['PAID', 'PARTIALLY_REFUNDED', 'PENDING', 'AUTHORIZED', 'PARTIALLY_PAID', 'REFUNDED', 'VOIDED', 'EXPIRED'];

describe('Shopify order statuses', () => {
  it('knows exactly the documented vocabularies', () => {
    expect(Object.keys(SHOPIFY_FULFILLMENT_STATUS).sort()).toEqual(fulfillment.map(([s]) => s).sort());
    expect(Object.keys(SHOPIFY_FINANCIAL_STATUS).sort()).toEqual([...financial].sort());
  });

  it.each(fulfillment)('paid + %s → %s', (f, unified) => {
    expect(shopifyUnifiedStatus('PAID', f, false)).toBe(unified);
    expect(shopifyUnifiedStatus('PARTIALLY_REFUNDED', f, false)).toBe(unified);
    expect(shopifyUnifiedStatus(null, f, false)).toBe(unified);
  });

  const everyPair = financial.flatMap((p) => fulfillment.map(([f]) => [p, f] as const));

  it.each(everyPair)('%s + %s maps to a unified status', (p, f) => {
    expect(shopifyUnifiedStatus(p, f, false)).not.toBeNull();
  });

  it.each(everyPair)('%s + %s cancelled → CANCELLED', (p, f) => {
    expect(shopifyUnifiedStatus(p, f, true)).toBe(U.CANCELLED);
  });

  it.each([
    ['PENDING', 'UNFULFILLED', U.PENDING],
    ['AUTHORIZED', 'UNFULFILLED', U.PENDING],
    ['PARTIALLY_PAID', 'FULFILLED', U.SHIPPED],
    ['REFUNDED', 'UNFULFILLED', U.CANCELLED],
    ['REFUNDED', 'FULFILLED', U.RETURNED],
    ['REFUNDED', 'PARTIALLY_FULFILLED', U.RETURNED],
    ['VOIDED', 'UNFULFILLED', U.CANCELLED],
    ['EXPIRED', 'FULFILLED', U.CANCELLED],
  ])('%s + %s → %s', (p, f, unified) => {
    expect(shopifyUnifiedStatus(p, f, false)).toBe(unified);
  });

  it.each([
    ['PAID', 'TELEPORTED'],
    ['HALF_PAID', 'FULFILLED'],
  ])('unknown %p + %p → null', (p, f) => {
    expect(shopifyUnifiedStatus(p, f, false)).toBeNull();
  });

  it('maps product statuses to listing statuses', () => {
    expect(SHOPIFY_LISTING_STATUS).toEqual({ ACTIVE: L.ACTIVE, DRAFT: L.INACTIVE, ARCHIVED: L.DELETED });
  });
});
