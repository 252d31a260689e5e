import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../../common/context';
import { ExternalRefsByVariantLoader, ProductByIdLoader } from '../catalog.loaders';
import { ExternalRef } from '../entities/external-ref.entity';
import { Product } from '../entities/product.entity';
import { Variant } from '../entities/variant.entity';

@Resolver(() => Variant)
export class VariantResolver {
  @FieldResolver(() => Product, { description: 'The product this is a size of.' })
  product(@Root() variant: Variant, @Ctx() ctx: Context) {
    return ctx.loaders.get(ProductByIdLoader).load(variant.productId);
  }

  @FieldResolver(() => [ExternalRef], { description: "This size's identifiers on platforms." })
  externalRefs(@Root() variant: Variant, @Ctx() ctx: Context) {
    return ctx.loaders.get(ExternalRefsByVariantLoader).load(variant.id);
  }
}
