import type Decimal from 'decimal.js';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { Dec } from '../../common/money';

/** Highest unit price accepted; NUMERIC(12,2) holds more, but nothing real costs this much. */
export const MAX_UNIT_PRICE = new Dec('1000000');
/** Units per item. */
export const MAX_QUANTITY = 10_000;
const MAX_NOTES = 2_000;
/** Clocks drift: a purchase "now" on a client slightly ahead is not a future purchase. */
const FUTURE_SLACK_MS = 5 * 60_000;
const EARLIEST_PURCHASE = new Date('1970-01-01T00:00:00Z');
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** The fields of an item a seller provides; undefined fields are not checked (updates). */
export interface ItemFields {
  quantity?: number | null;
  purchasePrice?: Decimal | null;
  purchaseCurrency?: string | null;
  purchasedAt?: Date | null;
  notes?: string | null;
}

/** An ISO 4217 code, upper-cased, or null when it is not one. */
export function normalizeCurrency(code: string): string | null {
  const upper = code.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(upper) && CURRENCIES.has(upper) ? upper : null;
}

/** Checks a money amount: not negative, whole cents, below the maximum. */
export function moneyErrors(value: Decimal, field: string[], options: { positive?: boolean } = {}): UserError[] {
  if (value.isNeg() || (options.positive && value.isZero())) {
    return [userError(ErrorCode.OUT_OF_RANGE, options.positive ? 'Must be greater than 0.' : 'Must not be negative.', field)];
  }
  if (value.decimalPlaces() > 2) return [userError(ErrorCode.INVALID, 'At most 2 decimal places.', field)];
  if (value.gt(MAX_UNIT_PRICE)) return [userError(ErrorCode.OUT_OF_RANGE, `Must be at most ${MAX_UNIT_PRICE.toFixed()}.`, field)];
  return [];
}

/** Every problem with the given fields, each with its input path. */
export function itemFieldErrors(fields: ItemFields, now: Date): UserError[] {
  const errors: UserError[] = [];
  if (fields.quantity != null && (fields.quantity < 1 || fields.quantity > MAX_QUANTITY)) {
    errors.push(userError(ErrorCode.OUT_OF_RANGE, `Quantity must be between 1 and ${MAX_QUANTITY}.`, ['quantity']));
  }
  if (fields.purchasePrice != null) errors.push(...moneyErrors(fields.purchasePrice, ['purchasePrice']));
  if (fields.purchaseCurrency != null && !normalizeCurrency(fields.purchaseCurrency)) {
    errors.push(userError(ErrorCode.INVALID, `"${fields.purchaseCurrency}" is not an ISO 4217 currency code.`, ['purchaseCurrency']));
  }
  if (fields.purchasedAt != null) {
    if (fields.purchasedAt.getTime() > now.getTime() + FUTURE_SLACK_MS) {
      errors.push(userError(ErrorCode.OUT_OF_RANGE, 'The purchase date is in the future.', ['purchasedAt']));
    } else if (fields.purchasedAt < EARLIEST_PURCHASE) {
      errors.push(userError(ErrorCode.OUT_OF_RANGE, 'The purchase date is before 1970.', ['purchasedAt']));
    }
  }
  if (fields.notes != null && fields.notes.length > MAX_NOTES) {
    errors.push(userError(ErrorCode.OUT_OF_RANGE, `Notes may be at most ${MAX_NOTES} characters.`, ['notes']));
  }
  return errors;
}
