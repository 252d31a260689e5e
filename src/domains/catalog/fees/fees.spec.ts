import type Decimal from 'decimal.js';
import { Dec } from '../../../common/money';
import { computeBuyerCost, computeSellerFees, feeSchedule } from './fees';

/** An amount as it is stored: at most two decimals (a sub-cent leftover would fail here), fixed to 2. */
const cents = (value: Decimal) => {
  expect(value.decimalPlaces()).toBeLessThanOrEqual(2);
  return value.toFixed(2);
};
const d = (value: string) => new Dec(value);

const stockx = feeSchedule({ sellerFeeRate: '0.09', paymentProcessingRate: '0.03', minimumFee: '5.00' });
const ebay = feeSchedule({ sellerFeeRate: '0.1325', fixedFee: '0.30' });

describe('computeSellerFees — StockX 9 % + 3 % processing, $5 minimum seller fee', () => {
  it('a $40 sale hits the minimum: 9 % × 40 = 3.60 < 5.00 → 5.00; processing 3 % × 40 = 1.20', () => {
    const fees = computeSellerFees(d('40.00'), stockx);
    expect(cents(fees.sellerFee)).toBe('5.00');
    expect(fees.minimumFeeApplied).toBe(true);
    expect(cents(fees.paymentProcessingFee)).toBe('1.20');
    expect(cents(fees.fixedFee)).toBe('0.00');
    expect(cents(fees.total)).toBe('6.20');
  });

  it('a $200 sale does not: 9 % × 200 = 18.00 > 5.00; processing 3 % × 200 = 6.00', () => {
    const fees = computeSellerFees(d('200.00'), stockx);
    expect(cents(fees.sellerFee)).toBe('18.00');
    expect(fees.minimumFeeApplied).toBe(false);
    expect(cents(fees.paymentProcessingFee)).toBe('6.00');
    expect(cents(fees.total)).toBe('24.00');
  });

  it.each([
    // price, 9 % of it exactly, seller fee, minimum applied
    ['55.55', '4.9995 < 5 → minimum', '5.00', true],
    ['55.56', '5.0004 ≥ 5 → rate, rounds to 5.00', '5.00', false],
    ['56.00', '5.04', '5.04', false],
    ['0.00', '0 → minimum (a minimum is a minimum)', '5.00', true],
  ])('around the kink at 5 / 0.09 = 55.5̅: $%s → %s → %s', (price, _why, fee, minimum) => {
    const fees = computeSellerFees(d(price), stockx);
    expect(cents(fees.sellerFee)).toBe(fee);
    expect(fees.minimumFeeApplied).toBe(minimum);
  });

  it.each([
    // price, 9 % exactly → half-even, 3 % exactly → half-even  (half-up would give the second value +0.01 in the even cases)
    ['250.50', '22.545', '22.54', '7.515', '7.52'],
    ['251.50', '22.635', '22.64', '7.545', '7.54'],
  ])('rounds each line half-even once: $%s → 9 %% = %s → %s, 3 %% = %s → %s', (price, _f, fee, _p, processing) => {
    const fees = computeSellerFees(d(price), stockx);
    expect(cents(fees.sellerFee)).toBe(fee);
    expect(cents(fees.paymentProcessingFee)).toBe(processing);
  });
});

describe('computeSellerFees — eBay 13.25 % + $0.30 per order', () => {
  it('$100.00 → 13.25 + 0.30 = 13.55', () => {
    const fees = computeSellerFees(d('100.00'), ebay);
    expect(cents(fees.sellerFee)).toBe('13.25');
    expect(cents(fees.fixedFee)).toBe('0.30');
    expect(cents(fees.paymentProcessingFee)).toBe('0.00');
    expect(cents(fees.total)).toBe('13.55');
  });

  it('$37.99 → 13.25 % = 5.033675 → 5.03', () => {
    expect(cents(computeSellerFees(d('37.99'), ebay).sellerFee)).toBe('5.03');
  });

  it.each([
    ['10.00', '1.325', '1.32'],
    ['14.00', '1.855', '1.86'],
    ['102.00', '13.515', '13.52'],
    ['106.00', '14.045', '14.04'],
  ])('x.xx5 ties go to the even cent: $%s × 13.25 %% = %s → %s', (price, _exact, fee) => {
    expect(cents(computeSellerFees(d(price), ebay).sellerFee)).toBe(fee);
  });
});

describe('computeBuyerCost — a marketplace with a 5 % buyer premium', () => {
  const premium = feeSchedule({ buyerFeeRate: '0.05' });

  it.each([
    // ask, 5 % of it exactly, buyer fee (half-even), total
    ['100.00', '5.000', '5.00', '105.00'],
    ['99.90', '4.995', '5.00', '104.90'], // tie, 9 is odd: up
    ['99.70', '4.985', '4.98', '104.68'], // tie, 8 is even: stays
  ])('ask %s → 5 %% = %s → buyer fee %s → total %s', (ask, _exact, fee, total) => {
    const cost = computeBuyerCost(d(ask), premium);
    expect(cents(cost.buyerFee)).toBe(fee);
    expect(cents(cost.total)).toBe(total);
  });

  it('is the ask itself without a premium', () => {
    expect(cents(computeBuyerCost(d('129.99'), stockx).total)).toBe('129.99');
  });
});

describe('feeSchedule validation', () => {
  it.each([
    [{ sellerFeeRate: '-0.01' }],
    [{ paymentProcessingRate: '1' }],
    [{ buyerFeeRate: '1.5' }],
    [{ fixedFee: '-0.30' }],
    [{ minimumFee: '-5' }],
  ])('rejects %j', (parts) => {
    expect(() => feeSchedule(parts)).toThrow(RangeError);
  });

  it('rejects a negative price', () => {
    expect(() => computeSellerFees(d('-1'), stockx)).toThrow(RangeError);
  });
});
