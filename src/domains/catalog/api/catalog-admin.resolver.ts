import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../../common/context';
import { Requirement } from '../../accounts/auth-checker';
import { upsertProducts, upsertVariants } from '../catalog-write.service';
import { linkExternalRef } from '../external-ref.service';
import { LinkExternalRefInput, LinkExternalRefPayload } from './link-external-ref.input';
import { UpsertProductsInput, UpsertProductsPayload, UpsertVariantsInput, UpsertVariantsPayload } from './upsert-products.input';

@Resolver()
export class CatalogAdminResolver {
  @Authorized(Requirement.ADMIN, Requirement.WRITE)
  @Mutation(() => UpsertProductsPayload, { description: 'Admin: creates or updates products (matched by normalized SKU) with their sizes.' })
  upsertProducts(@Arg('input', { description: 'The products and the error policy.' }) input: UpsertProductsInput, @Ctx() ctx: Context) {
    return upsertProducts(ctx, input);
  }

  @Authorized(Requirement.ADMIN, Requirement.WRITE)
  @Mutation(() => UpsertVariantsPayload, { description: 'Admin: adds or updates sizes of a product.' })
  upsertVariants(@Arg('input', { description: 'The product, its sizes and the error policy.' }) input: UpsertVariantsInput, @Ctx() ctx: Context) {
    return upsertVariants(ctx, input);
  }

  @Authorized(Requirement.ADMIN, Requirement.WRITE)
  @Mutation(() => LinkExternalRefPayload, { description: "Admin: links a platform's identifier to a product or a size." })
  linkExternalRef(@Arg('input', { description: 'The platform, the identifier and what it identifies.' }) input: LinkExternalRefInput, @Ctx() ctx: Context) {
    return linkExternalRef(ctx, input);
  }
}
