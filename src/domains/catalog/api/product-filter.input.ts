import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ProductCategory, ProductTier } from '../entities/catalog.enums';

@InputType({ description: 'Narrows the product list; all given conditions must hold.' })
export class ProductFilter {
  @Field(() => String, { nullable: true, description: 'Words matched (as prefixes) against SKU, brand, model, name and colorway; a style code in any format also matches.' })
  search?: string;

  @Field(() => [String], { nullable: true, description: 'Brands, case-insensitive.' })
  brands?: string[];

  @Field(() => [ProductCategory], { nullable: true, description: 'Categories.' })
  categories?: ProductCategory[];

  @Field(() => ProductTier, { nullable: true, description: 'Only HOT or only COLD products.' })
  tier?: ProductTier;

  @Field(() => [ID], { nullable: true, description: 'Only these products.' })
  ids?: string[];
}

/** Sort keys of the product list. */
export enum ProductOrderField {
  POPULARITY = 'POPULARITY',
  NAME = 'NAME',
  RELEASE_DATE = 'RELEASE_DATE',
  CREATED_AT = 'CREATED_AT',
}

/** Sort direction. */
export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(ProductOrderField, {
  name: 'ProductOrderField',
  description: 'Sort keys of the product list.',
  valuesConfig: {
    POPULARITY: { description: 'Popularity score.' },
    NAME: { description: 'Display name.' },
    RELEASE_DATE: { description: 'Release date (unknown dates last).' },
    CREATED_AT: { description: 'When the product entered the catalog.' },
  },
});
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: { ASC: { description: 'Smallest first.' }, DESC: { description: 'Largest first.' } },
});

@InputType({ description: 'Order of the product list (ties broken by id).' })
export class ProductOrder {
  @Field(() => ProductOrderField, { description: 'Sort key.' })
  field!: ProductOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: 'Direction (default DESC).' })
  direction: OrderDirection = OrderDirection.DESC;
}
