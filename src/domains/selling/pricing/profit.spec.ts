import type Decimal from 'decimal.js';
import { Dec } from '../../../common/money';
import { feeSchedule } from '../../catalog';
import { computeProfit, computeSaleEconomics } from './profit';

const cents = (value: Decimal) => {
  expect(value.decimalPlaces()).toBeLessThanOrEqual(2);
  return value.toFixed(2);
};
const ratio = (value: Decimal | null) => (value === null ? null : value.toFixed(4));
const d = (value: string) => new Dec(value);

const stockx = feeSchedule({ sellerFeeRate: '0.09', paymentProcessingRate: '0.03', minimumFee: '5.00' });
const ebay = feeSchedule({ sellerFeeRate: '0.1325', fixedFee: '0.30' });

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

describe('computeSaleEconomics', () => {
  it('StockX $200 pair bought for $110: fees 18.00 + 6.00, net 176.00, profit 66.00, margin 0.33, ROI 0.6', () => {
    const sale = computeSaleEconomics({ salePrice: d('200.00'), schedule: stockx, costBasis: d('110.00') });
    expect(cents(sale.sellerFee)).toBe('18.00');
    expect(cents(sale.paymentProcessingFee)).toBe('6.00');
    expect(cents(sale.netProceeds)).toBe('176.00');
    expect(cents(sale.grossProfit)).toBe('90.00');
    expect(cents(sale.netProfit)).toBe('66.00');
    expect(ratio(sale.margin)).toBe('0.3300');
    expect(ratio(sale.roi)).toBe('0.6000');
  });

  it('eBay $100 card bought for $50, $12.50 label: net 73.95, profit 23.95, margin 0.2395, ROI 0.479', () => {
    const sale = computeSaleEconomics({ salePrice: d('100.00'), schedule: ebay, shippingCost: d('12.50'), costBasis: d('50.00') });
    expect(cents(sale.netProceeds)).toBe('73.95');
    expect(cents(sale.netProfit)).toBe('23.95');
    expect(ratio(sale.margin)).toBe('0.2395');
    expect(ratio(sale.roi)).toBe('0.4790');
  });
});
