import { AMAZON_ORDER_STATUS } from '../providers/amazon/amazon.mapping';
import { lookupStatus, UnifiedOrderStatus as U } from './unified-order-status';

// Every OrderStatus PROVIDERS.md documents for Amazon SP-API.
const documented: Array<[string, U]> = [
  ['PendingAvailability', U.PENDING],
  ['Pending', U.PENDING],
  ['Unshipped', U.CONFIRMED],
  ['PartiallyShipped', U.SHIPPED],
  ['Shipped', U.SHIPPED],
  ['InvoiceUnconfirmed', U.SHIPPED],
  ['Canceled', U.CANCELLED],
  ['Unfulfillable', U.CANCELLED],
];

describe('Amazon order statuses', () => {
  it.each(documented)('%s → %s', (raw, unified) => {
    expect(lookupStatus(AMAZON_ORDER_STATUS, raw)).toBe(unified);
  });

  it('has exactly the documented statuses', () => {
    expect(Object.keys(AMAZON_ORDER_STATUS).sort()).toEqual(documented.map(([raw]) => raw).sort());
  });

  it.each(['SHIPPED', 'Cancelled', 'Delivered', '', null])('unknown %p → null (statuses are case-sensitive)', (raw) => {
    expect(lookupStatus(AMAZON_ORDER_STATUS, raw)).toBeNull();
  });
});
