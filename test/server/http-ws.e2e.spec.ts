import { print } from 'graphql';
import { ProductsWithSizesDocument, type ProductsWithSizesQuery } from '../generated/graphql';
import { startTestApp, wsExecute, type TestApp } from '../support/app';
import { productInput, seedProducts } from '../support/catalog';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.createAccount({ admin: true });
  await seedProducts(t, admin.token, [
    productInput('HTTPWS-001', { popularity: 70, variants: [{ sizeKey: '9' }, { sizeKey: '9.5' }] }),
    productInput('HTTPWS-002', { popularity: 20, brand: 'Nike', variants: [{ sizeKey: 'M' }] }),
    productInput('HTTPWS-003', { popularity: 50, variants: [] }),
  ]);
});
afterAll(() => t?.stop());

it('answers the same catalog query identically over HTTP POST, HTTP GET and WebSocket', async () => {
  const query = print(ProductsWithSizesDocument);
  const variables = { first: 2, filter: { brands: ['jordan', 'nike'] } };

  const post = await t.request(ProductsWithSizesDocument, variables);
  expect(post.status).toBe(200);
  expect(post.body.errors).toBeUndefined();

  const search = new URLSearchParams({ query, variables: JSON.stringify(variables) });
  const getResponse = await fetch(`${t.url}/graphql?${search}`, { headers: { 'apollo-require-preflight': 'true' } });
  expect(getResponse.status).toBe(200);
  const get = (await getResponse.json()) as { data?: ProductsWithSizesQuery; errors?: unknown };
  expect(get.errors).toBeUndefined();

  const ws = await wsExecute<ProductsWithSizesQuery>(t.wsClient(), query, variables);
  expect(ws.errors).toBeUndefined();

  const products = post.body.data!.products;
  expect(products.totalCount).toBe(3);
  expect(products.edges.map((e) => [e.node.sku, e.node.tier, e.node.variants.map((v) => v.sizeKey)])).toEqual([
    ['HTTPWS-001', 'HOT', ['9', '9.5']],
    ['HTTPWS-003', 'HOT', []],
  ]);
  expect(products.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  expect(get.data).toEqual(post.body.data);
  expect(ws.data).toEqual(post.body.data);

  const next = { ...variables, after: products.pageInfo.endCursor };
  const [postNext, wsNext] = await Promise.all([t.request(ProductsWithSizesDocument, next), wsExecute<ProductsWithSizesQuery>(t.wsClient(), query, next)]);
  expect(postNext.body.data!.products.edges.map((e) => e.node.sku)).toEqual(['HTTPWS-002']);
  expect(wsNext.data).toEqual(postNext.body.data);
});
