import type Decimal from 'decimal.js';
import fc from 'fast-check';
import { Dec } from '../../../common/money';
import { feeSchedule, priceForTargetNet } from '../../catalog';
import { decideReprice, RepricingGuard, RepricingSkip, type RepricingDecision } from './decide-reprice';
import { RepricingStrategyKind, type MarketView, type RepricingListing, type RepricingRuleSettings } from './repricing-strategy';

const now = new Date('2025-06-01T12:00:00Z');
const cents = (max: number, min = 0) => fc.integer({ min, max }).map((c) => new Dec(c).div(100));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const schedules = [
  feeSchedule({ sellerFeeRate: '0.09', paymentProcessingRate: '0.03', minimumFee: '5' }),
  feeSchedule({ sellerFeeRate: '0.1325', fixedFee: '0.30' }),
];

const listingArb: fc.Arbitrary<RepricingListing> = fc.record({
  askPrice: cents(100_000),
  costBasis: cents(80_000),
  lastPriceChangeAt: maybe(fc.integer({ min: -60, max: 10_000 }).map((s) => new Date(now.getTime() - s * 1000))),
  fees: maybe(fc.record({ schedule: fc.constantFrom(...schedules), shippingCost: cents(2_000) })),
});

const marketArb: fc.Arbitrary<MarketView> = fc.record({
  lowestAsk: maybe(cents(120_000, 1)),
  highestBid: maybe(cents(120_000, 1)),
  lastSale: maybe(cents(120_000, 1)),
  salesLast7Days: maybe(fc.integer({ min: 0, max: 200 })),
  salesLast30Days: maybe(fc.integer({ min: 0, max: 800 })),
  volatility: maybe(fc.integer({ min: 0, max: 100 }).map((v) => new Dec(v).div(100))),
  lowestAskIsOwn: fc.boolean(),
});

const ruleArb: fc.Arbitrary<RepricingRuleSettings> = fc.record({
  strategy: fc.constantFrom(...Object.values(RepricingStrategyKind)),
  undercutAmount: maybe(cents(5_000)),
  undercutPercent: maybe(fc.integer({ min: 0, max: 500 }).map((p) => new Dec(p).div(10))),
  fixedPrice: maybe(cents(120_000)),
  floorPrice: maybe(fc.integer({ min: 0, max: 100_000_000 }).map((m) => new Dec(m).div(100_000))), // sub-cent floors too
  minimumMargin: maybe(cents(20_000)),
  ceilingPrice: maybe(fc.integer({ min: 0, max: 150_000_000 }).map((m) => new Dec(m).div(100_000))),
  maxChangePercent: maybe(fc.integer({ min: 0, max: 5_000 }).map((p) => new Dec(p).div(100))),
  cooldownSeconds: maybe(fc.integer({ min: 0, max: 7_200 })),
});

/** The floor and ceiling worked out independently of the implementation, in whole cents. */
function bounds(listing: RepricingListing, rule: RepricingRuleSettings): { floor: Decimal; ceiling: Decimal | null } {
  const wanted = new Dec(listing.costBasis).plus(rule.minimumMargin ?? 0);
  const raw =
    rule.floorPrice != null
      ? new Dec(rule.floorPrice).toDecimalPlaces(2, Dec.ROUND_CEIL)
      : listing.fees
        ? priceForTargetNet(wanted, listing.fees.schedule, listing.fees.shippingCost)
        : wanted.toDecimalPlaces(2, Dec.ROUND_CEIL);
  const floor = Dec.max('0.01', raw);
  const ceiling = rule.ceilingPrice != null ? new Dec(rule.ceilingPrice).toDecimalPlaces(2, Dec.ROUND_FLOOR) : null;
  return { floor, ceiling };
}

const inCooldown = (listing: RepricingListing, rule: RepricingRuleSettings) =>
  !!listing.lastPriceChangeAt && !!rule.cooldownSeconds && now.getTime() - listing.lastPriceChangeAt.getTime() < rule.cooldownSeconds * 1000;

const run = (check: (decision: RepricingDecision, listing: RepricingListing, market: MarketView, rule: RepricingRuleSettings) => void) =>
  fc.assert(
    fc.property(listingArb, marketArb, ruleArb, (listing, market, rule) => check(decideReprice(listing, market, rule, now), listing, market, rule)),
    { numRuns: 3_000 },
  );

describe('decideReprice properties', () => {
  it('SKIP leaves the price alone; CHANGE changes it to whole cents', () => {
    run((decision, listing) => {
      expect(decision.newPrice.decimalPlaces()).toBeLessThanOrEqual(2);
      if (decision.action === 'SKIP') {
        expect(decision.newPrice.eq(listing.askPrice)).toBe(true);
        expect(decision.skip).not.toBeNull();
      } else {
        expect(decision.newPrice.eq(listing.askPrice)).toBe(false);
        expect(decision.skip).toBeNull();
      }
    });
  });

  it('never sets or proposes a price below the floor or above the ceiling (ceiling ≥ floor)', () => {
    run((decision, listing, _market, rule) => {
      const { floor, ceiling } = bounds(listing, rule);
      if (ceiling && ceiling.lt(floor)) return;
      for (const price of decision.action === 'CHANGE' ? [decision.newPrice, decision.proposedPrice!] : decision.proposedPrice ? [decision.proposedPrice] : []) {
        expect(price.gte(floor)).toBe(true);
        if (ceiling) expect(price.lte(ceiling)).toBe(true);
      }
    });
  });

  it('a ceiling below the floor always skips as an invalid rule, changing nothing', () => {
    run((decision, listing, _market, rule) => {
      const { floor, ceiling } = bounds(listing, rule);
      if (!ceiling || ceiling.gte(floor)) return;
      expect(decision).toMatchObject({ action: 'SKIP', skip: RepricingSkip.INVALID_RULE, proposedPrice: null });
    });
  });

  it('never moves more than the maximum change, unless the ask sits outside [floor, ceiling] and one run cannot get back: then exactly to that bound', () => {
    run((decision, listing, _market, rule) => {
      const proposed = decision.proposedPrice;
      if (rule.maxChangePercent == null || !proposed) return;
      const old = new Dec(listing.askPrice);
      const allowed = old.times(rule.maxChangePercent).div(100);
      const { floor, ceiling } = bounds(listing, rule);
      if (old.plus(allowed).lt(floor)) {
        expect(proposed.eq(floor)).toBe(true); // precedence: floor over max change
      } else if (ceiling && old.minus(allowed).gt(ceiling)) {
        expect(proposed.eq(ceiling)).toBe(true); // precedence: ceiling over max change
      } else {
        expect(proposed.minus(old).abs().lte(allowed)).toBe(true);
      }
    });
  });

  it('always skips inside the cooldown', () => {
    run((decision, listing, _market, rule) => {
      if (inCooldown(listing, rule)) expect(decision.action).toBe('SKIP');
    });
  });

  it('outside the cooldown, applies every proposed change', () => {
    run((decision, listing, _market, rule) => {
      if (!inCooldown(listing, rule) && decision.proposedPrice && !decision.proposedPrice.eq(listing.askPrice)) {
        expect(decision.action).toBe('CHANGE');
      }
    });
  });

  it('the generators reach every guard and every skip, so the properties above are not vacuous', () => {
    const seen = new Set<string>();
    for (const [listing, market, rule] of fc.sample(fc.tuple(listingArb, marketArb, ruleArb), { numRuns: 5_000, seed: 42 })) {
      const decision = decideReprice(listing, market, rule, now);
      decision.guards.forEach((guard) => seen.add(guard));
      seen.add(decision.skip ?? 'CHANGE');
    }
    expect([...seen].sort()).toEqual([...Object.values(RepricingGuard), ...Object.values(RepricingSkip), 'CHANGE'].sort());
  });
});
