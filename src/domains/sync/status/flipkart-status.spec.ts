import { FLIPKART_FILTER_PHASES, FLIPKART_ORDER_ITEM_STATUSES, FLIPKART_ORDER_STATUS } from '../providers/flipkart/flipkart.mapping';
import { lookupStatus, UnifiedOrderStatus as U } from './unified-order-status';

// Every order-item status PROVIDERS.md documents for Flipkart.
const documented: Array<[string, U]> = [
  ['APPROVED', U.CONFIRMED],
  ['PACKING_IN_PROGRESS', U.CONFIRMED],
  ['FORM_FAILED', U.CONFIRMED],
  ['PACKED', U.CONFIRMED],
  ['READY_TO_DISPATCH', U.CONFIRMED],
  ['PICKUP_COMPLETE', U.SHIPPED],
  ['SHIPPED', U.SHIPPED],
  ['DELIVERED', U.DELIVERED],
  ['COMPLETED', U.COMPLETED],
  ['CANCELLED', U.CANCELLED],
  ['RETURN_REQUESTED', U.DELIVERED],
  ['RETURNED', U.RETURNED],
];

describe('Flipkart order-item statuses', () => {
  it.each(documented)('%s → %s', (raw, unified) => {
    expect(lookupStatus(FLIPKART_ORDER_STATUS, raw)).toBe(unified);
  });

  it('has exactly the documented statuses', () => {
    expect(Object.keys(FLIPKART_ORDER_STATUS).sort()).toEqual(documented.map(([raw]) => raw).sort());
    expect([...FLIPKART_ORDER_ITEM_STATUSES].sort()).toEqual(documented.map(([raw]) => raw).sort());
  });

  it('searches every documented status in exactly one filter phase', () => {
    const searched = FLIPKART_FILTER_PHASES.flatMap((p) => p.states);
    expect([...searched].sort()).toEqual(documented.map(([raw]) => raw).sort());
    expect(new Set(searched).size).toBe(searched.length);
  });

  it.each(['RTO_INITIATED', 'approved', '', null])('unknown %p → null', (raw) => {
    expect(lookupStatus(FLIPKART_ORDER_STATUS, raw)).toBeNull();
  });
});
