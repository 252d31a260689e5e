import Decimal from 'decimal.js';
import { Field, ObjectType } from 'type-graphql';
import { CurrencyScalar, DecimalScalar } from './scalars';

/** Decimal configured for money: plenty of precision, half-even rounding when we round. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
export type Dec = Decimal;

/** Rounds a computed amount half-even to the cent; call once per final amount, never in between. */
export const roundMoney = (value: Decimal.Value): Decimal => new Dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);

/** An amount with its currency. */
@ObjectType({ simpleResolvers: true, description: 'An exact amount of money in a currency.' })
export class Money {
  @Field(() => DecimalScalar, { description: 'The amount, as an exact decimal string.' })
  amount!: Decimal;

  @Field(() => CurrencyScalar, { description: 'ISO 4217 currency code, e.g. USD.' })
  currency!: string;

  static of(amount: Decimal.Value | null | undefined, currency: string): Money | null {
    if (amount === null || amount === undefined) return null;
    const money = new Money();
    money.amount = new Dec(amount);
    money.currency = currency;
    return money;
  }
}
