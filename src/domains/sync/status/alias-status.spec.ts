import { ALIAS_LISTING_STATUS, ALIAS_ORDER_STATUS } from '../providers/alias/alias.mapping';
import { UnifiedListingStatus as L } from './unified-listing-status';
import { lookupStatus, UnifiedOrderStatus as U } from './unified-order-status';

// Alias order statuses found in the public reference (PROVIDERS.md lists none).
const documented: Array<[string, U]> = [
  ['ORDER_STATUS_CONFIRMED', U.CONFIRMED],
  ['ORDER_STATUS_LABEL_GENERATED', U.CONFIRMED],
  ['ORDER_STATUS_IN_TRANSIT', U.SHIPPED],
  ['ORDER_STATUS_COMPLETED', U.COMPLETED],
  ['ORDER_STATUS_CANCELED', U.CANCELLED],
];

const listingStatuses: Array<[string, L]> = [
  ['LISTING_STATUS_ACTIVE', L.ACTIVE],
  ['LISTING_STATUS_INACTIVE', L.INACTIVE],
  ['LISTING_STATUS_PENDING', L.PENDING],
  ['LISTING_STATUS_DELETED', L.DELETED],
];

describe('Alias order statuses', () => {
  it.each(documented)('%s → %s', (raw, unified) => {
    expect(lookupStatus(ALIAS_ORDER_STATUS, raw)).toBe(unified);
  });

  it('has exactly the known statuses', () => {
    expect(Object.keys(ALIAS_ORDER_STATUS).sort()).toEqual(documented.map(([raw]) => raw).sort());
  });

  it.each(['ORDER_STATUS_INVALID', 'ORDER_STATUS_NEW', 'CONFIRMED', '', null])('unknown %p → null', (raw) => {
    expect(lookupStatus(ALIAS_ORDER_STATUS, raw)).toBeNull();
  });

  it.each(listingStatuses)('listing %s → %s', (raw, unified) => {
    expect(lookupStatus(ALIAS_LISTING_STATUS, raw)).toBe(unified);
  });

  it('has exactly the known listing statuses; LISTING_STATUS_INVALID is unknown', () => {
    expect(Object.keys(ALIAS_LISTING_STATUS).sort()).toEqual(listingStatuses.map(([raw]) => raw).sort());
    expect(lookupStatus(ALIAS_LISTING_STATUS, 'LISTING_STATUS_INVALID')).toBeNull();
  });
});
