import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../common/context';
import { ErrorPolicy } from '../../common/error-policy';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { uuidOf } from '../../common/node';
import type { ProductInput, UpsertProductsInput, UpsertVariantsInput, VariantInput } from './api/upsert-products.input';
import { ProductCategory, SizeSystem } from './entities/catalog.enums';
import { Product } from './entities/product.entity';
import { Variant } from './entities/variant.entity';
import { validateProduct, validateVariants } from './catalog-validation';
import { normalizeSku, numericSizeOf } from './sku';

const MAX_PRODUCTS = 500;
const MAX_VARIANTS = 200;

/** Marks valid rows REJECTED when the policy forbids partial writes and some row failed. */
function applyPolicy(rowErrors: UserError[][], policy: ErrorPolicy, path: string): UserError[][] {
  const anyFailed = rowErrors.some((e) => e.length);
  if (!anyFailed || policy === ErrorPolicy.REJECT_FAILED_ROWS) return rowErrors;
  return rowErrors.map((errors, i) =>
    errors.length ? errors : [userError(ErrorCode.REJECTED, 'Not written because another row failed (errorPolicy REJECT_EVERYTHING).', [path, i])],
  );
}

function applyVariants(em: EntityManager, product: Product, inputs: VariantInput[], existing: Variant[]): Variant[] {
  const byKey = new Map(existing.map((v) => [v.sizeKey.toUpperCase(), v]));
  const fallbackSystem = existing[0]?.sizeSystem ?? (product.category === ProductCategory.TRADING_CARD ? SizeSystem.NONE : SizeSystem.US_M);
  let position = existing.reduce((max, v) => Math.max(max, v.position + 1), 0);
  return inputs.map((input) => {
    const sizeKey = input.sizeKey.trim();
    const found = byKey.get(sizeKey.toUpperCase());
    if (found) {
      if (input.sizeSystem) found.sizeSystem = input.sizeSystem;
      return found;
    }
    const variant = em.create(Variant, {
      productId: product.id,
      sizeKey,
      numericSize: numericSizeOf(sizeKey),
      sizeSystem: input.sizeSystem ?? fallbackSystem,
      position: position++,
    });
    byKey.set(sizeKey.toUpperCase(), variant);
    return variant;
  });
}

function assignProduct(product: Product, input: ProductInput): void {
  product.sku = input.sku.trim();
  product.skuNormalized = normalizeSku(input.sku);
  product.brand = input.brand.trim();
  product.model = input.model.trim();
  product.name = input.name.trim();
  product.category = input.category;
  if (input.colorway !== undefined) product.colorway = input.colorway?.trim() || null;
  if (input.releaseDate !== undefined) product.releaseDate = input.releaseDate;
  if (input.retailPrice !== undefined) product.retailPriceAmount = input.retailPrice;
  if (input.retailCurrency) product.retailCurrency = input.retailCurrency;
  if (input.imageUrl !== undefined) product.imageUrl = input.imageUrl;
  if (input.popularity != null) product.popularity = input.popularity;
}

/** Creates or updates products by normalized SKU, with their sizes, in one transaction. */
export async function upsertProducts(ctx: Context, input: UpsertProductsInput) {
  if (input.products.length > MAX_PRODUCTS) {
    return { products: [], results: [], errors: [userError(ErrorCode.OUT_OF_RANGE, `At most ${MAX_PRODUCTS} products per request.`, ['products'])] };
  }
  const firstIndex = new Map<string, number>();
  const rowErrors = input.products.map((row, i) => {
    const errors = validateProduct(row, ['products', i]);
    const key = normalizeSku(row.sku ?? '');
    if (key && firstIndex.has(key)) {
      errors.push(userError(ErrorCode.DUPLICATE, `SKU ${row.sku} is the same product as row ${firstIndex.get(key)}.`, ['products', i, 'sku']));
    } else if (key) firstIndex.set(key, i);
    return errors;
  });
  const finalErrors = applyPolicy(rowErrors, input.errorPolicy, 'products');
  const writable = input.products.map((row, i) => (finalErrors[i].length ? null : row));

  const keys = writable.filter((r): r is ProductInput => !!r).map((r) => normalizeSku(r.sku));
  const written: (Product | null)[] = writable.map(() => null);
  const created: boolean[] = writable.map(() => false);
  if (keys.length) {
    await ctx.em.transactional(async (em) => {
      const existing = await em.find(Product, { skuNormalized: { $in: keys } });
      const existingVariants = existing.length ? await em.find(Variant, { productId: { $in: existing.map((p) => p.id) } }) : [];
      const variantsOf = new Map<string, Variant[]>();
      for (const variant of existingVariants) {
        const sizes = variantsOf.get(variant.productId);
        if (sizes) sizes.push(variant);
        else variantsOf.set(variant.productId, [variant]);
      }
      const bySku = new Map(existing.map((p) => [p.skuNormalized, p]));
      writable.forEach((row, i) => {
        if (!row) return;
        let product = bySku.get(normalizeSku(row.sku));
        if (!product) {
          product = em.create(Product, { popularity: 0 } as Product);
          created[i] = true;
        }
        assignProduct(product, row);
        applyVariants(em, product, row.variants ?? [], variantsOf.get(product.id) ?? []);
        written[i] = product;
      });
    });
  }
  return {
    products: written.filter((p): p is Product => !!p),
    results: written.map((product, index) => ({ index, product, created: created[index], errors: finalErrors[index] })),
    errors: finalErrors.flat(),
  };
}

/** Adds or updates sizes of one product. */
export async function upsertVariants(ctx: Context, input: UpsertVariantsInput) {
  const uuid = uuidOf(input.productId, 'Product');
  const product = uuid ? await ctx.em.findOne(Product, { id: uuid }) : null;
  if (!product) return { product: null, variants: [], errors: [userError(ErrorCode.NOT_FOUND, 'No such product.', ['productId'])] };
  if (input.variants.length > MAX_VARIANTS) {
    return { product, variants: [], errors: [userError(ErrorCode.OUT_OF_RANGE, `At most ${MAX_VARIANTS} sizes per request.`, ['variants'])] };
  }
  const errors = validateVariants(input.variants, ['variants']);
  const failedRows = new Set(errors.map((e) => Number(e.field?.[1])));
  if (errors.length && input.errorPolicy === ErrorPolicy.REJECT_EVERYTHING) return { product, variants: [], errors };
  const rows = input.variants.filter((_, i) => !failedRows.has(i));
  const existing = await ctx.em.find(Variant, { productId: product.id });
  const variants = applyVariants(ctx.em, product, rows, existing);
  await ctx.em.flush();
  return { product, variants, errors };
}
