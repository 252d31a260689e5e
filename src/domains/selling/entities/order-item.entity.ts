import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import type Decimal from 'decimal.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../../common/node';
import { OwnedEntity } from '../../../common/orm/base.entity';
import { DecimalType } from '../../../common/orm/decimal.type';
import { DecimalScalar } from '../../../common/scalars';

/** One line of an order; matched to one of our variants when its platform ids or SKU are known. */
@Entity({ tableName: 'sales_order_item' })
@Unique({ properties: ['orderId', 'externalItemId'] })
@Index({ properties: ['variantId'] })
@ObjectType('OrderItem', { implements: Node, description: 'One line of an order: what was sold, how many, at what unit price.' })
export class OrderItem extends OwnedEntity {
  @ManyToOne({ entity: 'Order', mapToPk: true, fieldName: 'order_id', type: 'uuid', deleteRule: 'cascade' })
  orderId!: string;

  @ManyToOne({ entity: 'Variant', mapToPk: true, fieldName: 'variant_id', type: 'uuid', nullable: true })
  variantId?: string | null;

  @Property({ type: 'text', fieldName: 'external_item_id' })
  @Field({ description: "The platform's id of the line (our own for manual orders)." })
  externalItemId!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Title as the platform reported it.' })
  title?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'SKU or style code as the platform reported it.' })
  sku?: string | null;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Units on this line.' })
  quantity!: number;

  @Property({ type: DecimalType, fieldName: 'unit_price', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Price of one unit in the order currency; null when not reported.' })
  unitPrice?: Decimal | null;

  @Property({ type: 'smallint' })
  position: number = 0;
}
