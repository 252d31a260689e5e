import type Decimal from 'decimal.js';
import { Field, ObjectType } from 'type-graphql';
import type { Context } from '../../../common/context';
import { Money } from '../../../common/money';
import { DateTimeScalar, DecimalScalar } from '../../../common/scalars';
import { PriceAlertCondition, PriceField } from '../entities/market.enums';
import type { PriceAlertPayload, PriceChangePayload } from '../market.topics';

@ObjectType('PriceChangeEvent', { description: 'A change of the lowest ask, highest bid or last sale of one size on one platform.' })
export class PriceChangeEvent {
  payload!: PriceChangePayload;
  /** Loaders that rebuild variant, product and platform when selected; shared by every subscriber of the same message. */
  scope!: () => Context;

  @Field(() => PriceField, { description: 'Which price changed.' })
  field!: PriceField;

  @Field(() => Money, { name: 'old', nullable: true, description: 'The value before; null when the price just appeared.' })
  oldValue!: Money | null;

  @Field(() => Money, { name: 'new', nullable: true, description: 'The value now; null when the price disappeared (no asks, no bids).' })
  newValue!: Money | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Change in percent, signed, two decimals; null when a side is missing.' })
  changePercent!: Decimal | null;

  @Field(() => DateTimeScalar, { description: 'When the new value was observed.' })
  at!: Date;
}

@ObjectType('PriceAlertEvent', { description: 'One of the viewer\'s price alerts fired.' })
export class PriceAlertEvent extends PriceChangeEvent {
  declare payload: PriceAlertPayload;

  @Field(() => PriceAlertCondition, { description: 'The condition that started to hold.' })
  condition!: PriceAlertCondition;

  @Field(() => DecimalScalar, { description: 'The alert threshold (an amount, or a percent for CHANGE_PERCENT).' })
  threshold!: Decimal;
}
