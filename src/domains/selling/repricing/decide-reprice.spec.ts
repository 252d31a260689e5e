import { Dec } from '../../../common/money';
import { feeSchedule } from '../../catalog';
import { decideReprice, RepricingGuard, RepricingSkip } from './decide-reprice';
import { RepricingStrategyKind, type MarketView, type RepricingListing, type RepricingRuleSettings } from './repricing-strategy';

const d = (value: string) => new Dec(value);
const now = new Date('2025-06-01T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

const listing = (extra: Partial<RepricingListing> = {}): RepricingListing => ({ askPrice: d('120.00'), costBasis: d('80.00'), lastPriceChangeAt: null, ...extra });
const market = (extra: Partial<MarketView> = {}): MarketView => ({ lowestAsk: d('110.00'), highestBid: d('95.00'), lastSale: d('105.00'), salesLast7Days: 7, volatility: d('0.1'), ...extra });
const competitive = (extra: Partial<RepricingRuleSettings> = {}): RepricingRuleSettings => ({ strategy: RepricingStrategyKind.COMPETITIVE, undercutAmount: d('1.00'), ...extra });
const match = (extra: Partial<RepricingRuleSettings> = {}): RepricingRuleSettings => ({ strategy: RepricingStrategyKind.MATCH_LOWEST_ASK, ...extra });
const price = (value: Dec | null) => value?.toFixed(2) ?? null;

describe('decideReprice — strategy target', () => {
  it('moves down: undercut 110.00 by 1.00 → 109.00', () => {
    const decision = decideReprice(listing(), market(), competitive(), now);
    expect(decision).toMatchObject({ action: 'CHANGE', strategy: RepricingStrategyKind.COMPETITIVE, skip: null, guards: [] });
    expect(price(decision.oldPrice)).toBe('120.00');
    expect(price(decision.newPrice)).toBe('109.00');
    expect(decision.reason).toBe('undercut the lowest ask 110.00 by 1.00 → 109.00: 120.00 → 109.00 (down 11.00)');
  });

  it('moves up as well: match a lowest ask of 135.00', () => {
    const decision = decideReprice(listing(), market({ lowestAsk: d('135.00') }), match(), now);
    expect(decision.action).toBe('CHANGE');
    expect(price(decision.newPrice)).toBe('135.00');
    expect(decision.reason).toMatch(/120\.00 → 135\.00 \(up 15\.00\)$/);
  });

  it('skips when the target is the current ask', () => {
    const decision = decideReprice(listing(), market({ lowestAsk: d('121.00') }), competitive(), now);
    expect(decision).toMatchObject({ action: 'SKIP', skip: RepricingSkip.UNCHANGED });
    expect(price(decision.newPrice)).toBe('120.00');
    expect(decision.reason).toMatch(/already at 120\.00$/);
  });

  it('holds without market data, and says why', () => {
    const decision = decideReprice(listing(), market({ lowestAsk: null }), competitive(), now);
    expect(decision).toMatchObject({ action: 'SKIP', skip: RepricingSkip.UNCHANGED });
    expect(decision.reason).toMatch(/^no lowest ask on the market to undercut: holding 120\.00/);
  });
});

describe('decideReprice — ceiling and floor', () => {
  it('caps at the ceiling', () => {
    const decision = decideReprice(listing(), market({ lowestAsk: d('150.00') }), match({ ceilingPrice: d('140.00') }), now);
    expect(price(decision.newPrice)).toBe('140.00');
    expect(decision.guards).toEqual([RepricingGuard.CEILING]);
  });

  it('raises to the default floor: cost 80.00 + minimum margin 15.00 = 95.00', () => {
    const decision = decideReprice(listing(), market({ lowestAsk: d('90.00') }), match({ minimumMargin: d('15.00') }), now);
    expect(price(decision.newPrice)).toBe('95.00');
    expect(price(decision.floor)).toBe('95.00');
    expect(decision.guards).toEqual([RepricingGuard.FLOOR]);
    expect(decision.reason).toContain('raised to the floor 95.00 (cost 80.00 + margin 15.00)');
  });

  it('lets an explicit floor replace the default, even below cost (a deliberate clearance)', () => {
    const decision = decideReprice(listing(), market({ lowestAsk: d('75.00') }), match({ floorPrice: d('70.00'), minimumMargin: d('15.00') }), now);
    expect(price(decision.newPrice)).toBe('75.00');
    expect(decision.guards).toEqual([]);
  });

  it('makes the default floor fee-aware when the fees are known: StockX, cost 80 + margin 10 must net 90.00', () => {
    // 90 / 0.88 = 102.2727…; 102.27 nets 102.27 − 9.20 (9.2043) − 3.07 (3.0681) = 90.00; 102.26 nets 89.99
    const fees = { schedule: feeSchedule({ sellerFeeRate: '0.09', paymentProcessingRate: '0.03', minimumFee: '5' }) };
    const decision = decideReprice(listing({ fees }), market({ lowestAsk: d('95.00') }), match({ minimumMargin: d('10.00') }), now);
    expect(price(decision.floor)).toBe('102.27');
    expect(price(decision.newPrice)).toBe('102.27');
  });

  it('rounds sub-cent bounds inward: a floor of 80.001 allows 80.01, a ceiling of 140.009 allows 140.00', () => {
    const low = decideReprice(listing(), market({ lowestAsk: d('50.00') }), match({ floorPrice: d('80.001') }), now);
    expect(price(low.newPrice)).toBe('80.01');
    const high = decideReprice(listing(), market({ lowestAsk: d('150.00') }), match({ ceilingPrice: d('140.009') }), now);
    expect(price(high.newPrice)).toBe('140.00');
  });

  it('never goes below one cent, even with a zero cost basis', () => {
    const decision = decideReprice(listing({ costBasis: d('0') }), market({ lowestAsk: d('0.01') }), competitive(), now);
    expect(price(decision.newPrice)).toBe('0.01');
  });

  it('skips a rule whose ceiling is below its floor, changing nothing', () => {
    const decision = decideReprice(listing({ askPrice: d('60.00') }), market(), match({ ceilingPrice: d('90.00'), minimumMargin: d('20.00') }), now);
    expect(decision).toMatchObject({ action: 'SKIP', skip: RepricingSkip.INVALID_RULE, proposedPrice: null });
    expect(price(decision.newPrice)).toBe('60.00');
    expect(decision.reason).toBe('ceiling 90.00 is below the floor 100.00 (cost 80.00 + margin 20.00): fix the rule; price left at 60.00');
  });
});

describe('decideReprice — maximum change per run', () => {
  it('limits a drop to 10 % of 120.00 = 12.00 → 108.00', () => {
    const decision = decideReprice(listing(), market({ lowestAsk: d('100.00') }), competitive({ maxChangePercent: d('10') }), now);
    expect(price(decision.newPrice)).toBe('108.00');
    expect(decision.guards).toEqual([RepricingGuard.MAX_CHANGE]);
  });

  it('limits a rise the same way → 132.00', () => {
    const decision = decideReprice(listing(), market({ lowestAsk: d('150.00') }), match({ maxChangePercent: d('10') }), now);
    expect(price(decision.newPrice)).toBe('132.00');
  });

  it('rounds the band inward so rounding cannot exceed it: 0.5 % of 99.99 = 0.49995 → lowest 99.49005 → 99.50 (half-even would say 99.49)', () => {
    const decision = decideReprice(listing({ askPrice: d('99.99') }), market({ lowestAsk: d('90.00') }), competitive({ maxChangePercent: d('0.5') }), now);
    expect(price(decision.newPrice)).toBe('99.50');
  });

  it('lets the floor win when the ask is below it and out of one run’s reach: 80.00, band ±8.00, floor 100.00 → 100.00', () => {
    const decision = decideReprice(listing({ askPrice: d('80.00'), costBasis: d('100.00') }), market({ lowestAsk: d('90.00') }), competitive({ maxChangePercent: d('10') }), now);
    expect(price(decision.newPrice)).toBe('100.00');
    expect(decision.guards).toEqual([RepricingGuard.FLOOR, RepricingGuard.FLOOR_OVER_MAX_CHANGE]);
    expect(decision.reason).toContain('the floor wins');
  });

  it('still honours the maximum change when a below-floor ask can reach the floor: 95.00 ± 9.50 toward 120.00 → 104.50', () => {
    const decision = decideReprice(listing({ askPrice: d('95.00'), costBasis: d('100.00') }), market({ lowestAsk: d('120.00') }), match({ maxChangePercent: d('10') }), now);
    expect(price(decision.newPrice)).toBe('104.50');
    expect(decision.guards).toEqual([RepricingGuard.MAX_CHANGE]);
  });

  it('lets the ceiling win the same way: 200.00, band ±20.00, ceiling 150.00 → 150.00', () => {
    const decision = decideReprice(listing({ askPrice: d('200.00') }), market({ lowestAsk: d('210.00') }), match({ ceilingPrice: d('150.00'), maxChangePercent: d('10') }), now);
    expect(price(decision.newPrice)).toBe('150.00');
    expect(decision.guards).toEqual([RepricingGuard.CEILING, RepricingGuard.CEILING_OVER_MAX_CHANGE]);
  });

  it('freezes the price with 0 % but still repairs a floor violation', () => {
    expect(decideReprice(listing(), market(), competitive({ maxChangePercent: d('0') }), now).skip).toBe(RepricingSkip.UNCHANGED);
    const repair = decideReprice(listing({ askPrice: d('70.00') }), market(), competitive({ maxChangePercent: d('0') }), now);
    expect(price(repair.newPrice)).toBe('80.00');
  });
});

describe('decideReprice — cooldown', () => {
  it('skips a due change inside the cooldown and reports what it would have done', () => {
    const decision = decideReprice(listing({ lastPriceChangeAt: minutesAgo(10) }), market(), competitive({ cooldownSeconds: 3600 }), now);
    expect(decision).toMatchObject({ action: 'SKIP', skip: RepricingSkip.COOLDOWN });
    expect(price(decision.newPrice)).toBe('120.00');
    expect(price(decision.proposedPrice)).toBe('109.00');
    expect(decision.reason).toBe('undercut the lowest ask 110.00 by 1.00 → 109.00; would move 120.00 → 109.00 (down 11.00), but the last change is within the 1 h cooldown (50 min left)');
  });

  it('changes once the cooldown has fully elapsed', () => {
    expect(decideReprice(listing({ lastPriceChangeAt: minutesAgo(60) }), market(), competitive({ cooldownSeconds: 3600 }), now).action).toBe('CHANGE');
  });

  it('skips even a floor repair inside the cooldown (repaired on the first run after it)', () => {
    const decision = decideReprice(listing({ askPrice: d('70.00'), lastPriceChangeAt: minutesAgo(1) }), market(), competitive({ cooldownSeconds: 300 }), now);
    expect(decision).toMatchObject({ action: 'SKIP', skip: RepricingSkip.COOLDOWN });
    expect(price(decision.proposedPrice)).toBe('109.00');
  });
});

describe('decideReprice — malformed input', () => {
  it('throws for negative rule values and non-cent asks (the API validates before calling)', () => {
    expect(() => decideReprice(listing(), market(), competitive({ undercutAmount: d('-1') }), now)).toThrow(RangeError);
    expect(() => decideReprice(listing(), market(), competitive({ cooldownSeconds: -5 }), now)).toThrow(RangeError);
    expect(() => decideReprice(listing({ askPrice: d('10.001') }), market(), competitive(), now)).toThrow(RangeError);
  });
});
