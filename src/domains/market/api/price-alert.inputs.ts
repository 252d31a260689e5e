import type Decimal from 'decimal.js';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../../common/errors';
import { CurrencyScalar, DecimalScalar } from '../../../common/scalars';
import { PriceAlertCondition } from '../entities/market.enums';
import { PriceAlert } from '../entities/price-alert.entity';

@InputType({ description: 'A price alert on a product (all its sizes) or on one size; give exactly one of productId and variantId.' })
export class CreatePriceAlertInput {
  @Field(() => ID, { nullable: true, description: 'Watch every size of this product.' })
  productId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Watch this size only.' })
  variantId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only prices on this platform (slug, e.g. "stockx"); every platform when omitted.' })
  platform?: string | null;

  @Field(() => PriceAlertCondition, { description: 'What to watch for.' })
  condition!: PriceAlertCondition;

  @Field(() => DecimalScalar, { description: 'An amount for LOWEST_ASK_BELOW and HIGHEST_BID_ABOVE; a percent (e.g. "5") for CHANGE_PERCENT.' })
  threshold!: Decimal;

  @Field(() => CurrencyScalar, { nullable: true, description: "Currency of an amount threshold (default: the viewer's base currency)." })
  currency?: string | null;
}

@ObjectType({ description: 'Result of createPriceAlert.' })
export class CreatePriceAlertPayload {
  @Field(() => PriceAlert, { nullable: true, description: 'The new alert; null when it was not created.' })
  priceAlert?: PriceAlert | null;

  @Field(() => [UserError], { description: 'Why the alert was not created.' })
  errors!: UserError[];
}

@InputType({ description: 'Deletes one of the viewer\'s price alerts.' })
export class DeletePriceAlertInput {
  @Field(() => ID, { description: 'The alert.' })
  id!: string;
}

@ObjectType({ description: 'Result of deletePriceAlert.' })
export class DeletePriceAlertPayload {
  @Field(() => ID, { nullable: true, description: 'Id of the deleted alert; null when nothing was deleted.' })
  deletedId?: string | null;

  @Field(() => [UserError], { description: 'Why the alert was not deleted.' })
  errors!: UserError[];
}
