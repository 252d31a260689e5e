import type Decimal from 'decimal.js';
import { Dec } from '../../../common/money';

/** The smallest price step on every platform we sell on: one cent. */
export const TICK = new Dec('0.01');

/** Rounds down to a whole tick (for "strictly below" targets such as undercuts). */
export const floorToTick = (price: Decimal): Decimal => new Dec(price).toDecimalPlaces(2, Dec.ROUND_FLOOR);

/** Rounds up to a whole tick (for lower bounds: a floor of 100.001 allows 100.01, not 100.00). */
export const ceilToTick = (price: Decimal): Decimal => new Dec(price).toDecimalPlaces(2, Dec.ROUND_CEIL);

/** Rounds half-even to a whole tick: the final price rounding. */
export const roundToTick = (price: Decimal): Decimal => new Dec(price).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN);

/** A price as people read it: "114.00". */
export const formatPrice = (price: Decimal): string => new Dec(price).toFixed(2);
