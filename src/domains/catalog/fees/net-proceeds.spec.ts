import type Decimal from 'decimal.js';
import fc from 'fast-check';
import { Dec } from '../../../common/money';
import { feeSchedule } from './fees';
import { computeNetProceeds, priceForTargetNet } from './net-proceeds';

const cents = (value: Decimal) => {
  expect(value.decimalPlaces()).toBeLessThanOrEqual(2);
  return value.toFixed(2);
};
const d = (value: string) => new Dec(value);

const stockx = feeSchedule({ sellerFeeRate: '0.09', paymentProcessingRate: '0.03', minimumFee: '5.00' });
const ebay = feeSchedule({ sellerFeeRate: '0.1325', fixedFee: '0.30' });

describe('computeNetProceeds', () => {
  it('StockX $40: 40.00 − 5.00 (minimum) − 1.20 = 33.80', () => {
    const net = computeNetProceeds({ salePrice: d('40.00'), schedule: stockx });
    expect(cents(net.netProceeds)).toBe('33.80');
    expect(cents(net.shippingCost)).toBe('0.00');
  });

  it('StockX $200: 200.00 − 18.00 − 6.00 = 176.00', () => {
    expect(cents(computeNetProceeds({ salePrice: d('200.00'), schedule: stockx }).netProceeds)).toBe('176.00');
  });

  it('eBay $100 with $12.50 label: 100.00 − 13.25 − 0.30 − 12.50 = 73.95', () => {
    const net = computeNetProceeds({ salePrice: d('100.00'), schedule: ebay, shippingCost: d('12.50') });
    expect(cents(net.sellerFee)).toBe('13.25');
    expect(cents(net.fixedFee)).toBe('0.30');
    expect(cents(net.netProceeds)).toBe('73.95');
  });

  it('eBay $37.99: 37.99 − 5.03 (5.033675) − 0.30 = 32.66', () => {
    expect(cents(computeNetProceeds({ salePrice: d('37.99'), schedule: ebay }).netProceeds)).toBe('32.66');
  });

  it('StockX $250.50: 250.50 − 22.54 (22.545 half-even) − 7.52 (7.515 half-even) = 220.44', () => {
    expect(cents(computeNetProceeds({ salePrice: d('250.50'), schedule: stockx }).netProceeds)).toBe('220.44');
  });

  it('always equals the sale price minus the stored lines, to the cent', () => {
    const net = computeNetProceeds({ salePrice: d('60.17'), schedule: stockx, shippingCost: d('7.99') });
    // 9 % = 5.4153 → 5.42; 3 % = 1.8051 → 1.81; 60.17 − 5.42 − 1.81 − 7.99 = 44.95
    expect(cents(net.sellerFee)).toBe('5.42');
    expect(cents(net.paymentProcessingFee)).toBe('1.81');
    expect(cents(net.netProceeds)).toBe('44.95');
  });

  it('a cent more can net a cent less when both lines round up at once (why the inverse checks cents)', () => {
    // 60.16: 5.4144 → 5.41, 1.8048 → 1.80 → 52.95;  60.17: 5.4153 → 5.42, 1.8051 → 1.81 → 52.94
    expect(cents(computeNetProceeds({ salePrice: d('60.16'), schedule: stockx }).netProceeds)).toBe('52.95');
    expect(cents(computeNetProceeds({ salePrice: d('60.17'), schedule: stockx }).netProceeds)).toBe('52.94');
  });

  it('goes negative when the minimum fee and shipping exceed a cheap sale', () => {
    // 3.00 − 5.00 − 0.09 − 4.00 = −6.09
    expect(cents(computeNetProceeds({ salePrice: d('3.00'), schedule: stockx, shippingCost: d('4.00') }).netProceeds)).toBe('-6.09');
  });

  it('rejects negative shipping', () => {
    expect(() => computeNetProceeds({ salePrice: d('10'), schedule: stockx, shippingCost: d('-1') })).toThrow(RangeError);
  });
});

describe('priceForTargetNet', () => {
  it.each([
    // target, schedule, shipping, ask — worked out below each
    ['33.80', stockx, '0', '40.00'], // minimum piece: (33.80 + 5.00) / 0.97 = 40.00; 9 % × 40 = 3.60 ≤ 5 ✓; 39.99 nets 33.79
    ['176.00', stockx, '0', '200.00'], // rate piece: 176 / 0.88 = 200.00; 199.99 nets 199.99 − 18.00 − 6.00 = 175.99
    ['48.89', stockx, '0', '55.56'], // the kink: minimum piece gives 55.5567 whose 9 % = 5.0001 > 5, so the rate piece: 48.89 / 0.88 = 55.5568 → 55.56 nets 48.89; 55.55 nets 48.88
    ['20.00', stockx, '0', '25.77'], // exact (25.00 / 0.97) = 25.7732, but 25.77 already nets 25.77 − 5.00 − 0.77 (0.7731) = 20.00; 25.76 nets 19.99
    ['50.00', stockx, '0', '56.81'], // exact 56.8182, yet 56.81 nets 56.81 − 5.11 (5.1129) − 1.70 (1.7043) = 50.00; 56.80 nets 49.99
    ['73.95', ebay, '12.50', '100.00'], // (73.95 + 0.30 + 12.50) / 0.8675 = 100.00; 99.99 → 13.25 (13.248675) → 73.94
    ['-10.00', stockx, '0', '0.00'], // even a free item nets −5.00 ≥ −10
  ])('net %s → ask %s', (target, schedule, shipping, ask) => {
    expect(cents(priceForTargetNet(d(target), schedule, d(shipping)))).toBe(ask);
  });

  it('refuses a schedule that takes everything', () => {
    expect(() => priceForTargetNet(d('10'), feeSchedule({ sellerFeeRate: '0.6', paymentProcessingRate: '0.4' }))).toThrow(RangeError);
  });

  it('property: the ask reaches the target and no cheaper cent does', () => {
    const rate = (max: number) => fc.integer({ min: 0, max }).map((bp) => new Dec(bp).div(10_000));
    const money = (max: number) => fc.integer({ min: 0, max }).map((c) => new Dec(c).div(100));
    fc.assert(
      fc.property(
        rate(3000),
        rate(1000),
        money(100),
        money(2000),
        money(3000),
        fc.integer({ min: -5_000, max: 2_000_000 }).map((c) => new Dec(c).div(100)),
        (sellerFeeRate, paymentProcessingRate, fixedFee, minimumFee, shipping, target) => {
          const schedule = feeSchedule({ sellerFeeRate, paymentProcessingRate, fixedFee, minimumFee });
          const ask = priceForTargetNet(target, schedule, shipping);
          const net = (price: Decimal) => computeNetProceeds({ salePrice: price, schedule, shippingCost: shipping }).netProceeds;
          expect(ask.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(net(ask).gte(target)).toBe(true);
          for (let below = ask.minus('0.01'), n = 0; below.gte(0) && n < 10; below = below.minus('0.01'), n++) {
            expect(net(below).lt(target)).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
