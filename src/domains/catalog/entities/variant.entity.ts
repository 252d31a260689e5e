import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../../../common/node';
import { BaseEntity } from '../../../common/orm/base.entity';
import { SizeSystem } from './catalog.enums';

@Entity({ tableName: 'variant' })
@Unique({ properties: ['productId', 'sizeKey'] })
@Index({ properties: ['productId', 'position'] })
@ObjectType('Variant', { implements: Node, description: 'A size of a product (or a card treatment/grade): the unit that is priced and sold.' })
export class Variant extends BaseEntity {
  @ManyToOne({ entity: 'Product', mapToPk: true, fieldName: 'product_id', type: 'uuid' })
  productId!: string;

  @Property({ type: 'text', fieldName: 'size_key' })
  @Field({ description: 'Size as shown, e.g. "10.5", "5Y", or a card treatment such as "Holo".' })
  sizeKey!: string;

  @Property({ type: 'double precision', fieldName: 'numeric_size', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Size as a number for sorting and ranges, when it is one.' })
  numericSize?: number | null;

  @Enum({ items: () => SizeSystem, type: 'text', fieldName: 'size_system' })
  @Field(() => SizeSystem, { description: 'Size system of the size key.' })
  sizeSystem: SizeSystem = SizeSystem.US_M;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'Order of the size within its product.' })
  position: number = 0;
}
