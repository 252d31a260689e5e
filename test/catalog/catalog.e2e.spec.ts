import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/common/node';
import {
  LinkExternalRefDocument,
  NodeByIdDocument,
  NodesByIdsDocument,
  PlatformsDocument,
  ProductByIdDocument,
  ProductBySkuDocument,
  ProductsPageDocument,
  UpsertProductsDocument,
  UpsertVariantsDocument,
  type ProductFilter,
  type ProductOrder,
  type ProductsPageQuery,
} from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { countRows, productInput, seedProducts } from '../support/catalog';

let t: TestApp;
let admin: string;
let ids: Record<string, string>;

const catalog = [
  productInput('HQ7978-100', { brand: 'Nike', model: 'Dunk Low', name: 'Nike Dunk Low Panda', colorway: 'White/Black', popularity: 90, releaseDate: '2021-03-10' }),
  productInput('DZ5485-612', { brand: 'Jordan', name: 'Air Jordan 1 Chicago Lost and Found', popularity: 80, releaseDate: '2022-11-19' }),
  productInput('555088-134', { brand: 'Jordan', name: 'Air Jordan 1 University Blue', popularity: 40, releaseDate: '2021-03-06' }),
  productInput('FD1437-612', { brand: 'Nike', model: 'Air Max 1', name: 'Nike Air Max 1 Big Bubble Red', popularity: 30 }),
  productInput('SV151-199', { brand: 'Pokemon', model: 'Scarlet & Violet 151', name: 'Charizard ex 199/165', category: 'TRADING_CARD', popularity: 60, variants: [{ sizeKey: 'Holo', sizeSystem: 'NONE' }] }),
];
/** Seven products of brand "Pager" with popularity 1..7, for pagination. */
const pager = Array.from({ length: 7 }, (_, i) => productInput(`PAGE-00${i + 1}`, { brand: 'Pager', name: `Pager ${i + 1}`, popularity: i + 1 }));

const page = async (variables: { first?: number; after?: string; last?: number; before?: string; filter?: ProductFilter; orderBy?: ProductOrder }) => {
  const res = await t.request(ProductsPageDocument, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.products;
};
const skus = (connection: ProductsPageQuery['products']) => connection.edges.map((e) => e.node.sku);

beforeAll(async () => {
  // Dozens of anonymous requests: keep the per-IP anonymous limit out of the way.
  t = await startTestApp({ ANONYMOUS_RATE_LIMIT_PER_MINUTE: '10000' });
  admin = (await t.createAccount({ admin: true })).token;
  const written = await seedProducts(t, admin, [...catalog, ...pager]);
  ids = Object.fromEntries(written.map((p) => [p.sku, p.id]));
});
afterAll(() => t?.stop());

describe('product lookup', () => {
  it('finds the same product by id and by SKU in the three formats', async () => {
    const found = await Promise.all(['HQ7978 100', 'hq7978-100', 'HQ7978100'].map((sku) => t.request(ProductBySkuDocument, { sku })));
    for (const res of found) {
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.product).toMatchObject({ id: ids['HQ7978-100'], sku: 'HQ7978-100', skuNormalized: 'HQ7978100', brand: 'Nike', tier: 'HOT' });
    }
    const byId = await t.request(ProductByIdDocument, { id: ids['HQ7978-100'] });
    expect(byId.body.data!.product).toEqual({ id: ids['HQ7978-100'], sku: 'HQ7978-100', name: 'Nike Dunk Low Panda' });
  });

  it('answers null for unknown SKUs and ids', async () => {
    expect((await t.request(ProductBySkuDocument, { sku: 'ZZ0000-000' })).body.data!.product).toBeNull();
    expect((await t.request(ProductBySkuDocument, { sku: '---' })).body.data!.product).toBeNull();
    expect((await t.request(ProductByIdDocument, { id: toGlobalId('Product', randomUUID()) })).body.data!.product).toBeNull();
    expect((await t.request(ProductByIdDocument, { id: 'not-a-global-id' })).body.data!.product).toBeNull();
  });
});

describe('products filter and order', () => {
  it('matches search words as prefixes, and a style code in any format', async () => {
    expect(skus(await page({ filter: { search: 'dunk pan' } }))).toEqual(['HQ7978-100']);
    expect(skus(await page({ filter: { search: 'jordan 1 chi' } }))).toEqual(['DZ5485-612']);
    expect(skus(await page({ filter: { search: 'dz5485 612' } }))).toEqual(['DZ5485-612']);
    expect(skus(await page({ filter: { search: 'charizard' } }))).toEqual(['SV151-199']);
    expect((await page({ filter: { search: 'nosuchword' } })).totalCount).toBe(0);
  });

  it('filters by brand (case-insensitive), category, tier and ids', async () => {
    expect(skus(await page({ filter: { brands: ['nike'] } }))).toEqual(['HQ7978-100', 'FD1437-612']);
    expect(skus(await page({ filter: { categories: ['TRADING_CARD'] } }))).toEqual(['SV151-199']);
    expect(skus(await page({ filter: { brands: ['Jordan'], tier: 'HOT' } }))).toEqual(['DZ5485-612']);
    expect(skus(await page({ filter: { brands: ['Jordan'], tier: 'COLD' } }))).toEqual(['555088-134']);
    const both = await page({ filter: { ids: [ids['555088-134'], ids['HQ7978-100'], 'garbage', toGlobalId('Variant', randomUUID())] } });
    expect(skus(both)).toEqual(['HQ7978-100', '555088-134']);
    expect(both.totalCount).toBe(2);
    expect((await page({ filter: { ids: ['garbage'] } })).totalCount).toBe(0);
  });

  it('orders by name, popularity and creation time in both directions', async () => {
    const byName = skus(await page({ filter: { brands: ['Jordan', 'Nike'] }, orderBy: { field: 'NAME', direction: 'ASC' } }));
    expect(byName).toEqual(['DZ5485-612', '555088-134', 'FD1437-612', 'HQ7978-100']);
    const byNameDesc = skus(await page({ filter: { brands: ['Jordan', 'Nike'] }, orderBy: { field: 'NAME', direction: 'DESC' } }));
    expect(byNameDesc).toEqual([...byName].reverse());
    const byPopularityAsc = skus(await page({ filter: { brands: ['Pager'] }, orderBy: { field: 'POPULARITY', direction: 'ASC' } }));
    expect(byPopularityAsc).toEqual(pager.map((p) => p.sku));
    const byCreated = skus(await page({ filter: { brands: ['Pager'] }, orderBy: { field: 'CREATED_AT', direction: 'ASC' } }));
    expect(byCreated).toHaveLength(7);
  });

  it('orders by release date, unknown dates last, and pages through them', async () => {
    const filter = { brands: ['Jordan', 'Nike'] };
    const all = skus(await page({ filter, orderBy: { field: 'RELEASE_DATE', direction: 'DESC' } }));
    expect(all).toEqual(['DZ5485-612', 'HQ7978-100', '555088-134', 'FD1437-612']);
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 5; i++) {
      const p = await page({ filter, first: 1, after, orderBy: { field: 'RELEASE_DATE', direction: 'DESC' } });
      seen.push(...skus(p));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor!;
    }
    expect(seen).toEqual(all);
    const ascending = await page({ filter, orderBy: { field: 'RELEASE_DATE', direction: 'ASC' } });
    expect(skus(ascending)).toEqual(['555088-134', 'HQ7978-100', 'DZ5485-612', 'FD1437-612']);
    const lastTwo = await page({ filter, last: 2, orderBy: { field: 'RELEASE_DATE', direction: 'ASC' } });
    expect(skus(lastTwo)).toEqual(['DZ5485-612', 'FD1437-612']);
    const before = await page({ filter, last: 2, before: lastTwo.pageInfo.startCursor!, orderBy: { field: 'RELEASE_DATE', direction: 'ASC' } });
    expect(skus(before)).toEqual(['555088-134', 'HQ7978-100']);
  });
});

describe('products pagination', () => {
  const filter = { brands: ['Pager'] };

  it('pages forward with first/after', async () => {
    const one = await page({ filter, first: 3 });
    expect(skus(one)).toEqual(['PAGE-007', 'PAGE-006', 'PAGE-005']);
    expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: one.edges[0].cursor, endCursor: one.edges[2].cursor });
    expect(one.totalCount).toBe(7);
    const two = await page({ filter, first: 3, after: one.pageInfo.endCursor! });
    expect(skus(two)).toEqual(['PAGE-004', 'PAGE-003', 'PAGE-002']);
    expect(two.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(two.totalCount).toBe(7);
    const three = await page({ filter, first: 3, after: two.pageInfo.endCursor! });
    expect(skus(three)).toEqual(['PAGE-001']);
    expect(three.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('pages backward with last/before', async () => {
    const one = await page({ filter, last: 3 });
    expect(skus(one)).toEqual(['PAGE-003', 'PAGE-002', 'PAGE-001']);
    expect(one.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(one.totalCount).toBe(7);
    const two = await page({ filter, last: 3, before: one.pageInfo.startCursor! });
    expect(skus(two)).toEqual(['PAGE-006', 'PAGE-005', 'PAGE-004']);
    expect(two.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const three = await page({ filter, last: 3, before: two.pageInfo.startCursor! });
    expect(skus(three)).toEqual(['PAGE-007']);
    expect(three.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('defaults to 20 items and rejects page sizes above 100, negative sizes, first with last, and malformed cursors', async () => {
    expect((await page({})).edges).toHaveLength(12);
    for (const variables of [{ first: 101 }, { last: 1000 }, { first: -1 }, { first: 2, last: 2 }, { after: 'not-a-cursor' }, { before: '!!!' }]) {
      const res = await t.request(ProductsPageDocument, variables);
      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('node and nodes', () => {
  it('fetch products, variants, platforms and external refs by global id', async () => {
    const product = (await t.request(ProductBySkuDocument, { sku: 'HQ7978-100' })).body.data!.product!;
    const platform = (await t.request(PlatformsDocument)).body.data!.platforms.find((p) => p.slug === 'goat')!;
    const link = await t.request(LinkExternalRefDocument, { input: { platform: 'goat', productId: product.id, externalId: 'goat-dunk-panda' } }, admin);
    const ref = link.body.data!.linkExternalRef.externalRef!;

    const node = async (id: string) => (await t.request(NodeByIdDocument, { id })).body.data!.node;
    expect(await node(product.id)).toEqual({ id: product.id, __typename: 'Product', sku: 'HQ7978-100' });
    expect(await node(product.variants[0].id)).toEqual({ id: product.variants[0].id, __typename: 'Variant', sizeKey: '9', product: { sku: 'HQ7978-100' } });
    expect(await node(platform.id)).toEqual({ id: platform.id, __typename: 'Platform', slug: 'goat' });
    expect(await node(ref.id)).toEqual({ id: ref.id, __typename: 'ExternalRef', externalId: 'goat-dunk-panda', kind: 'PRODUCT' });

    const many = await t.request(NodesByIdsDocument, { ids: [ref.id, 'garbage', platform.id, product.id] });
    expect(many.body.data!.nodes).toEqual([
      { id: ref.id, __typename: 'ExternalRef', externalId: 'goat-dunk-panda' },
      null,
      { id: platform.id, __typename: 'Platform', slug: 'goat' },
      { id: product.id, __typename: 'Product', sku: 'HQ7978-100' },
    ]);
  });

  it('answer null for malformed, unknown-type, wrong-type and unknown ids', async () => {
    const product = (await t.request(ProductBySkuDocument, { sku: 'HQ7978-100' })).body.data!.product!;
    const uuid = Buffer.from(product.id, 'base64url').toString().split(':')[1];
    const bad = [
      'garbage',
      '',
      Buffer.from('Product:not-a-uuid').toString('base64url'),
      Buffer.from(`:${uuid}`).toString('base64url'),
      toGlobalId('Nope', uuid),
      toGlobalId('Variant', uuid),
      toGlobalId('Platform', uuid),
      toGlobalId('ExternalRef', uuid),
      toGlobalId('Product', randomUUID()),
    ];
    for (const id of bad) {
      const res = await t.request(NodeByIdDocument, { id });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.node).toBeNull();
    }
    const many = await t.request(NodesByIdsDocument, { ids: bad });
    expect(many.body.data!.nodes).toEqual(bad.map(() => null));
  });
});

describe('upsertProducts', () => {
  it('creates, then updates the same normalized SKU given in another format without duplicating', async () => {
    const first = await t.request(UpsertProductsDocument, { input: { products: [productInput('AB1234-001', { name: 'Old name' })] } }, admin);
    expect(first.body.data!.upsertProducts.errors).toEqual([]);
    expect(first.body.data!.upsertProducts.results).toEqual([{ index: 0, created: true, product: { sku: 'AB1234-001' }, errors: [] }]);
    const id = first.body.data!.upsertProducts.products[0].id;
    const before = await countRows(t, 'product');

    const second = await t.request(
      UpsertProductsDocument,
      { input: { products: [productInput('ab1234 001', { name: 'New name', variants: [{ sizeKey: '10' }, { sizeKey: '11' }] })] } },
      admin,
    );
    expect(second.body.data!.upsertProducts.results).toEqual([{ index: 0, created: false, product: { sku: 'ab1234 001' }, errors: [] }]);
    expect(second.body.data!.upsertProducts.products[0]).toMatchObject({ id, skuNormalized: 'AB1234001' });
    expect(await countRows(t, 'product')).toBe(before);
    const found = await t.request(ProductBySkuDocument, { sku: 'AB1234001' });
    expect(found.body.data!.product).toMatchObject({ id, name: 'New name' });
    expect(found.body.data!.product!.variants.map((v) => v.sizeKey)).toEqual(['9', '10', '11']);
  });

  const valid = () => productInput('OK0001-001', { name: 'Valid row' });
  const cases: Array<[string, () => ReturnType<typeof productInput>[], { code: string; field: string[] }]> = [
    ['an empty SKU', () => [valid(), productInput('  ')], { code: 'REQUIRED', field: ['products', '1', 'sku'] }],
    ['a punctuation-only SKU', () => [valid(), productInput('-- / --')], { code: 'INVALID', field: ['products', '1', 'sku'] }],
    ['a duplicate SKU in one request', () => [valid(), productInput('ok0001 001')], { code: 'DUPLICATE', field: ['products', '1', 'sku'] }],
    ['a duplicate size within a product', () => [valid(), productInput('OK0002-001', { variants: [{ sizeKey: '10' }, { sizeKey: '10' }] })], { code: 'DUPLICATE', field: ['products', '1', 'variants', '1', 'sizeKey'] }],
    ['a negative retail price', () => [valid(), productInput('OK0003-001', { retailPrice: '-1.00' })], { code: 'OUT_OF_RANGE', field: ['products', '1', 'retailPrice'] }],
    ['popularity 101', () => [valid(), productInput('OK0004-001', { popularity: 101 })], { code: 'OUT_OF_RANGE', field: ['products', '1', 'popularity'] }],
    ['a bad image URL', () => [valid(), productInput('OK0005-001', { imageUrl: 'javascript:alert(1)' })], { code: 'INVALID', field: ['products', '1', 'imageUrl'] }],
    ['more than 500 rows', () => Array.from({ length: 501 }, (_, i) => productInput(`BULK-${i}`)), { code: 'OUT_OF_RANGE', field: ['products'] }],
  ];

  it.each(cases)('rejects %s with a coded, located error and writes nothing (REJECT_EVERYTHING)', async (_name, rows, expected) => {
    const before = { products: await countRows(t, 'product'), variants: await countRows(t, 'variant') };
    const res = await t.request(UpsertProductsDocument, { input: { products: rows() } }, admin);
    expect(res.body.errors).toBeUndefined();
    const payload = res.body.data!.upsertProducts;
    expect(payload.errors).toContainEqual(expect.objectContaining(expected));
    expect(payload.errors.every((e) => e.message.length > 0)).toBe(true);
    expect(payload.products).toEqual([]);
    if (payload.results.length) {
      expect(payload.results[0]).toMatchObject({ index: 0, created: false, product: null, errors: [expect.objectContaining({ code: 'REJECTED', field: ['products', '0'] })] });
      expect(payload.results[1]).toMatchObject({ index: 1, product: null, errors: [expect.objectContaining(expected)] });
    }
    expect({ products: await countRows(t, 'product'), variants: await countRows(t, 'variant') }).toEqual(before);
    expect((await t.request(ProductBySkuDocument, { sku: 'OK0001-001' })).body.data!.product).toBeNull();
  });

  it('writes only the valid rows with REJECT_FAILED_ROWS', async () => {
    const before = await countRows(t, 'product');
    const res = await t.request(
      UpsertProductsDocument,
      { input: { errorPolicy: 'REJECT_FAILED_ROWS', products: [productInput('PART-001'), productInput('PART-002', { popularity: 101 }), productInput('PART-003')] } },
      admin,
    );
    const payload = res.body.data!.upsertProducts;
    expect(payload.products.map((p) => p.sku)).toEqual(['PART-001', 'PART-003']);
    expect(payload.results.map((r) => [r.index, r.created, r.product?.sku ?? null])).toEqual([[0, true, 'PART-001'], [1, false, null], [2, true, 'PART-003']]);
    expect(payload.results[1].errors).toEqual([expect.objectContaining({ code: 'OUT_OF_RANGE', field: ['products', '1', 'popularity'] })]);
    expect(payload.errors).toHaveLength(1);
    expect(await countRows(t, 'product')).toBe(before + 2);
    expect((await t.request(ProductBySkuDocument, { sku: 'PART-002' })).body.data!.product).toBeNull();
  });
});

describe('upsertVariants', () => {
  let productId: string;
  beforeAll(async () => {
    productId = (await seedProducts(t, admin, [productInput('SIZE-0001', { variants: [{ sizeKey: '9' }] })]))[0].id;
  });

  it('answers NOT_FOUND for an unknown or malformed product id', async () => {
    for (const id of [toGlobalId('Product', randomUUID()), 'garbage', ids['HQ7978-100'].replace(/./, 'x')]) {
      const res = await t.request(UpsertVariantsDocument, { input: { productId: id, variants: [{ sizeKey: '10' }] } }, admin);
      expect(res.body.data!.upsertVariants).toMatchObject({ product: null, variants: [], errors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['productId'] })] });
    }
  });

  it('rejects a duplicate size and writes nothing', async () => {
    const before = await countRows(t, 'variant');
    const res = await t.request(UpsertVariantsDocument, { input: { productId, variants: [{ sizeKey: '10' }, { sizeKey: '10' }] } }, admin);
    expect(res.body.data!.upsertVariants.errors).toEqual([expect.objectContaining({ code: 'DUPLICATE', field: ['variants', '1', 'sizeKey'] })]);
    expect(res.body.data!.upsertVariants.variants).toEqual([]);
    expect(await countRows(t, 'variant')).toBe(before);
  });

  it('adds sizes and is idempotent when re-run', async () => {
    const input = { productId, variants: [{ sizeKey: '10' }, { sizeKey: '10.5' }] };
    const first = await t.request(UpsertVariantsDocument, { input }, admin);
    expect(first.body.data!.upsertVariants.errors).toEqual([]);
    const afterFirst = await countRows(t, 'variant');
    const second = await t.request(UpsertVariantsDocument, { input }, admin);
    expect(second.body.data!.upsertVariants.errors).toEqual([]);
    expect(second.body.data!.upsertVariants.variants).toEqual(first.body.data!.upsertVariants.variants);
    expect(second.body.data!.upsertVariants.product!.variants.map((v) => v.sizeKey)).toEqual(['9', '10', '10.5']);
    expect(await countRows(t, 'variant')).toBe(afterFirst);
  });
});

describe('linkExternalRef', () => {
  let productId: string;
  let otherProductId: string;
  let variantId: string;
  beforeAll(async () => {
    const [a, b] = await seedProducts(t, admin, [productInput('LINK-0001'), productInput('LINK-0002')]);
    productId = a.id;
    otherProductId = b.id;
    variantId = (await t.request(ProductBySkuDocument, { sku: 'LINK-0001' })).body.data!.product!.variants[0].id;
  });
  const link = (input: { platform: string; productId?: string; variantId?: string; externalId: string }) =>
    t.request(LinkExternalRefDocument, { input }, admin).then((res) => {
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.linkExternalRef;
    });

  it('refuses an unknown platform, both or neither target, and writes nothing', async () => {
    const before = await countRows(t, 'external_ref');
    expect(await link({ platform: 'nosuchplatform', productId, externalId: 'x-1' })).toEqual({ externalRef: null, errors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['platform'] })] });
    expect((await link({ platform: 'stockx', productId, variantId, externalId: 'x-1' })).errors).toEqual([expect.objectContaining({ code: 'INVALID' })]);
    expect((await link({ platform: 'stockx', externalId: 'x-1' })).errors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['productId'] })]);
    expect((await link({ platform: 'stockx', productId: toGlobalId('Product', randomUUID()), externalId: 'x-1' })).errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['productId'] })]);
    expect((await link({ platform: 'stockx', productId, externalId: '   ' })).errors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['externalId'] })]);
    expect(await countRows(t, 'external_ref')).toBe(before);
  });

  it('links a product and a variant; the same link twice is idempotent', async () => {
    const before = await countRows(t, 'external_ref');
    const first = await link({ platform: 'StockX', productId, externalId: 'stockx-link-1' });
    expect(first.errors).toEqual([]);
    expect(first.externalRef).toMatchObject({ externalId: 'stockx-link-1', kind: 'PRODUCT', platform: { slug: 'stockx' }, product: { sku: 'LINK-0001' }, variant: null });
    const again = await link({ platform: 'stockx', productId, externalId: 'stockx-link-1' });
    expect(again).toEqual(first);
    const size = await link({ platform: 'stockx', variantId, externalId: 'stockx-size-1' });
    expect(size.externalRef).toMatchObject({ kind: 'VARIANT', product: { sku: 'LINK-0001' }, variant: { sizeKey: '9' } });
    expect(await countRows(t, 'external_ref')).toBe(before + 2);
    const product = (await t.request(ProductBySkuDocument, { sku: 'LINK-0001' })).body.data!.product!;
    expect(product.externalRefs).toEqual([
      { externalId: 'stockx-link-1', kind: 'PRODUCT', platform: { slug: 'stockx' } },
      { externalId: 'stockx-size-1', kind: 'VARIANT', platform: { slug: 'stockx' } },
    ]);
  });

  it('refuses to move an external id to another product (CONFLICT) and writes nothing', async () => {
    await link({ platform: 'alias', productId, externalId: 'alias-conflict-1' });
    const before = await countRows(t, 'external_ref');
    const moved = await link({ platform: 'alias', productId: otherProductId, externalId: 'alias-conflict-1' });
    expect(moved).toEqual({ externalRef: null, errors: [expect.objectContaining({ code: 'CONFLICT', field: ['externalId'] })] });
    expect(await countRows(t, 'external_ref')).toBe(before);
  });
});
