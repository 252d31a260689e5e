import type Decimal from 'decimal.js';
import { Dec } from '../../../common/money';
import { priceForTargetNet } from '../../catalog';
import { ceilToTick, floorToTick, formatPrice, roundToTick, TICK } from './price-ticks';
import type { MarketView, RepricingListing, RepricingRuleSettings, RepricingStrategyKind } from './repricing-strategy';
import { repricingStrategyFor } from './repricing-strategies';

/** Why a decision changed nothing. */
export enum RepricingSkip {
  /** The guarded target equals the current ask. */
  UNCHANGED = 'UNCHANGED',
  /** A change is due but the last one is more recent than the rule's cooldown. */
  COOLDOWN = 'COOLDOWN',
  /** The rule contradicts itself (ceiling below floor); a person has to fix it. */
  INVALID_RULE = 'INVALID_RULE',
}

/** A guard that moved the strategy's target. */
export enum RepricingGuard {
  CEILING = 'CEILING',
  FLOOR = 'FLOOR',
  MAX_CHANGE = 'MAX_CHANGE',
  /** The ask sat below the floor and one run's maximum change could not reach it: the floor won. */
  FLOOR_OVER_MAX_CHANGE = 'FLOOR_OVER_MAX_CHANGE',
  /** The ask sat above the ceiling and one run's maximum change could not reach it: the ceiling won. */
  CEILING_OVER_MAX_CHANGE = 'CEILING_OVER_MAX_CHANGE',
}

/** The outcome for one listing; a dry run reports it, a real run applies CHANGE decisions. */
export interface RepricingDecision {
  action: 'CHANGE' | 'SKIP';
  oldPrice: Decimal;
  /** The ask after this decision: the old price for every SKIP. */
  newPrice: Decimal;
  /** The guarded price the rule asks for now, even when skipped (null for an invalid rule). */
  proposedPrice: Decimal | null;
  /** Human-readable account of the target, each guard that moved it, and the outcome. */
  reason: string;
  strategy: RepricingStrategyKind;
  skip: RepricingSkip | null;
  guards: RepricingGuard[];
  /** The effective floor, in whole cents (never below one cent). */
  floor: Decimal;
  /** The effective ceiling, in whole cents, if any. */
  ceiling: Decimal | null;
}

/**
 * Decides one listing's new ask. Guards run in a fixed order, each on the previous one's output:
 *
 * 1. strategy target (no target: hold the current ask, so the guards below still protect it);
 * 2. ceiling — cap;
 * 3. floor — raise (explicit floor, else cost basis + minimum margin, fee-aware when fees are
 *    known); a ceiling below the floor is a contradictory rule: SKIP, nothing moves;
 * 4. maximum change — clamp to ± maxChangePercent of the current ask. The floor and the ceiling
 *    outrank it: when the current ask is outside [floor, ceiling] and one run's change cannot get
 *    back inside, the ask jumps straight to the violated bound, no further;
 * 5. tick — half-even to the cent; every bound above is already a whole cent (floor rounded up,
 *    ceiling and band rounded inward) so rounding can never cross one;
 * 6. unchanged — SKIP; cooldown — SKIP if the last change is more recent than the cooldown, even
 *    for a floor repair (the repair happens on the first run after the cooldown).
 */
export function decideReprice(listing: RepricingListing, market: MarketView, rule: RepricingRuleSettings, now: Date): RepricingDecision {
  assertRule(rule);
  const oldPrice = new Dec(listing.askPrice);
  if (oldPrice.isNeg() || oldPrice.decimalPlaces() > 2) throw new RangeError(`askPrice must be whole cents ≥ 0, got ${oldPrice.toFixed()}`);
  const { floor, floorWhy } = effectiveFloor(listing, rule);
  const ceiling = rule.ceilingPrice != null ? floorToTick(rule.ceilingPrice) : null;
  const base = { oldPrice, strategy: rule.strategy, floor, ceiling };
  const skip = (kind: RepricingSkip, reason: string, proposedPrice: Decimal | null, guards: RepricingGuard[] = []): RepricingDecision => ({
    ...base,
    action: 'SKIP',
    newPrice: oldPrice,
    proposedPrice,
    reason,
    skip: kind,
    guards,
  });

  if (ceiling && ceiling.lt(floor)) {
    const reason = `ceiling ${formatPrice(ceiling)} is below the floor ${formatPrice(floor)} (${floorWhy}): fix the rule; price left at ${formatPrice(oldPrice)}`;
    return skip(RepricingSkip.INVALID_RULE, reason, null);
  }

  const proposal = repricingStrategyFor(rule.strategy).propose({ listing, market, rule });
  const steps = [proposal.target ? proposal.explanation : `${proposal.explanation}: holding ${formatPrice(oldPrice)}`];
  const guards: RepricingGuard[] = [];
  let price = proposal.target ?? oldPrice;

  if (ceiling && price.gt(ceiling)) {
    price = ceiling;
    guards.push(RepricingGuard.CEILING);
    steps.push(`capped at the ceiling ${formatPrice(ceiling)}`);
  }
  if (price.lt(floor)) {
    price = floor;
    guards.push(RepricingGuard.FLOOR);
    steps.push(`raised to the floor ${formatPrice(floor)} (${floorWhy})`);
  }
  if (rule.maxChangePercent != null) {
    const allowed = oldPrice.times(rule.maxChangePercent).div(100);
    const low = ceilToTick(oldPrice.minus(allowed));
    const high = floorToTick(oldPrice.plus(allowed));
    const limit = `${new Dec(rule.maxChangePercent).toFixed()} % max change per run`;
    if (high.lt(floor)) {
      price = floor;
      guards.push(RepricingGuard.FLOOR_OVER_MAX_CHANGE);
      steps.push(`the ask is below the floor ${formatPrice(floor)} and the ${limit} cannot reach it: the floor wins`);
    } else if (ceiling && low.gt(ceiling)) {
      price = ceiling;
      guards.push(RepricingGuard.CEILING_OVER_MAX_CHANGE);
      steps.push(`the ask is above the ceiling ${formatPrice(ceiling)} and the ${limit} cannot reach it: the ceiling wins`);
    } else if (price.lt(low) || price.gt(high)) {
      price = price.lt(low) ? low : high;
      guards.push(RepricingGuard.MAX_CHANGE);
      steps.push(`limited by the ${limit} to ${formatPrice(price)}`);
    }
  }
  price = roundToTick(price);

  if (price.eq(oldPrice)) return skip(RepricingSkip.UNCHANGED, `${steps.join('; ')}; already at ${formatPrice(oldPrice)}`, price, guards);

  const move = `${formatPrice(oldPrice)} → ${formatPrice(price)} (${price.gt(oldPrice) ? 'up' : 'down'} ${formatPrice(price.minus(oldPrice).abs())})`;
  const cooldownLeft = remainingCooldownSeconds(listing.lastPriceChangeAt, rule.cooldownSeconds, now);
  if (cooldownLeft > 0) {
    return skip(
      RepricingSkip.COOLDOWN,
      `${steps.join('; ')}; would move ${move}, but the last change is within the ` +
        `${describeSeconds(rule.cooldownSeconds ?? 0)} cooldown (${describeSeconds(cooldownLeft)} left)`,
      price,
      guards,
    );
  }
  return { ...base, action: 'CHANGE', newPrice: price, proposedPrice: price, reason: `${steps.join('; ')}: ${move}`, skip: null, guards };
}

/** The floor in whole cents (rounded up, at least one cent) and a phrase saying where it comes from. */
export function effectiveFloor(listing: RepricingListing, rule: RepricingRuleSettings): { floor: Decimal; floorWhy: string } {
  if (rule.floorPrice != null) return { floor: Dec.max(TICK, ceilToTick(rule.floorPrice)), floorWhy: 'set on the rule' };
  const margin = new Dec(rule.minimumMargin ?? 0);
  const wanted = new Dec(listing.costBasis).plus(margin);
  const parts = `cost ${formatPrice(listing.costBasis)} + margin ${formatPrice(margin)}`;
  if (listing.fees) {
    const floor = priceForTargetNet(wanted, listing.fees.schedule, listing.fees.shippingCost ?? new Dec(0));
    return { floor: Dec.max(TICK, floor), floorWhy: `lowest ask netting ${parts} after fees` };
  }
  return { floor: Dec.max(TICK, ceilToTick(wanted)), floorWhy: parts };
}

function remainingCooldownSeconds(lastChangeAt: Date | null, cooldownSeconds: number | null | undefined, now: Date): number {
  if (!lastChangeAt || !cooldownSeconds) return 0;
  const elapsedMs = now.getTime() - lastChangeAt.getTime();
  return Math.max(0, Math.ceil((cooldownSeconds * 1000 - elapsedMs) / 1000));
}

function describeSeconds(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  if (seconds > 60) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${seconds} s`;
}

function assertRule(rule: RepricingRuleSettings): void {
  const amounts = ['undercutAmount', 'undercutPercent', 'fixedPrice', 'floorPrice', 'minimumMargin', 'ceilingPrice', 'maxChangePercent'] as const;
  for (const key of amounts) {
    const value = rule[key];
    if (value != null && new Dec(value).isNeg()) throw new RangeError(`${key} must not be negative, got ${value.toFixed()}`);
  }
  if (rule.undercutPercent != null && new Dec(rule.undercutPercent).gte(100)) throw new RangeError('undercutPercent must be below 100');
  if (rule.cooldownSeconds != null && !(rule.cooldownSeconds >= 0)) throw new RangeError('cooldownSeconds must not be negative');
}
