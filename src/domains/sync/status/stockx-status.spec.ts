import { STOCKX_LISTING_STATUS, STOCKX_ORDER_STATUS } from '../providers/stockx/stockx.mapping';
import { UnifiedListingStatus } from './unified-listing-status';
import { lookupStatus, UnifiedOrderStatus as U } from './unified-order-status';

// Every status PROVIDERS.md documents for StockX orders (active, then history) and where it lands.
const documented: Array<[string, U]> = [
  ['CREATED', U.CONFIRMED],
  ['CCAUTHORIZATIONFAILED', U.PENDING],
  ['SHIPPED', U.SHIPPED],
  ['RECEIVED', U.AUTHENTICATING],
  ['AUTHENTICATING', U.AUTHENTICATING],
  ['AUTHENTICATED', U.AUTHENTICATED],
  ['PAYOUTPENDING', U.AUTHENTICATED],
  ['PAYOUTCOMPLETED', U.COMPLETED],
  ['SYSTEMFULFILLED', U.COMPLETED],
  ['PAYOUTFAILED', U.AUTHENTICATED],
  ['SUSPENDED', U.PENDING],
  ['AUTHFAILED', U.RETURNED],
  ['DIDNOTSHIP', U.CANCELLED],
  ['CANCELED', U.CANCELLED],
  ['COMPLETED', U.COMPLETED],
  ['RETURNED', U.RETURNED],
];

describe('StockX order statuses', () => {
  it.each(documented)('%s → %s', (raw, unified) => {
    expect(lookupStatus(STOCKX_ORDER_STATUS, raw)).toBe(unified);
  });

  it('has exactly the documented statuses, no guesses beyond them', () => {
    expect(Object.keys(STOCKX_ORDER_STATUS).sort()).toEqual(documented.map(([raw]) => raw).sort());
  });

  it.each(['', 'created', 'PAYOUT_COMPLETED', 'toString', '__proto__', null, undefined])('unknown %p → null', (raw) => {
    expect(lookupStatus(STOCKX_ORDER_STATUS, raw as string | null | undefined)).toBeNull();
  });

  it('maps listing statuses', () => {
    expect(lookupStatus(STOCKX_LISTING_STATUS, 'ACTIVE')).toBe(UnifiedListingStatus.ACTIVE);
    expect(lookupStatus(STOCKX_LISTING_STATUS, 'MATCHED')).toBe(UnifiedListingStatus.SOLD);
    expect(lookupStatus(STOCKX_LISTING_STATUS, 'SOMETHING_NEW')).toBeNull();
  });
});
