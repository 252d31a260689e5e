import type Decimal from 'decimal.js';
import { Dec, roundMoney } from './money';

/** An exchange rate as quoted: 1 unit of `base` buys `rate` units of `quote` (EUR/USD 1.0850 = base EUR, quote USD). */
export interface FxQuote {
  /** ISO 4217 code of the currency being priced. */
  base: string;
  /** ISO 4217 code the price is expressed in. */
  quote: string;
  /** Units of quote per one unit of base; strictly positive. */
  rate: Decimal;
}

function assertRate(rate: Decimal): Decimal {
  const value = new Dec(rate);
  if (!value.isFinite() || value.lte(0)) throw new RangeError(`an exchange rate must be positive, got ${rate.toString()}`);
  return value;
}

/** Base → quote: amount × rate, rounded half-even to the cent once, at the end. */
export function convertToQuote(amount: Decimal, rate: Decimal): Decimal {
  return roundMoney(new Dec(amount).times(assertRate(rate)));
}

/**
 * Quote → base: amount ÷ rate, rounded half-even to the cent once. Divides by the rate instead of
 * multiplying by a rounded inverse, so no precision is lost before the final rounding.
 */
export function convertToBase(amount: Decimal, rate: Decimal): Decimal {
  return roundMoney(new Dec(amount).div(assertRate(rate)));
}

/**
 * Converts `amount` from currency `from` to `to` with a quote in either direction (a EUR/USD quote
 * converts EUR → USD and USD → EUR). Same currency: the amount, rounded to the cent. A quote for
 * another pair is a bug in the caller and throws.
 */
export function convertMoney(amount: Decimal, from: string, to: string, fx?: FxQuote): Decimal {
  const source = from.toUpperCase();
  const target = to.toUpperCase();
  if (source === target) return roundMoney(amount);
  if (!fx) throw new RangeError(`converting ${source} to ${target} needs an exchange rate`);
  const base = fx.base.toUpperCase();
  const quote = fx.quote.toUpperCase();
  if (base === source && quote === target) return convertToQuote(amount, fx.rate);
  if (base === target && quote === source) return convertToBase(amount, fx.rate);
  throw new RangeError(`an ${base}/${quote} rate cannot convert ${source} to ${target}`);
}
