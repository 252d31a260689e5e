import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import type Decimal from 'decimal.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../../common/money';
import { Node } from '../../../common/node';
import { OwnedEntity } from '../../../common/orm/base.entity';
import { DecimalType } from '../../../common/orm/decimal.type';
import { CurrencyScalar, DateTimeScalar } from '../../../common/scalars';
import { InventoryStatus, ItemCondition } from './inventory.enums';

/** Units of one size the reseller owns, bought together at one price. */
@Entity({ tableName: 'inventory_item' })
@Index({ properties: ['accountId', 'createdAt', 'id'] })
@ObjectType('InventoryItem', { implements: Node, description: "Units of one size the viewer owns, bought together at one unit price, with live market value per platform." })
export class InventoryItem extends OwnedEntity {
  @ManyToOne({ entity: 'Variant', mapToPk: true, fieldName: 'variant_id', type: 'uuid' })
  variantId!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Units bought.' })
  quantity!: number;

  @Property({ type: 'integer', fieldName: 'quantity_sold' })
  @Field(() => Int, { description: 'Units sold so far.' })
  quantitySold: number = 0;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'purchase_price' })
  purchasePriceAmount!: Decimal;

  @Property({ type: 'character(3)', fieldName: 'purchase_currency' })
  @Field(() => CurrencyScalar, { description: 'Currency the item was bought in.' })
  purchaseCurrency!: string;

  @Property({ type: 'timestamptz', fieldName: 'purchased_at' })
  @Field(() => DateTimeScalar, { description: 'When the item was bought (starts the holding period for taxes).' })
  purchasedAt!: Date;

  @Enum({ items: () => ItemCondition, type: 'text' })
  @Field(() => ItemCondition, { description: 'Physical condition.' })
  condition: ItemCondition = ItemCondition.NEW;

  @Enum({ items: () => InventoryStatus, type: 'text' })
  @Field(() => InventoryStatus, { description: 'Where the item stands.' })
  status: InventoryStatus = InventoryStatus.IN_STOCK;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The seller's notes." })
  notes?: string | null;

  @Field(() => Money, { description: 'What one unit cost (the cost basis of each unit).' })
  get purchasePrice(): Money {
    return Money.of(this.purchasePriceAmount, this.purchaseCurrency.trim())!;
  }

  @Field(() => Int, { description: 'Units not sold yet.' })
  get quantityAvailable(): number {
    return Math.max(0, this.quantity - this.quantitySold);
  }

  @Field(() => DateTimeScalar, { name: 'createdAt', description: 'When the item was added.' })
  get created(): Date {
    return this.createdAt;
  }

  @Field(() => DateTimeScalar, { name: 'updatedAt', description: 'Last change of the item.' })
  get updated(): Date {
    return this.updatedAt;
  }
}
