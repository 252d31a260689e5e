import { Dec } from '../../../common/money';
import { PriceField } from '../entities/market.enums';
import { changePercent, priceChangeEvents } from './price-changes';

describe('changePercent', () => {
  it('is signed, exact and rounded half-even to two decimals', () => {
    expect(changePercent('200.00', '210.00')!.toFixed(2)).toBe('5.00');
    expect(changePercent('200.00', '190.00')!.toFixed(2)).toBe('-5.00');
    expect(changePercent('300.00', '301.00')!.toFixed(2)).toBe('0.33');
    expect(changePercent('8.00', '8.01')!.toFixed(2)).toBe('0.12'); // 0.125 → 0.12
    expect(changePercent('8.00', '8.03')!.toFixed(2)).toBe('0.38'); // 0.375 → 0.38
  });

  it('agrees with exact Decimal arithmetic on every pair of a grid of cent amounts (integer fast path)', () => {
    const amounts = ['0.01', '0.03', '0.07', '1.00', '3.33', '8.00', '8.01', '8.03', '99.99', '100.00', '123.45', '199.99', '215.00', '9999999.99'];
    for (const before of amounts) {
      for (const after of amounts) {
        const exact = new Dec(after).minus(before).dividedBy(before).times(100).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN);
        expect(`${before}→${after} ${changePercent(before, after)!.toFixed(2)}`).toBe(`${before}→${after} ${exact.toFixed(2)}`);
      }
    }
  });

  it('is undefined when a side is missing or the old value is zero', () => {
    expect(changePercent(null, '1')).toBeNull();
    expect(changePercent('1', null)).toBeNull();
    expect(changePercent('0', '5')).toBeNull();
    expect(changePercent('0.00', '5.00')).toBeNull();
  });
});

describe('priceChangeEvents', () => {
  const row = {
    variant_id: 'v1', product_id: 'p1', platform_id: 'pl1', currency: 'USD', captured_at: '2026-11-20 10:00:00+00',
    lowest_ask: '210.00', prev_lowest_ask: '200.00', lowest_ask_changed: true,
    highest_bid: '180.00', prev_highest_bid: '150.00', highest_bid_changed: false,
    last_sale: null, prev_last_sale: '190.00', last_sale_changed: true,
  };

  it('emits one JSON-safe event per changed field, skipping unchanged ones', () => {
    const events = priceChangeEvents([row], () => 'stockx');
    expect(events).toEqual([
      { variantId: 'v1', productId: 'p1', platformId: 'pl1', platform: 'stockx', field: PriceField.LOWEST_ASK, old: '200.00', new: '210.00', currency: 'USD', changePercent: '5.00', at: '2026-11-20T10:00:00.000Z' },
      { variantId: 'v1', productId: 'p1', platformId: 'pl1', platform: 'stockx', field: PriceField.LAST_SALE, old: '190.00', new: null, currency: 'USD', changePercent: null, at: '2026-11-20T10:00:00.000Z' },
    ]);
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });
});
