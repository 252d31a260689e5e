import type Decimal from 'decimal.js';
import { Dec, roundMoney } from '../../../common/money';
import { assertFeeSchedule, assertNonNegative, computeSellerFees, type FeeSchedule, type SellerFees } from './fees';

const CENT = new Dec('0.01');

/** Inputs of {@link computeNetProceeds}; all amounts in the sale's currency. */
export interface NetProceedsInput {
  /** What the buyer paid for the item (the ask that sold), excluding any buyer premium. */
  salePrice: Decimal;
  /** The platform's fee schedule. */
  schedule: FeeSchedule;
  /** Shipping the seller pays (label, packaging); zero when the platform covers it. */
  shippingCost?: Decimal;
}

/** The seller's side of one sale, line by line, as an order stores it. */
export interface NetProceeds extends SellerFees {
  /** The sale price the fees were computed on. */
  salePrice: Decimal;
  /** Shipping paid by the seller. */
  shippingCost: Decimal;
  /** salePrice − sellerFee − paymentProcessingFee − fixedFee − shippingCost; may be negative. */
  netProceeds: Decimal;
}

/**
 * Net payout of a sale: price − seller fee (at least the minimum fee) − payment processing − fixed
 * fee − shipping. The fee lines are rounded half-even each (they are charged amounts); the payout is
 * the price minus exactly those lines, so an order's columns always add up.
 */
export function computeNetProceeds({ salePrice, schedule, shippingCost = new Dec(0) }: NetProceedsInput): NetProceeds {
  assertNonNegative('shippingCost', shippingCost);
  const fees = computeSellerFees(salePrice, schedule);
  const shipping = roundMoney(shippingCost);
  return {
    ...fees,
    salePrice: new Dec(salePrice),
    shippingCost: shipping,
    netProceeds: roundMoney(new Dec(salePrice).minus(fees.total).minus(shipping)),
  };
}

/**
 * The lowest ask, in whole cents, whose net proceeds reach `targetNet` — the inverse of
 * {@link computeNetProceeds}, used for "list so that I take home X" and for fee-aware floors.
 *
 * Net proceeds are piecewise linear in the price with a kink where the commission reaches the
 * minimum fee (price = minimumFee / sellerFeeRate): below it, net = p·(1 − processing) − minimum −
 * fixed − shipping; above it, net = p·(1 − commission − processing) − fixed − shipping. The exact
 * solution on the right piece is only a starting point: because each fee line is rounded to the
 * cent, net proceeds can step by a cent either way, so the answer is found by checking whole cents
 * upward from a price that provably falls short, against the real forward computation.
 * Returns 0.00 when even a free item nets at least the target (a negative target).
 */
export function priceForTargetNet(targetNet: Decimal, schedule: FeeSchedule, shippingCost: Decimal = new Dec(0)): Decimal {
  // A repricing run asks the same (fees, cost, margin) question for thousands of listings; the answer is pure.
  const key = [targetNet, schedule.sellerFeeRate, schedule.paymentProcessingRate, schedule.fixedFee, schedule.minimumFee, shippingCost]
    .map((v) => new Dec(v).toFixed())
    .join('|');
  const known = targetNetMemo.get(key);
  if (known) return known;
  const price = solvePriceForTargetNet(targetNet, schedule, shippingCost);
  if (targetNetMemo.size >= TARGET_NET_MEMO_SIZE) targetNetMemo.clear();
  targetNetMemo.set(key, price);
  return price;
}

const TARGET_NET_MEMO_SIZE = 10_000;
const targetNetMemo = new Map<string, Decimal>();

function solvePriceForTargetNet(targetNet: Decimal, schedule: FeeSchedule, shippingCost: Decimal): Decimal {
  assertFeeSchedule(schedule);
  assertNonNegative('shippingCost', shippingCost);
  const target = new Dec(targetNet);
  const sellerRate = new Dec(schedule.sellerFeeRate);
  const processingRate = new Dec(schedule.paymentProcessingRate);
  const keptRate = new Dec(1).minus(sellerRate).minus(processingRate);
  if (keptRate.lte(0)) throw new RangeError('fees take 100 % or more of the price: no ask reaches a target net');
  const flat = new Dec(schedule.fixedFee).plus(shippingCost);

  const onMinimumPiece = target.plus(schedule.minimumFee).plus(flat).div(new Dec(1).minus(processingRate));
  const exact = sellerRate.times(onMinimumPiece).lte(schedule.minimumFee) ? onMinimumPiece : target.plus(flat).div(keptRate);

  // Rounding moves net proceeds at most 0.005 per rounded line (fee, processing, fixed fee, shipping,
  // total) away from the exact line, whose slope is at least keptRate: below `exact − slack` no
  // price can reach the target, and at `exact + slack` every price does.
  const slack = new Dec('0.03').div(keptRate);
  let price = Dec.max(0, exact.minus(slack)).toDecimalPlaces(2, Dec.ROUND_CEIL);
  const last = exact.plus(slack).toDecimalPlaces(2, Dec.ROUND_CEIL).plus(CENT);
  const reaches = (ask: Decimal) => computeNetProceeds({ salePrice: ask, schedule, shippingCost }).netProceeds.gte(target);
  while (!reaches(price)) {
    price = price.plus(CENT);
    if (price.gt(last)) throw new Error(`priceForTargetNet: no ask up to ${last.toFixed(2)} reaches ${target.toFixed()} (bug)`);
  }
  return price;
}
