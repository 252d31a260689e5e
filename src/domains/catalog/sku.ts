/**
 * Canonical form of a style code or SKU: upper case, letters and digits only, so that
 * "HQ7978 100" (Alias), "hq7978-100" and "HQ7978100" (eBay) are the same product.
 */
export function normalizeSku(sku: string): string {
  return sku.normalize('NFKD').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Numeric value of a size key ("10.5" → 10.5, "5Y" → 5, "10.5W" → 10.5), or null for treatments. */
export function numericSizeOf(sizeKey: string): number | null {
  const match = /^(\d{1,2}(?:\.\d)?)\s*[YCWKM]?$/i.exec(sizeKey.trim());
  return match ? Number(match[1]) : null;
}
