import { UpsertProductsDocument, type ProductInput } from '../generated/graphql';
import type { TestApp } from './app';

/** A valid product row; override any field. */
export function productInput(sku: string, overrides: Partial<ProductInput> = {}): ProductInput {
  return {
    sku,
    brand: 'Jordan',
    model: 'Air Jordan 1 Retro High OG',
    name: `Air Jordan 1 ${sku}`,
    category: 'SNEAKERS',
    popularity: 10,
    variants: [{ sizeKey: '9' }, { sizeKey: '10' }],
    ...overrides,
  };
}

/** Writes products through the API as an admin and fails loudly when any row is rejected. */
export async function seedProducts(t: TestApp, adminToken: string, products: ProductInput[]) {
  const res = await t.request(UpsertProductsDocument, { input: { products } }, adminToken);
  if (res.body.errors || res.body.data!.upsertProducts.errors.length) {
    throw new Error(`seeding products failed: ${JSON.stringify(res.body.errors ?? res.body.data!.upsertProducts.errors)}`);
  }
  return res.body.data!.upsertProducts.products;
}

/** Rows of a table, counted straight from the database. */
export async function countRows(t: TestApp, table: 'product' | 'variant' | 'external_ref' | 'api_key'): Promise<number> {
  const [{ count }] = await t.app.orm.em.fork().getConnection().execute(`select count(*)::int as count from ${table}`);
  return count;
}
