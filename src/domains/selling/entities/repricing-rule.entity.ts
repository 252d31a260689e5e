import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/core';
import type Decimal from 'decimal.js';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../../common/node';
import { OwnedEntity } from '../../../common/orm/base.entity';
import { DecimalType } from '../../../common/orm/decimal.type';
import { DateTimeScalar, DecimalScalar } from '../../../common/scalars';
import { RepricingStrategyKind, type RepricingRuleSettings } from '../repricing/repricing-strategy';

registerEnumType(RepricingStrategyKind, {
  name: 'RepricingStrategy',
  description: 'How a repricing rule derives its target price from the market.',
  valuesConfig: {
    COMPETITIVE: { description: 'Undercut the lowest ask by an amount, a percent, or one cent.' },
    MATCH_LOWEST_ASK: { description: 'Match the lowest ask.' },
    HIGHEST_BID: { description: 'Sell into the highest bid.' },
    PROFIT_MAXIMIZATION: { description: 'Sit between the highest bid and just under the lowest ask, higher the faster and calmer the market.' },
    FIXED: { description: 'Hold a fixed price.' },
  },
});

/**
 * How one listing is repriced. Satisfies {@link RepricingRuleSettings} structurally, so `decideReprice` takes it
 * as is. Amounts are in the listing's currency; percents are percents (5 = 5 %).
 */
@Entity({ tableName: 'repricing_rule' })
@ObjectType('RepricingRule', { implements: Node, description: "A listing's repricing rule: strategy, floor, ceiling, maximum change per run and cooldown." })
export class RepricingRule extends OwnedEntity implements RepricingRuleSettings {
  @Unique()
  @ManyToOne({ entity: 'Listing', mapToPk: true, fieldName: 'listing_id', type: 'uuid' })
  listingId!: string;

  @Enum({ items: () => RepricingStrategyKind, type: 'text' })
  @Field(() => RepricingStrategyKind, { description: 'How the target price is derived from the market.' })
  strategy!: RepricingStrategyKind;

  @Property({ type: 'boolean' })
  @Field({ description: 'Inactive rules are kept but never applied.' })
  active: boolean = true;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'undercut_amount', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'COMPETITIVE: undercut the lowest ask by this amount (wins over the percent).' })
  undercutAmount?: Decimal | null;

  @Property({ type: DecimalType, precision: 7, scale: 3, fieldName: 'undercut_percent', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'COMPETITIVE: undercut the lowest ask by this percent of it; neither set: one cent.' })
  undercutPercent?: Decimal | null;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'fixed_price', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'FIXED: the price to hold.' })
  fixedPrice?: Decimal | null;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'floor_price', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Explicit floor, replacing the default (the lowest ask netting cost basis + minimum margin after fees). Never crossed.' })
  floorPrice?: Decimal | null;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'minimum_margin', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Profit after fees the default floor protects on top of the cost basis (unset: 0, break-even).' })
  minimumMargin?: Decimal | null;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'ceiling_price', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Highest price the repricer may set.' })
  ceilingPrice?: Decimal | null;

  @Property({ type: DecimalType, precision: 7, scale: 3, fieldName: 'max_change_percent', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Largest move per run, as a percent of the current ask (unset: unlimited).' })
  maxChangePercent?: Decimal | null;

  @Property({ type: 'integer', fieldName: 'cooldown_seconds', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Minimum seconds between two price changes (unset: none).' })
  cooldownSeconds?: number | null;

  @Field(() => DateTimeScalar, { name: 'updatedAt', description: 'Last change of the rule.' })
  get updated(): Date {
    return this.updatedAt;
  }
}
