import { feeSchedule } from '../catalog';
import { computeNetPayout } from './net-payout';

const stockx = feeSchedule({ sellerFeeRate: '0.0900', paymentProcessingRate: '0.0300', fixedFee: '0.00', minimumFee: '5.00' });
const ebay = feeSchedule({ sellerFeeRate: '0.1325', paymentProcessingRate: '0', fixedFee: '0.30', minimumFee: '0' });
const alias = feeSchedule({ sellerFeeRate: '0.0950', paymentProcessingRate: '0.0290', fixedFee: '5.00', minimumFee: '0' });

describe('computeNetPayout', () => {
  it('StockX at 200: 9 % = 18.00 beats the 5.00 minimum, 3 % processing = 6.00 → 176.00', () => {
    const p = computeNetPayout('200', stockx);
    expect(p.sellerFee.toFixed(2)).toBe('18.00');
    expect(p.processingFee.toFixed(2)).toBe('6.00');
    expect(p.net.toFixed(2)).toBe('176.00');
    expect(p.minimumFeeApplied).toBe(false);
  });

  it('StockX at 40: 9 % = 3.60 is below the minimum, so the seller fee is 5.00; 1.20 processing → 33.80', () => {
    const p = computeNetPayout('40', stockx);
    expect(p.sellerFee.toFixed(2)).toBe('5.00');
    expect(p.processingFee.toFixed(2)).toBe('1.20');
    expect(p.net.toFixed(2)).toBe('33.80');
    expect(p.minimumFeeApplied).toBe(true);
  });

  it('StockX at exactly the break-even 55.56: 9 % = 5.0004 → 5.00 by rate', () => {
    const p = computeNetPayout('55.56', stockx);
    expect(p.sellerFee.toFixed(2)).toBe('5.00');
    expect(p.minimumFeeApplied).toBe(false);
    expect(p.processingFee.toFixed(2)).toBe('1.67'); // 1.6668
    expect(p.net.toFixed(2)).toBe('48.89');
  });

  it('eBay at 100: 13.25 % = 13.25 plus the 0.30 fixed fee → 86.45', () => {
    const p = computeNetPayout('100.00', ebay);
    expect(p.totalFees.toFixed(2)).toBe('13.55');
    expect(p.net.toFixed(2)).toBe('86.45');
  });

  it('rounds each line half-even: eBay at 10.50 → 1.39125 → 1.39; Alias at 10.50 → 0.9975 → 1.00 and 0.3045 → 0.30', () => {
    expect(computeNetPayout('10.50', ebay).sellerFee.toFixed(2)).toBe('1.39');
    const a = computeNetPayout('10.50', alias);
    expect(a.sellerFee.toFixed(2)).toBe('1.00');
    expect(a.processingFee.toFixed(2)).toBe('0.30');
    expect(a.net.toFixed(2)).toBe('4.20'); // 10.50 − 1.00 − 0.30 − 5.00
  });

  it('half-even on an exact half cent: 2.5 % of 0.20 = 0.005 → 0.00, of 0.60 = 0.015 → 0.02', () => {
    const fees = feeSchedule({ sellerFeeRate: '0.025' });
    expect(computeNetPayout('0.20', fees).sellerFee.toFixed(2)).toBe('0.00');
    expect(computeNetPayout('0.60', fees).sellerFee.toFixed(2)).toBe('0.02');
  });

  it('goes negative when the minimum fee exceeds a cheap price (StockX at 3.00: 3 − 5 − 0.09)', () => {
    expect(computeNetPayout('3.00', stockx).net.toFixed(2)).toBe('-2.09');
  });

  it('refuses a negative price', () => {
    expect(() => computeNetPayout('-1', ebay)).toThrow(RangeError);
  });
});
