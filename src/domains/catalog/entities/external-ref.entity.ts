import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../../common/node';
import { BaseEntity } from '../../../common/orm/base.entity';
import { ExternalRefKind } from './catalog.enums';

@Entity({ tableName: 'external_ref' })
@Unique({ properties: ['platformId', 'kind', 'externalId'] })
@Index({ properties: ['productId'] })
@Index({ properties: ['variantId'] })
@ObjectType('ExternalRef', { implements: Node, description: "A product's or variant's identifier on one platform (StockX productId, Alias catalog_id, eBay item id). Identifiers only." })
export class ExternalRef extends BaseEntity {
  @ManyToOne({ entity: 'Platform', mapToPk: true, fieldName: 'platform_id', type: 'uuid' })
  platformId!: string;

  @Enum({ items: () => ExternalRefKind, type: 'text' })
  @Field(() => ExternalRefKind, { description: 'Whether the id identifies a product or a variant.' })
  kind!: ExternalRefKind;

  @ManyToOne({ entity: 'Product', mapToPk: true, fieldName: 'product_id', type: 'uuid' })
  productId!: string;

  @ManyToOne({ entity: 'Variant', mapToPk: true, fieldName: 'variant_id', type: 'uuid', nullable: true })
  variantId?: string | null;

  @Property({ type: 'text', fieldName: 'external_id' })
  @Field({ description: "The platform's identifier." })
  externalId!: string;
}
