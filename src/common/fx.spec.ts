import type Decimal from 'decimal.js';
import { convertMoney, convertToBase, convertToQuote } from './fx';
import { Dec } from './money';

const cents = (value: Decimal) => {
  expect(value.decimalPlaces()).toBeLessThanOrEqual(2);
  return value.toFixed(2);
};
const d = (value: string) => new Dec(value);

describe('convertToQuote (base → quote: amount × rate)', () => {
  it.each([
    ['100.00', '0.9215', '92.15'], // exact
    ['10.00', '1.2345', '12.34'], // 12.345: tie, 4 is even → stays
    ['10.00', '1.2355', '12.36'], // 12.355: tie, 5 is odd → up
    ['19.99', '149.5', '2988.50'], // 2988.505: tie, 0 is even → stays (half-up would say 2988.51)
    ['37.99', '0.78654', '29.88'], // 29.8806546 → 29.88
  ])('%s × %s = %s', (amount, rate, expected) => {
    expect(cents(convertToQuote(d(amount), d(rate)))).toBe(expected);
  });
});

describe('convertToBase (quote → base: amount ÷ rate)', () => {
  it.each([
    ['92.15', '0.9215', '100.00'], // exact inverse of the first case above
    ['100.00', '1.1', '90.91'], // 90.9090… → 90.91
    ['100.00', '3', '33.33'], // 33.333… → 33.33
    ['0.25', '2', '0.12'], // 0.125: tie, 2 is even → stays
    ['0.35', '2', '0.18'], // 0.175: tie, 7 is odd → up
  ])('%s ÷ %s = %s', (amount, rate, expected) => {
    expect(cents(convertToBase(d(amount), d(rate)))).toBe(expected);
  });

  it('divides by the rate rather than multiplying by a rounded inverse', () => {
    // 1/3 rounded to 4 places is 0.3333: 1000 × 0.3333 = 333.30, but 1000 ÷ 3 = 333.33
    expect(cents(convertToBase(d('1000.00'), d('3')))).toBe('333.33');
  });
});

describe('convertMoney', () => {
  const eurUsd = { base: 'EUR', quote: 'USD', rate: d('1.0850') };

  it('converts base → quote with the quote as given', () => {
    expect(cents(convertMoney(d('200.00'), 'EUR', 'USD', eurUsd))).toBe('217.00');
  });

  it('converts quote → base with the same quote: 217.00 ÷ 1.085 = 200.00', () => {
    expect(cents(convertMoney(d('217.00'), 'usd', 'eur', eurUsd))).toBe('200.00');
  });

  it('leaves the same currency alone, without a rate', () => {
    expect(cents(convertMoney(d('12.30'), 'USD', 'USD'))).toBe('12.30');
  });

  it('refuses a rate of another pair, a missing rate and a non-positive rate', () => {
    expect(() => convertMoney(d('1'), 'GBP', 'USD', eurUsd)).toThrow(RangeError);
    expect(() => convertMoney(d('1'), 'EUR', 'USD')).toThrow(RangeError);
    expect(() => convertToQuote(d('1'), d('0'))).toThrow(RangeError);
    expect(() => convertToBase(d('1'), d('-1.2'))).toThrow(RangeError);
  });
});
