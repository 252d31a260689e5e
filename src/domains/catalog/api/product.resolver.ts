import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../../common/context';
import { ConnectionArgs, ConnectionType } from '../../../common/pagination';
import { ExternalRefsByProductLoader, VariantsByProductLoader } from '../catalog.loaders';
import { ExternalRef } from '../entities/external-ref.entity';
import { Product } from '../entities/product.entity';
import { Variant } from '../entities/variant.entity';
import { listProducts, viewProduct } from '../product.service';
import { ProductFilter, ProductOrder } from './product-filter.input';

export const ProductConnection = ConnectionType(Product, 'Product', 'A page of catalog products.');

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => Product, {
    nullable: true,
    description: 'One product by id, or by SKU in any format ("HQ7978 100", "hq7978-100", "HQ7978100"). Counts as a view: views raise popularity, which makes products HOT (synced every 6 h).',
  })
  product(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true, description: 'Product id.' }) id?: string,
    @Arg('sku', () => String, { nullable: true, description: 'Style code or SKU.' }) sku?: string,
  ) {
    return viewProduct(ctx, { id, sku });
  }

  @Query(() => ProductConnection, { description: 'The shared catalog, searchable and filterable, most popular first by default.' })
  products(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => ProductFilter, { nullable: true, description: 'Conditions to narrow the list.' }) filter?: ProductFilter,
    @Arg('orderBy', () => ProductOrder, { nullable: true, description: 'Sort order (default popularity, descending).' }) orderBy?: ProductOrder,
  ) {
    return listProducts(ctx, filter, orderBy, page, info);
  }

  @FieldResolver(() => [Variant], { description: 'Sizes of the product, in size order.' })
  variants(@Root() product: Product, @Ctx() ctx: Context) {
    return ctx.loaders.get(VariantsByProductLoader).load(product.id);
  }

  @FieldResolver(() => [ExternalRef], { description: "The product's and its sizes' identifiers on platforms." })
  externalRefs(@Root() product: Product, @Ctx() ctx: Context) {
    return ctx.loaders.get(ExternalRefsByProductLoader).load(product.id);
  }
}
