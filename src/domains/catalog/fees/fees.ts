import type Decimal from 'decimal.js';
import { Dec, roundMoney } from '../../../common/money';

/**
 * A platform's fees. Rates are fractions (0.09 = 9 %), amounts are in the sale's currency.
 * `Platform` rows satisfy this shape structurally, so a platform can be passed as is.
 */
export interface FeeSchedule {
  /** Commission on the sale price, e.g. 0.09 on StockX, 0.1325 on eBay. */
  sellerFeeRate: Decimal;
  /** Payment processing, charged on the sale price (e.g. 0.03 on StockX; 0 where the commission includes it). */
  paymentProcessingRate: Decimal;
  /** Flat amount per order (eBay's $0.30). */
  fixedFee: Decimal;
  /** Floor of the seller fee only (StockX's $5): the seller fee is max(rate × price, minimumFee). */
  minimumFee: Decimal;
  /** What the buyer pays on top of the ask (buyer premium), used for arbitrage buy costs. */
  buyerFeeRate: Decimal;
}

/** The seller-side fee lines of one sale, each rounded half-even to the cent on its own. */
export interface SellerFees {
  /** max(sellerFeeRate × price, minimumFee). */
  sellerFee: Decimal;
  /** paymentProcessingRate × price. */
  paymentProcessingFee: Decimal;
  /** The flat per-order fee. */
  fixedFee: Decimal;
  /** True when the minimum fee, not the rate, set the seller fee. */
  minimumFeeApplied: boolean;
  /** Sum of the three lines above (exact: the lines are already cents). */
  total: Decimal;
}

/** What a buyer pays for an ask: the ask plus the buyer premium. */
export interface BuyerCost {
  /** buyerFeeRate × ask, rounded half-even to the cent. */
  buyerFee: Decimal;
  /** ask + buyerFee. */
  total: Decimal;
}

/** Builds a validated fee schedule from strings or decimals (rates as fractions); missing parts are zero. */
export function feeSchedule(parts: Partial<Record<keyof FeeSchedule, Decimal.Value>>): FeeSchedule {
  const schedule: FeeSchedule = {
    sellerFeeRate: new Dec(parts.sellerFeeRate ?? 0),
    paymentProcessingRate: new Dec(parts.paymentProcessingRate ?? 0),
    fixedFee: new Dec(parts.fixedFee ?? 0),
    minimumFee: new Dec(parts.minimumFee ?? 0),
    buyerFeeRate: new Dec(parts.buyerFeeRate ?? 0),
  };
  assertFeeSchedule(schedule);
  return schedule;
}

/** Throws a RangeError for a schedule no platform can have (negative parts, rates of 100 % or more). */
export function assertFeeSchedule(schedule: FeeSchedule): void {
  for (const key of ['sellerFeeRate', 'paymentProcessingRate', 'buyerFeeRate'] as const) {
    const rate = new Dec(schedule[key]);
    if (rate.isNeg() || rate.gte(1)) throw new RangeError(`${key} must be in [0, 1), got ${rate.toFixed()}`);
  }
  for (const key of ['fixedFee', 'minimumFee'] as const) {
    if (new Dec(schedule[key]).isNeg()) throw new RangeError(`${key} must not be negative, got ${schedule[key].toFixed()}`);
  }
}

/** Throws a RangeError for a negative amount (prices, costs and shipping are never negative). */
export function assertNonNegative(name: string, amount: Decimal): void {
  if (new Dec(amount).isNeg()) throw new RangeError(`${name} must not be negative, got ${amount.toFixed()}`);
}

/**
 * Seller-side fees of a sale at `price`: commission (at least the minimum fee), payment processing
 * and the fixed fee. Each line is rounded once, at its end, because each is an amount the platform
 * actually charges and the order stores.
 */
export function computeSellerFees(price: Decimal, schedule: FeeSchedule): SellerFees {
  assertNonNegative('price', price);
  const amount = new Dec(price);
  const byRate = amount.times(schedule.sellerFeeRate);
  const minimum = new Dec(schedule.minimumFee);
  const minimumFeeApplied = byRate.lt(minimum);
  const sellerFee = roundMoney(minimumFeeApplied ? minimum : byRate);
  const paymentProcessingFee = roundMoney(amount.times(schedule.paymentProcessingRate));
  const fixedFee = roundMoney(schedule.fixedFee);
  return {
    sellerFee,
    paymentProcessingFee,
    fixedFee,
    minimumFeeApplied,
    total: sellerFee.plus(paymentProcessingFee).plus(fixedFee),
  };
}

/** Buyer fee (premium) only: buyerFeeRate × ask, rounded half-even to the cent. */
export function computeBuyerFee(ask: Decimal, schedule: FeeSchedule): Decimal {
  assertNonNegative('ask', ask);
  return roundMoney(new Dec(ask).times(schedule.buyerFeeRate));
}

/** What buying at `ask` costs in total (ask + buyer fee): the buy side of an arbitrage opportunity. */
export function computeBuyerCost(ask: Decimal, schedule: FeeSchedule): BuyerCost {
  const buyerFee = computeBuyerFee(ask, schedule);
  return { buyerFee, total: roundMoney(new Dec(ask).plus(buyerFee)) };
}
