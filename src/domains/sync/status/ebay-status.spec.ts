import { EBAY_FULFILLMENT_STATUSES, EBAY_ORDER_STATUS, EBAY_PAYMENT_STATUSES, ebayUnifiedStatus } from '../providers/ebay/ebay.mapping';
import { UnifiedOrderStatus as U } from './unified-order-status';

// orderFulfillmentStatus × orderPaymentStatus as documented in PROVIDERS.md.
const fulfillment = ['NOT_STARTED', 'IN_PROGRESS', 'FULFILLED'];
const payment = ['FAILED', 'FULLY_REFUNDED', 'PAID', 'PARTIALLY_REFUNDED', 'PENDING'];

const expected: Record<string, Record<string, U>> = {
  NOT_STARTED: { FAILED: U.CANCELLED, FULLY_REFUNDED: U.CANCELLED, PAID: U.CONFIRMED, PARTIALLY_REFUNDED: U.CONFIRMED, PENDING: U.PENDING },
  IN_PROGRESS: { FAILED: U.CANCELLED, FULLY_REFUNDED: U.RETURNED, PAID: U.SHIPPED, PARTIALLY_REFUNDED: U.SHIPPED, PENDING: U.PENDING },
  FULFILLED: { FAILED: U.CANCELLED, FULLY_REFUNDED: U.RETURNED, PAID: U.SHIPPED, PARTIALLY_REFUNDED: U.SHIPPED, PENDING: U.SHIPPED },
};

const combinations = fulfillment.flatMap((f) => payment.map((p) => [f, p, expected[f][p]] as const));

describe('eBay order statuses', () => {
  it('documents the same vocabularies as PROVIDERS.md', () => {
    expect([...EBAY_FULFILLMENT_STATUSES]).toEqual(fulfillment);
    expect([...EBAY_PAYMENT_STATUSES]).toEqual(payment);
  });

  it.each(combinations)('%s + %s → %s', (f, p, unified) => {
    expect(ebayUnifiedStatus(f, p)).toBe(unified);
    expect(ebayUnifiedStatus(f, p, 'NONE_REQUESTED')).toBe(unified);
  });

  it('covers every combination and nothing else', () => {
    expect(Object.keys(EBAY_ORDER_STATUS).sort()).toEqual(combinations.map(([f, p]) => `${f}|${p}`).sort());
  });

  it.each(combinations)('a CANCELED cancel state overrides %s + %s', (f, p) => {
    expect(ebayUnifiedStatus(f, p, 'CANCELED')).toBe(U.CANCELLED);
  });

  it.each([
    ['SHIPPED', 'PAID'],
    ['FULFILLED', 'AUTHORIZED'],
    ['', ''],
  ])('unknown %p + %p → null', (f, p) => {
    expect(ebayUnifiedStatus(f, p)).toBeNull();
  });
});
