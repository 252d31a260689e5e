import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { LinkExternalRefDocument, ProductsDeepDocument, ProductsDeepWithTotalDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { productInput, seedProducts } from '../support/catalog';

const SIZES = ['7', '7.5', '8', '8.5', '9', '9.5', '10', '10.5', '11', '12'];

let t: TestApp;
let admin: string;
let reader: string;
let seeded = 0;

/** Adds products up to `total`, each with 10 sizes and a StockX id. */
async function seedUpTo(total: number): Promise<void> {
  const rows = Array.from({ length: total - seeded }, (_, i) => productInput(`SQL-${String(seeded + i).padStart(4, '0')}`, { variants: SIZES.map((sizeKey) => ({ sizeKey })) }));
  const products = await seedProducts(t, admin, rows);
  for (const product of products) {
    const link = await t.request(LinkExternalRefDocument, { input: { platform: 'stockx', productId: product.id, externalId: `stockx-${product.sku}` } }, admin);
    expect(link.body.data!.linkExternalRef.errors).toEqual([]);
  }
  seeded = total;
}

/** SQL statements issued while answering one operation (after a warm-up request, so auth bookkeeping is settled). */
async function statementsOf<R>(document: TypedDocumentNode<R, { first?: number | null }>, first: number): Promise<{ count: number; statements: string[]; data: R }> {
  const { body, count, statements } = await t.statementsOf(document, { first }, reader);
  expect(body.errors).toBeUndefined();
  return { count, statements, data: body.data! };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = (await t.createAccount({ admin: true })).token;
  reader = (await t.createAccount()).token;
});
afterAll(() => t?.stop());

it('products → variants → externalRefs → platform costs the same number of statements for 5 and for 50 products', async () => {
  await seedUpTo(5);
  const small = await statementsOf(ProductsDeepDocument, 50);
  expect(small.data.products.edges).toHaveLength(5);
  expect(small.data.products.edges.every((e) => e.node.variants.length === 10 && e.node.externalRefs.length === 1 && e.node.externalRefs[0].platform.slug === 'stockx')).toBe(true);

  await seedUpTo(50);
  const large = await statementsOf(ProductsDeepDocument, 50);
  expect(large.data.products.edges).toHaveLength(50);
  expect(large.data.products.edges.every((e) => e.node.variants.length === 10 && e.node.externalRefs.length === 1)).toBe(true);

  console.log(
    `products(first: 50) with variants, externalRefs and platform: ${small.count} SQL statements for 5 products, ${large.count} for 50\n  ` +
      large.statements.map((sql) => sql.replace(/\s+/g, ' ').slice(0, 100)).join('\n  '),
  );
  expect(large.count).toBe(small.count);
  expect(large.statements.filter((s) => /count\(/i.test(s))).toEqual([]);
});

it('counts the whole list only when totalCount is selected', async () => {
  await seedUpTo(50);
  const without = await statementsOf(ProductsDeepDocument, 50);
  const withTotal = await statementsOf(ProductsDeepWithTotalDocument, 50);
  expect(withTotal.data.products.totalCount).toBe(50);
  console.log(`products(first: 50): ${without.count} SQL statements without totalCount, ${withTotal.count} with it`);
  expect(withTotal.count).toBe(without.count + 1);
  expect(withTotal.statements.filter((s) => /count\(/i.test(s))).toHaveLength(1);
  expect(without.statements.filter((s) => /count\(/i.test(s))).toHaveLength(0);
});
