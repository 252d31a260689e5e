import { Dec } from '../../../common/money';
import { feeSchedule } from '../../catalog';
import { computeOrderAmounts, impliedRate } from './order-amounts';

const stockx = feeSchedule({ sellerFeeRate: '0.09', paymentProcessingRate: '0.03', minimumFee: '5.00', buyerFeeRate: '0.05' });
const ebay = feeSchedule({ sellerFeeRate: '0.1325', fixedFee: '0.30' });
const alias = feeSchedule({ sellerFeeRate: '0.095', paymentProcessingRate: '0.029', fixedFee: '5.00' });
const shopify = feeSchedule({ paymentProcessingRate: '0.029', fixedFee: '0.30' });
const d = (value: string) => new Dec(value);
const text = (columns: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, v === null ? null : (v as Dec).toFixed(k === 'margin' || k === 'roi' ? 4 : 2)]));

describe('computeOrderAmounts (hand-computed)', () => {
  it('StockX $200 sale, cost $120: 9 % + 3 %, no minimum fee', () => {
    const { columns } = computeOrderAmounts({ salePrice: d('200.00'), schedule: stockx, costBasis: d('120.00'), currency: 'USD', baseCurrency: 'USD' });
    // 18.00 + 6.00 fees; net 176.00; profit 56.00; margin 56/200 = 0.2800; ROI 56/120 = 0.4666… → 0.4667.
    expect(text({ ...columns })).toEqual({
      salePrice: '200.00', sellerFee: '18.00', processingFee: '6.00', fixedFee: '0.00', shippingCost: '0.00', netProceeds: '176.00',
      costBasis: '120.00', grossProfit: '80.00', netProfit: '56.00', margin: '0.2800', roi: '0.4667',
      baseSalePrice: '200.00', baseFees: '24.00', baseShippingCost: '0.00', baseNetProceeds: '176.00', baseCostBasis: '120.00', baseGrossProfit: '80.00', baseNetProfit: '56.00',
    });
  });

  it('StockX $40 sale: the $5 minimum fee applies (9 % would be 3.60)', () => {
    const { columns } = computeOrderAmounts({ salePrice: d('40.00'), schedule: stockx, costBasis: d('30.00'), currency: 'USD', baseCurrency: 'USD' });
    // 5.00 + 1.20; net 33.80; profit 3.80; margin 0.0950; ROI 3.80/30 = 0.12666… → 0.1267.
    expect([columns.sellerFee, columns.processingFee, columns.netProceeds, columns.netProfit].map((v) => v!.toFixed(2))).toEqual(['5.00', '1.20', '33.80', '3.80']);
    expect([columns.margin!.toFixed(4), columns.roi!.toFixed(4)]).toEqual(['0.0950', '0.1267']);
  });

  it('eBay $150 with $12.50 shipping: 13.25 % = 19.875 rounds half-even to 19.88, plus $0.30', () => {
    const { columns } = computeOrderAmounts({ salePrice: d('150.00'), schedule: ebay, shippingCost: d('12.50'), costBasis: d('90.00'), currency: 'USD', baseCurrency: 'USD' });
    // net 150 − 19.88 − 0.30 − 12.50 = 117.32; profit 27.32; margin 0.18213… → 0.1821; ROI 0.30355… → 0.3036.
    expect([columns.sellerFee, columns.fixedFee, columns.netProceeds, columns.netProfit, columns.grossProfit].map((v) => v!.toFixed(2))).toEqual(['19.88', '0.30', '117.32', '27.32', '60.00']);
    expect([columns.margin!.toFixed(4), columns.roi!.toFixed(4)]).toEqual(['0.1821', '0.3036']);
  });

  it('Shopify $25: processing 2.9 % = 0.725 rounds half-even down to 0.72', () => {
    const { columns } = computeOrderAmounts({ salePrice: d('25.00'), schedule: shopify, currency: 'USD', baseCurrency: 'USD' });
    expect([columns.processingFee!.toFixed(2), columns.netProceeds!.toFixed(2)]).toEqual(['0.72', '23.98']);
    expect([columns.netProfit, columns.margin, columns.roi, columns.baseNetProfit]).toEqual([null, null, null, null]);
  });

  it('a EUR sale for a USD account converts line by line with the USD/EUR quote of the order date', () => {
    const { columns } = computeOrderAmounts({
      salePrice: d('100.00'), schedule: alias, costBasis: d('50.00'), baseCostBasis: d('55.00'),
      currency: 'EUR', baseCurrency: 'USD', fx: { base: 'USD', quote: 'EUR', rate: d('0.92') },
    });
    // EUR: 9.50 + 2.90 + 5.00 fees, net 82.60, profit 32.60. USD: 100/0.92 = 108.6956… → 108.70; 9.50/0.92 → 10.33;
    // 2.90/0.92 → 3.15; 5.00/0.92 → 5.43; fees 18.91; net 89.79; cost 55.00 (bought in USD); profit 34.79.
    expect(text({ ...columns })).toEqual({
      salePrice: '100.00', sellerFee: '9.50', processingFee: '2.90', fixedFee: '5.00', shippingCost: '0.00', netProceeds: '82.60',
      costBasis: '50.00', grossProfit: '50.00', netProfit: '32.60', margin: '0.3260', roi: '0.6520',
      baseSalePrice: '108.70', baseFees: '18.91', baseShippingCost: '0.00', baseNetProceeds: '89.79', baseCostBasis: '55.00', baseGrossProfit: '53.70', baseNetProfit: '34.79',
    });
    expect(impliedRate('EUR', 'USD', { base: 'USD', quote: 'EUR', rate: d('0.92') }).toFixed(8)).toBe('1.08695652');
  });

  it('without an FX rate the base amounts stay empty instead of guessed', () => {
    const { columns } = computeOrderAmounts({ salePrice: d('100.00'), schedule: alias, costBasis: d('50.00'), currency: 'EUR', baseCurrency: 'USD', fx: null });
    expect(columns.netProceeds!.toFixed(2)).toBe('82.60');
    expect([columns.baseSalePrice, columns.baseFees, columns.baseNetProceeds, columns.baseCostBasis, columns.baseNetProfit]).toEqual([null, null, null, null, null]);
  });

  it('a reported payout turns what the platform withheld beyond the named fees into the fixed fee', () => {
    const { columns, reportedNetIgnored } = computeOrderAmounts({
      salePrice: d('100.00'), schedule: ebay, reported: { sellerFee: d('13.25'), netProceeds: d('86.45') }, currency: 'USD', baseCurrency: 'USD',
    });
    expect(reportedNetIgnored).toBe(false);
    expect([columns.sellerFee, columns.processingFee, columns.fixedFee, columns.netProceeds].map((v) => v!.toFixed(2))).toEqual(['13.25', '0.00', '0.30', '86.45']);
  });

  it('a reported payout larger than price minus the reported fees is ignored (and flagged)', () => {
    const { columns, reportedNetIgnored } = computeOrderAmounts({
      salePrice: d('100.00'), schedule: ebay, reported: { sellerFee: d('13.25'), netProceeds: d('90.00') }, currency: 'USD', baseCurrency: 'USD',
    });
    expect(reportedNetIgnored).toBe(true);
    expect(columns.netProceeds!.toFixed(2)).toBe('86.45');
  });

  it('an order without a price has no derived amounts', () => {
    const { columns } = computeOrderAmounts({ salePrice: null, schedule: stockx, costBasis: d('10.00'), currency: 'USD', baseCurrency: 'USD' });
    expect([columns.netProceeds, columns.netProfit, columns.baseSalePrice]).toEqual([null, null, null]);
    expect(columns.baseCostBasis!.toFixed(2)).toBe('10.00');
  });
});
