import { Dec } from '../../../common/money';
import { ProfitMaximizationStrategy, sellThroughWeight } from './profit-maximization.strategy';
import { RepricingStrategyKind, type MarketView } from './repricing-strategy';

const d = (value: string) => new Dec(value);
const listing = { askPrice: d('130.00'), costBasis: d('80.00'), lastPriceChangeAt: null };
const rule = { strategy: RepricingStrategyKind.PROFIT_MAXIMIZATION };
const calm: MarketView = { lowestAsk: d('120.01'), highestBid: d('100.00'), lastSale: d('112.00'), salesLast7Days: 7, volatility: d('0') };
const target = (market: MarketView) => new ProfitMaximizationStrategy().propose({ listing, market, rule }).target?.toFixed(2) ?? null;

describe('ProfitMaximizationStrategy', () => {
  it.each([
    // top = 120.01 − 0.01 = 120.00; spread 20.00 over the 100.00 bid
    ['one sale a day, calm: weight 1/(1+1) × 1 = 0.5 → 100 + 10.00', { salesLast7Days: 7, volatility: d('0') }, '110.00'],
    ['three a day, calm: 3/4 = 0.75 → 100 + 15.00', { salesLast7Days: 21, volatility: d('0') }, '115.00'],
    ['three a day, volatility 0.2: 0.75 × 0.8 = 0.6 → 100 + 12.00', { salesLast7Days: 21, volatility: d('0.2') }, '112.00'],
    ['two a week: (2/7)/(9/7) = 2/9 = 0.2̅ → 100 + 4.444… → 104.44 (rounded down)', { salesLast7Days: 2, volatility: d('0') }, '104.44'],
    ['no 7-day count, 30 in 30 days = 1/day → 0.5', { salesLast7Days: null, salesLast30Days: 30, volatility: d('0') }, '110.00'],
    ['no sales: weight 0 → the bid', { salesLast7Days: 0, volatility: d('0') }, '100.00'],
    ['wild market (volatility 1): the bid', { salesLast7Days: 70, volatility: d('1') }, '100.00'],
  ])('%s', (_why, change, expected) => {
    expect(target({ ...calm, ...change })).toBe(expected);
  });

  it('sells into a bid at or above the lowest ask', () => {
    expect(target({ ...calm, highestBid: d('125.00') })).toBe('125.00');
    expect(target({ ...calm, lowestAsk: d('100.01') })).toBe('100.00'); // one-cent spread: top = bid
  });

  it('uses the last sale as the bottom when there is no bid, if it is under the top', () => {
    // bottom 112.00, top 120.00, weight 0.5 → 116.00
    expect(target({ ...calm, highestBid: null })).toBe('116.00');
    // last sale above the top: nothing to weigh, undercut the lowest ask by a cent
    expect(target({ ...calm, highestBid: null, lastSale: d('130.00') })).toBe('120.00');
  });

  it('keeps the lowest ask itself as the top when that ask is ours', () => {
    // top 120.01, bottom 100.00, weight 0.5 → 110.005 → 110.00 (down to the cent)
    expect(target({ ...calm, lowestAskIsOwn: true })).toBe('110.00');
  });

  it('without any ask prices at the better of last sale and bid, and gives up without any data', () => {
    expect(target({ ...calm, lowestAsk: null })).toBe('112.00');
    expect(target({ ...calm, lowestAsk: null, lastSale: null, highestBid: null })).toBeNull();
  });

  it('clamps volatility into 0–1', () => {
    expect(sellThroughWeight({ ...calm, volatility: d('1.5') }).weight.toFixed()).toBe('0');
    expect(sellThroughWeight({ ...calm, volatility: d('-1') }).weight.toFixed()).toBe('0.5');
  });
});
