import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../../common/context';
import { PlatformByIdLoader, ProductByIdLoader, VariantByIdLoader } from '../catalog.loaders';
import { ExternalRef } from '../entities/external-ref.entity';
import { Platform } from '../entities/platform.entity';
import { Product } from '../entities/product.entity';
import { Variant } from '../entities/variant.entity';

@Resolver(() => ExternalRef)
export class ExternalRefResolver {
  @FieldResolver(() => Platform, { description: 'The platform the id belongs to.' })
  platform(@Root() ref: ExternalRef, @Ctx() ctx: Context) {
    return ctx.loaders.get(PlatformByIdLoader).load(ref.platformId);
  }

  @FieldResolver(() => Product, { description: 'The product identified (or whose size is identified).' })
  product(@Root() ref: ExternalRef, @Ctx() ctx: Context) {
    return ctx.loaders.get(ProductByIdLoader).load(ref.productId);
  }

  @FieldResolver(() => Variant, { nullable: true, description: 'The size identified, for VARIANT ids.' })
  variant(@Root() ref: ExternalRef, @Ctx() ctx: Context) {
    return ref.variantId ? ctx.loaders.get(VariantByIdLoader).load(ref.variantId) : null;
  }
}
