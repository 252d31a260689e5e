import type Decimal from 'decimal.js';
import { Dec, roundMoney } from '../../../common/money';
import { assertNonNegative } from '../../catalog';

/** Ratios (margin, ROI) keep four decimal places: 0.1234 = 12.34 %, i.e. to the basis point. */
export const RATIO_DECIMAL_PLACES = 4;

/** Rounds a computed ratio half-even to {@link RATIO_DECIMAL_PLACES}; once, at its end. */
export const roundRatio = (value: Decimal): Decimal => new Dec(value).toDecimalPlaces(RATIO_DECIMAL_PLACES, Dec.ROUND_HALF_EVEN);

/** Inputs of {@link computeProfit}; one currency throughout. */
export interface ProfitInput {
  /** Payout after fees and shipping ({@link computeNetProceeds}). */
  netProceeds: Decimal;
  /** What the item cost the seller (purchase price, plus whatever the seller capitalises into it). */
  costBasis: Decimal;
  /** The sale price the margin is measured against. */
  salePrice: Decimal;
}

/** Profit figures of one sale. */
export interface Profit {
  /** salePrice − costBasis: before fees and shipping. */
  grossProfit: Decimal;
  /** netProceeds − costBasis: what the seller really earned ("profit" in DESIGN §9). */
  netProfit: Decimal;
  /** netProfit / salePrice as a fraction; null for a zero sale price. */
  margin: Decimal | null;
  /** netProfit / costBasis as a fraction; null when the cost basis is zero (free item: ROI undefined). */
  roi: Decimal | null;
}

/** Gross and net profit, margin and ROI of a sale; money rounded half-even to the cent, ratios to 4 places. */
export function computeProfit({ netProceeds, costBasis, salePrice }: ProfitInput): Profit {
  assertNonNegative('costBasis', costBasis);
  assertNonNegative('salePrice', salePrice);
  const net = new Dec(netProceeds).minus(costBasis);
  const price = new Dec(salePrice);
  const cost = new Dec(costBasis);
  return {
    grossProfit: roundMoney(price.minus(cost)),
    netProfit: roundMoney(net),
    margin: price.isZero() ? null : roundRatio(net.div(price)),
    roi: cost.isZero() ? null : roundRatio(net.div(cost)),
  };
}
