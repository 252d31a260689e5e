import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
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
  @Property({ type: 'uuid', fieldName: 'platform_id' })
  platformId!: string;

  @Enum({ items: () => ExternalRefKind, type: 'text' })
  @Field(() => ExternalRefKind, { description: 'Whether the id identifies a product or a variant.' })
  kind!: ExternalRefKind;

  @Property({ type: 'uuid', fieldName: 'product_id' })
  productId!: string;

  @Property({ type: 'uuid', fieldName: 'variant_id', nullable: true })
  variantId?: string | null;

  @Property({ type: 'text', fieldName: 'external_id' })
  @Field({ description: "The platform's identifier." })
  externalId!: string;
}
