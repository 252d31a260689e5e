import { Entity, Enum, Formula, Property, Unique } from '@mikro-orm/core';
import type Decimal from 'decimal.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../../common/money';
import { Node } from '../../../common/node';
import { BaseEntity } from '../../../common/orm/base.entity';
import { DecimalType } from '../../../common/orm/decimal.type';
import { DateTimeScalar, LocalDateScalar } from '../../../common/scalars';
import { ProductCategory, ProductTier } from './catalog.enums';

/** Popularity at or above which a product is HOT. */
export const HOT_POPULARITY = 50;

@Entity({ tableName: 'product' })
@ObjectType('Product', { implements: Node, description: 'A catalog product (a sneaker model and colorway, a card), shared by all accounts.' })
export class Product extends BaseEntity {
  @Property({ type: 'text' })
  @Field({ description: 'Style code or SKU as the brand prints it, e.g. "DZ5485-612".' })
  sku!: string;

  @Unique()
  @Property({ type: 'text', fieldName: 'sku_normalized' })
  @Field({ description: 'SKU upper-cased with spaces and punctuation removed ("DZ5485612"); what lookups match on.' })
  skuNormalized!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Brand, e.g. "Jordan".' })
  brand!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Model line, e.g. "Air Jordan 1 Retro High OG".' })
  model!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Full display name.' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Colorway as the brand names it.' })
  colorway?: string | null;

  @Enum({ items: () => ProductCategory, type: 'text' })
  @Field(() => ProductCategory, { description: 'Product family.' })
  category!: ProductCategory;

  @Property({ type: 'date', fieldName: 'release_date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'Release date (YYYY-MM-DD).' })
  releaseDate?: string | null;

  /**
   * Sort keys for RELEASE_DATE: cursors cannot hold a null, so unknown dates become -infinity (last when
   * descending) or infinity (last when ascending). Lazy: selected only when the list is ordered by them.
   */
  @Formula((alias) => `coalesce(${alias}.release_date, '-infinity'::date)`, { type: 'string', lazy: true })
  releaseSortDesc?: string;

  @Formula((alias) => `coalesce(${alias}.release_date, 'infinity'::date)`, { type: 'string', lazy: true })
  releaseSortAsc?: string;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'retail_price', nullable: true })
  retailPriceAmount?: Decimal | null;

  @Property({ type: 'character(3)', fieldName: 'retail_currency' })
  retailCurrency: string = 'USD';

  @Property({ type: 'text', fieldName: 'image_url', nullable: true })
  @Field(() => String, { nullable: true, description: 'Product image URL.' })
  imageUrl?: string | null;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'Popularity score 0–100 from views and market activity.' })
  popularity: number = 0;

  @Property({ type: 'timestamptz', fieldName: 'last_synced_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'Last time market data for this product was synced.' })
  lastSyncedAt?: Date | null;

  @Property({ type: 'timestamptz', fieldName: 'last_viewed_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'Last time anyone viewed this product.' })
  lastViewedAt?: Date | null;

  @Field(() => Money, { nullable: true, description: 'Retail price at release.' })
  get retailPrice(): Money | null {
    return Money.of(this.retailPriceAmount, this.retailCurrency.trim());
  }

  @Field(() => ProductTier, { description: 'HOT when popularity is 50 or more; hot products sync more often.' })
  get tier(): ProductTier {
    return this.popularity >= HOT_POPULARITY ? ProductTier.HOT : ProductTier.COLD;
  }

  @Field(() => DateTimeScalar, { name: 'createdAt', description: 'When the product entered the catalog.' })
  get created(): Date {
    return this.createdAt;
  }

  @Field(() => DateTimeScalar, { name: 'updatedAt', description: 'Last change of the product record.' })
  get updated(): Date {
    return this.updatedAt;
  }
}
