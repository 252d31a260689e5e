import type Decimal from 'decimal.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ErrorPolicy } from '../../../common/error-policy';
import { UserError } from '../../../common/errors';
import { CurrencyScalar, DecimalScalar, LocalDateScalar } from '../../../common/scalars';
import { ProductCategory, SizeSystem } from '../entities/catalog.enums';
import { Product } from '../entities/product.entity';
import { Variant } from '../entities/variant.entity';

@InputType({ description: 'A size (or card treatment) of a product.' })
export class VariantInput {
  @Field({ description: 'Size as shown, e.g. "10.5", "5Y", "Holo". Unique within the product.' })
  sizeKey!: string;

  @Field(() => SizeSystem, { nullable: true, description: 'Size system (default: the product\'s first variant\'s, else US_M; NONE for cards).' })
  sizeSystem?: SizeSystem;
}

@InputType({ description: 'A product to create, or to update when its normalized SKU exists.' })
export class ProductInput {
  @Field({ description: 'Style code or SKU; "HQ7978 100", "hq7978-100" and "HQ7978100" are the same product.' })
  sku!: string;

  @Field({ description: 'Brand.' })
  brand!: string;

  @Field({ description: 'Model line.' })
  model!: string;

  @Field({ description: 'Full display name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Colorway.' })
  colorway?: string | null;

  @Field(() => ProductCategory, { description: 'Product family.' })
  category!: ProductCategory;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Release date.' })
  releaseDate?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Retail price.' })
  retailPrice?: Decimal | null;

  @Field(() => CurrencyScalar, { nullable: true, description: 'Currency of the retail price (default USD).' })
  retailCurrency?: string | null;

  @Field(() => String, { nullable: true, description: 'Image URL (http or https).' })
  imageUrl?: string | null;

  @Field(() => Int, { nullable: true, description: 'Popularity 0–100 (default 0 for new products; unchanged when omitted on update).' })
  popularity?: number | null;

  @Field(() => [VariantInput], { nullable: true, description: 'Sizes to add or update; existing sizes not listed are kept.' })
  variants?: VariantInput[];
}

@InputType({ description: 'Products to create or update in one request.' })
export class UpsertProductsInput {
  @Field(() => [ProductInput], { description: 'The products (at most 500).' })
  products!: ProductInput[];

  @Field(() => ErrorPolicy, { defaultValue: ErrorPolicy.REJECT_EVERYTHING, description: 'What to do when some rows are invalid.' })
  errorPolicy: ErrorPolicy = ErrorPolicy.REJECT_EVERYTHING;
}

@ObjectType({ description: 'Outcome of one row of a bulk product upsert.' })
export class UpsertProductResult {
  @Field(() => Int, { description: 'Position of the row in the input.' })
  index!: number;

  @Field(() => Product, { nullable: true, description: 'The product as written; null when the row was not written.' })
  product?: Product | null;

  @Field({ description: 'True when the row created a new product.' })
  created!: boolean;

  @Field(() => [UserError], { description: 'Why the row was not written.' })
  errors!: UserError[];
}

@ObjectType({ description: 'Result of upsertProducts.' })
export class UpsertProductsPayload {
  @Field(() => [Product], { description: 'Products written, in input order.' })
  products!: Product[];

  @Field(() => [UpsertProductResult], { description: 'One result per input row.' })
  results!: UpsertProductResult[];

  @Field(() => [UserError], { description: 'Every row error, with field paths like ["products", "2", "sku"].' })
  errors!: UserError[];
}

@InputType({ description: 'Sizes to add to or update on one product.' })
export class UpsertVariantsInput {
  @Field(() => ID, { description: 'The product.' })
  productId!: string;

  @Field(() => [VariantInput], { description: 'The sizes (at most 200).' })
  variants!: VariantInput[];

  @Field(() => ErrorPolicy, { defaultValue: ErrorPolicy.REJECT_EVERYTHING, description: 'What to do when some rows are invalid.' })
  errorPolicy: ErrorPolicy = ErrorPolicy.REJECT_EVERYTHING;
}

@ObjectType({ description: 'Result of upsertVariants.' })
export class UpsertVariantsPayload {
  @Field(() => Product, { nullable: true, description: 'The product, with its sizes.' })
  product?: Product | null;

  @Field(() => [Variant], { description: 'Variants written, in input order.' })
  variants!: Variant[];

  @Field(() => [UserError], { description: 'Row errors, with field paths like ["variants", "1", "sizeKey"].' })
  errors!: UserError[];
}
