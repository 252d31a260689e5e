import type { EntityManager } from '@mikro-orm/postgresql';
import { ExternalRef, normalizeSku, Product, Variant } from '../../catalog';

/** What a platform says about one order line, for matching it to one of our variants. */
export interface ItemIdentity {
  externalVariantId?: string | null;
  externalProductId?: string | null;
  sku?: string | null;
  sizeKey?: string | null;
}

const sizeKeyOf = (value: string | null | undefined) => value?.trim().toUpperCase() || null;

/**
 * Matches order lines to variants, most certain first: the platform's variant id (an ExternalRef of kind VARIANT),
 * then its product id (kind PRODUCT) plus the size, then the normalized SKU plus the size, then a SKU whose product
 * has a single variant. Four statements however many lines. Index-aligned result; null where nothing matched.
 */
export async function matchItemsToVariants(em: EntityManager, platformId: string, items: readonly ItemIdentity[]): Promise<Array<string | null>> {
  const externalVariantIds = [...new Set(items.map((i) => i.externalVariantId).filter((v): v is string => !!v))];
  const externalProductIds = [...new Set(items.map((i) => i.externalProductId).filter((v): v is string => !!v))];
  const skus = [...new Set(items.map((i) => (i.sku ? normalizeSku(i.sku) : '')).filter(Boolean))];

  const refs = externalVariantIds.length + externalProductIds.length
    ? await em.find(ExternalRef, {
        platformId,
        $or: [
          { kind: 'VARIANT' as never, externalId: { $in: externalVariantIds } },
          { kind: 'PRODUCT' as never, externalId: { $in: externalProductIds } },
        ],
      })
    : [];
  const variantByRef = new Map(refs.filter((r) => r.variantId).map((r) => [r.externalId, r.variantId!]));
  const productByRef = new Map(refs.filter((r) => !r.variantId).map((r) => [r.externalId, r.productId]));
  const products = skus.length ? await em.find(Product, { skuNormalized: { $in: skus } }, { fields: ['id', 'skuNormalized'] }) : [];
  const productBySku = new Map(products.map((p) => [p.skuNormalized, p.id]));
  const productIds = [...new Set([...productByRef.values(), ...productBySku.values()])];
  const variants = productIds.length ? await em.find(Variant, { productId: { $in: productIds } }, { fields: ['id', 'productId', 'sizeKey'] }) : [];
  const sizesOf = new Map<string, Array<Pick<Variant, 'id' | 'productId' | 'sizeKey'>>>();
  for (const v of variants) sizesOf.set(v.productId, [...(sizesOf.get(v.productId) ?? []), v]);
  const pick = (productId: string | undefined, sizeKey: string | null): string | null => {
    const sizes = productId ? sizesOf.get(productId) ?? [] : [];
    if (sizeKey) return sizes.find((v) => v.sizeKey.toUpperCase() === sizeKey)?.id ?? null;
    return sizes.length === 1 ? sizes[0].id : null;
  };

  return items.map((item) => {
    const size = sizeKeyOf(item.sizeKey);
    return (
      (item.externalVariantId ? variantByRef.get(item.externalVariantId) : undefined) ??
      (item.externalProductId ? pick(productByRef.get(item.externalProductId), size) : null) ??
      (item.sku ? pick(productBySku.get(normalizeSku(item.sku)), size) : null)
    );
  });
}
