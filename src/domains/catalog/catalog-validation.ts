import { ErrorCode, userError, type UserError } from '../../common/errors';
import type { ProductInput, VariantInput } from './api/upsert-products.input';
import { normalizeSku } from './sku';

type Path = (string | number)[];

const MAX_TEXT = 300;

function requiredText(value: string | null | undefined, path: Path, label: string): UserError[] {
  const text = value?.trim() ?? '';
  if (!text) return [userError(ErrorCode.REQUIRED, `${label} must not be empty.`, path)];
  if (text.length > MAX_TEXT) return [userError(ErrorCode.INVALID, `${label} must be at most ${MAX_TEXT} characters.`, path)];
  return [];
}

/** Errors of a list of sizes: empty or repeated size keys. */
export function validateVariants(variants: VariantInput[], path: Path): UserError[] {
  const errors: UserError[] = [];
  const seen = new Set<string>();
  variants.forEach((variant, i) => {
    const key = variant.sizeKey.trim();
    const at = [...path, i, 'sizeKey'];
    if (!key) errors.push(userError(ErrorCode.REQUIRED, 'Size key must not be empty.', at));
    else if (key.length > 40) errors.push(userError(ErrorCode.INVALID, 'Size key must be at most 40 characters.', at));
    else if (seen.has(key.toUpperCase())) errors.push(userError(ErrorCode.DUPLICATE, `Size "${key}" appears more than once.`, at));
    seen.add(key.toUpperCase());
  });
  return errors;
}

/** Errors of one product row; `path` is where the row sits in the input. */
export function validateProduct(input: ProductInput, path: Path): UserError[] {
  const errors = [
    ...requiredText(input.sku, [...path, 'sku'], 'SKU'),
    ...requiredText(input.brand, [...path, 'brand'], 'Brand'),
    ...requiredText(input.model, [...path, 'model'], 'Model'),
    ...requiredText(input.name, [...path, 'name'], 'Name'),
  ];
  if (input.sku?.trim() && normalizeSku(input.sku).length < 3) {
    errors.push(userError(ErrorCode.INVALID, 'SKU must contain at least 3 letters or digits.', [...path, 'sku']));
  }
  if (input.retailPrice && (input.retailPrice.isNegative() || input.retailPrice.greaterThan(1_000_000))) {
    errors.push(userError(ErrorCode.OUT_OF_RANGE, 'Retail price must be between 0 and 1,000,000.', [...path, 'retailPrice']));
  }
  if (input.popularity != null && (input.popularity < 0 || input.popularity > 100)) {
    errors.push(userError(ErrorCode.OUT_OF_RANGE, 'Popularity must be between 0 and 100.', [...path, 'popularity']));
  }
  if (input.imageUrl && !/^https?:\/\/\S+$/i.test(input.imageUrl)) {
    errors.push(userError(ErrorCode.INVALID, 'Image URL must start with http:// or https://.', [...path, 'imageUrl']));
  }
  return [...errors, ...validateVariants(input.variants ?? [], [...path, 'variants'])];
}
