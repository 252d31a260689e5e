import type Decimal from 'decimal.js';
import { Dec } from '../../../common/money';
import { computeProfit } from './profit';

const cents = (value: Decimal) => {
  expect(value.decimalPlaces()).toBeLessThanOrEqual(2);
  return value.toFixed(2);
};
const ratio = (value: Decimal | null) => (value === null ? null : value.toFixed(4));
const d = (value: string) => new Dec(value);


describe('computeProfit', () => {
  it('StockX $40 pair bought for $25: net 33.80 → profit 8.80, margin 8.80/40 = 0.22, ROI 8.80/25 = 0.352', () => {
    const profit = computeProfit({ netProceeds: d('33.80'), costBasis: d('25.00'), salePrice: d('40.00') });
    expect(cents(profit.grossProfit)).toBe('15.00');
    expect(cents(profit.netProfit)).toBe('8.80');
    expect(ratio(profit.margin)).toBe('0.2200');
    expect(ratio(profit.roi)).toBe('0.3520');
  });

  it('a loss gives negative margin and ROI: net 73.95 on cost 90.00 → −16.05; −16.05/100 = −0.1605; −16.05/90 = −0.178333… → −0.1783', () => {
    const profit = computeProfit({ netProceeds: d('73.95'), costBasis: d('90.00'), salePrice: d('100.00') });
    expect(cents(profit.grossProfit)).toBe('10.00');
    expect(cents(profit.netProfit)).toBe('-16.05');
    expect(ratio(profit.margin)).toBe('-0.1605');
    expect(ratio(profit.roi)).toBe('-0.1783');
  });

  it.each([
    // net profit over a $200 sale: 0.01/200 = 0.00005 (tie → 0.0000, even); 0.03/200 = 0.00015 (tie → 0.0002, even)
    ['110.01', '0.0000'],
    ['110.03', '0.0002'],
  ])('rounds ratios half-even to the basis point: net %s on cost 110 over $200 → margin %s', (net, margin) => {
    expect(ratio(computeProfit({ netProceeds: d(net), costBasis: d('110.00'), salePrice: d('200.00') }).margin)).toBe(margin);
  });

  it('ROI is null for a zero cost basis (a gift): profit is all there is', () => {
    const profit = computeProfit({ netProceeds: d('33.80'), costBasis: d('0'), salePrice: d('40.00') });
    expect(cents(profit.netProfit)).toBe('33.80');
    expect(profit.roi).toBeNull();
    expect(ratio(profit.margin)).toBe('0.8450');
  });

  it('margin is null for a zero sale price', () => {
    const profit = computeProfit({ netProceeds: d('-5.00'), costBasis: d('10.00'), salePrice: d('0') });
    expect(cents(profit.netProfit)).toBe('-15.00');
    expect(profit.margin).toBeNull();
    expect(ratio(profit.roi)).toBe('-1.5000');
  });

  it('rejects a negative cost basis', () => {
    expect(() => computeProfit({ netProceeds: d('1'), costBasis: d('-1'), salePrice: d('1') })).toThrow(RangeError);
  });
});
