import type { Context } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { uuidOf } from '../../common/node';
import type { LinkExternalRefInput } from './api/link-external-ref.input';
import { PlatformBySlugLoader } from './catalog.loaders';
import { ExternalRefKind } from './entities/catalog.enums';
import { ExternalRef } from './entities/external-ref.entity';
import { Product } from './entities/product.entity';
import { Variant } from './entities/variant.entity';

/** Links a platform id to a product or variant; idempotent, and refuses to move an id already linked elsewhere. */
export async function linkExternalRef(ctx: Context, input: LinkExternalRefInput): Promise<{ externalRef: ExternalRef | null; errors: UserError[] }> {
  const fail = (code: ErrorCode, message: string, field: string) => ({ externalRef: null, errors: [userError(code, message, [field])] });
  const externalId = input.externalId.trim();
  if (!externalId) return fail(ErrorCode.REQUIRED, 'External id must not be empty.', 'externalId');
  if (externalId.length > 200) return fail(ErrorCode.INVALID, 'External id must be at most 200 characters.', 'externalId');
  if (!!input.productId === !!input.variantId) return fail(ErrorCode.INVALID, 'Give exactly one of productId and variantId.', input.productId ? 'variantId' : 'productId');
  const platform = await ctx.loaders.get(PlatformBySlugLoader).load(input.platform.trim());
  if (!platform) return fail(ErrorCode.NOT_FOUND, `Unknown platform "${input.platform}".`, 'platform');

  let productId: string;
  let variantId: string | null = null;
  if (input.variantId) {
    const uuid = uuidOf(input.variantId, 'Variant');
    const variant = uuid ? await ctx.em.findOne(Variant, { id: uuid }) : null;
    if (!variant) return fail(ErrorCode.NOT_FOUND, 'No such variant.', 'variantId');
    productId = variant.productId;
    variantId = variant.id;
  } else {
    const uuid = uuidOf(input.productId!, 'Product');
    const product = uuid ? await ctx.em.findOne(Product, { id: uuid }) : null;
    if (!product) return fail(ErrorCode.NOT_FOUND, 'No such product.', 'productId');
    productId = product.id;
  }
  const kind = variantId ? ExternalRefKind.VARIANT : ExternalRefKind.PRODUCT;
  const existing = await ctx.em.findOne(ExternalRef, { platformId: platform.id, kind, externalId });
  if (existing) {
    if (existing.productId === productId && (existing.variantId ?? null) === variantId) return { externalRef: existing, errors: [] };
    return fail(ErrorCode.CONFLICT, `${platform.name} id "${externalId}" is already linked to another ${kind.toLowerCase()}.`, 'externalId');
  }
  const externalRef = ctx.em.create(ExternalRef, { platformId: platform.id, kind, productId, variantId, externalId });
  await ctx.em.flush();
  return { externalRef, errors: [] };
}
