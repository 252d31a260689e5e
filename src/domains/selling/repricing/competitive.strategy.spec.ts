import { Dec } from '../../../common/money';
import { CompetitiveStrategy } from './competitive.strategy';
import { RepricingStrategyKind, type MarketView, type RepricingRuleSettings } from './repricing-strategy';

const d = (value: string) => new Dec(value);
const listing = { askPrice: d('130.00'), costBasis: d('80.00'), lastPriceChangeAt: null };
const market: MarketView = { lowestAsk: d('120.00'), highestBid: d('100.00'), lastSale: d('115.00'), salesLast7Days: 7, volatility: d('0.2') };
const rule = (extra: Partial<RepricingRuleSettings> = {}): RepricingRuleSettings => ({ strategy: RepricingStrategyKind.COMPETITIVE, ...extra });
const strategy = new CompetitiveStrategy();

describe('CompetitiveStrategy', () => {
  it('undercuts by an amount: 120.00 − 1.50 = 118.50', () => {
    expect(strategy.propose({ listing, market, rule: rule({ undercutAmount: d('1.50') }) }).target?.toFixed(2)).toBe('118.50');
  });

  it('undercuts by a percent, rounding down so it stays below: 120.00 × 0.7 % = 0.84 → 119.16; 99.99 × 1 % = 0.9999 → 98.9901 → 98.99', () => {
    expect(strategy.propose({ listing, market, rule: rule({ undercutPercent: d('0.7') }) }).target?.toFixed(2)).toBe('119.16');
    const cheap = { ...market, lowestAsk: d('99.99') };
    expect(strategy.propose({ listing, market: cheap, rule: rule({ undercutPercent: d('1') }) }).target?.toFixed(2)).toBe('98.99');
  });

  it('a tiny percent still undercuts by at least a cent: 10.00 × 0.01 % = 0.001 → 9.999 → 9.99', () => {
    const tiny = { ...market, lowestAsk: d('10.00') };
    expect(strategy.propose({ listing, market: tiny, rule: rule({ undercutPercent: d('0.01') }) }).target?.toFixed(2)).toBe('9.99');
  });

  it('prefers the amount when both are set, and defaults to one cent', () => {
    expect(strategy.propose({ listing, market, rule: rule({ undercutAmount: d('2'), undercutPercent: d('10') }) }).target?.toFixed(2)).toBe('118.00');
    expect(strategy.propose({ listing, market, rule: rule() }).target?.toFixed(2)).toBe('119.99');
  });

  it('holds when the lowest ask is its own listing instead of chasing itself down', () => {
    const proposal = strategy.propose({ listing: { ...listing, askPrice: d('120.00') }, market: { ...market, lowestAskIsOwn: true }, rule: rule() });
    expect(proposal.target?.toFixed(2)).toBe('120.00');
    expect(proposal.explanation).toMatch(/already the lowest ask/);
  });

  it('has no target without a lowest ask', () => {
    const proposal = strategy.propose({ listing, market: { ...market, lowestAsk: null }, rule: rule() });
    expect(proposal.target).toBeNull();
    expect(proposal.explanation).toMatch(/no lowest ask/);
  });
});
