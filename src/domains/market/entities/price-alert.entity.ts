import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import type Decimal from 'decimal.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../../common/node';
import { OwnedEntity } from '../../../common/orm/base.entity';
import { DecimalType } from '../../../common/orm/decimal.type';
import { CurrencyScalar, DateTimeScalar, DecimalScalar } from '../../../common/scalars';
import { PriceAlertCondition } from './market.enums';

@Entity({ tableName: 'price_alert' })
@Index({ properties: ['accountId', 'createdAt', 'id'] })
@ObjectType('PriceAlert', { implements: Node, description: "One of the viewer's price alerts on a product or one of its sizes, optionally on one platform." })
export class PriceAlert extends OwnedEntity {
  @Property({ type: 'uuid', fieldName: 'product_id' })
  productId!: string;

  @Property({ type: 'uuid', fieldName: 'variant_id', nullable: true })
  variantId?: string | null;

  @Property({ type: 'uuid', fieldName: 'platform_id', nullable: true })
  platformId?: string | null;

  @Enum({ items: () => PriceAlertCondition, type: 'text' })
  @Field(() => PriceAlertCondition, { description: 'What the alert watches for.' })
  condition!: PriceAlertCondition;

  @Property({ type: DecimalType, precision: 12, scale: 2 })
  @Field(() => DecimalScalar, { description: 'Amount in the alert currency, or a percent for CHANGE_PERCENT.' })
  threshold!: Decimal;

  @Property({ type: 'character(3)' })
  @Field(() => CurrencyScalar, { description: 'Currency the threshold is in; prices in other currencies do not trigger amount conditions.' })
  currency!: string;

  @Property({ type: 'boolean' })
  @Field({ description: 'Inactive alerts never fire.' })
  active: boolean = true;

  @Property({ type: 'timestamptz', fieldName: 'last_triggered_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the alert last fired.' })
  lastTriggeredAt?: Date | null;

  @Property({ type: 'integer', fieldName: 'trigger_count' })
  @Field(() => Int, { description: 'How many times the alert has fired.' })
  triggerCount: number = 0;

  @Field(() => DateTimeScalar, { name: 'createdAt', description: 'When the alert was created.' })
  get created(): Date {
    return this.createdAt;
  }
}
