import { raw, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../common/context';
import { uuidOf } from '../../common/node';
import { connectionFromCursor, pageWindow, type ConnectionArgs, type ConnectionShape } from '../../common/pagination';
import { OrderDirection, ProductOrderField, type ProductFilter, type ProductOrder } from './api/product-filter.input';
import { ProductTier } from './entities/catalog.enums';
import { HOT_POPULARITY, Product } from './entities/product.entity';
import { ProductByIdLoader } from './catalog.loaders';
import { recordProductView } from './product-views';
import { normalizeSku } from './sku';

const ORDER_COLUMNS: Record<ProductOrderField, Record<'asc' | 'desc', keyof Product>> = {
  [ProductOrderField.POPULARITY]: { asc: 'popularity', desc: 'popularity' },
  [ProductOrderField.NAME]: { asc: 'name', desc: 'name' },
  [ProductOrderField.RELEASE_DATE]: { asc: 'releaseSortAsc', desc: 'releaseSortDesc' },
  [ProductOrderField.CREATED_AT]: { asc: 'createdAt', desc: 'createdAt' },
};
const LAZY_SORT_KEYS = new Set<keyof Product>(['releaseSortAsc', 'releaseSortDesc']);

/** Finds one product by global id or by SKU in any format. */
export async function findProduct(ctx: Context, by: { id?: string | null; sku?: string | null }): Promise<Product | null> {
  if (by.id) {
    const uuid = uuidOf(by.id, 'Product');
    return uuid ? ctx.loaders.get(ProductByIdLoader).load(uuid) : null;
  }
  const normalized = by.sku ? normalizeSku(by.sku) : '';
  return normalized ? ctx.em.findOne(Product, { skuNormalized: normalized }) : null;
}

/** The `product` query: finds the product and counts the view (in memory; written by the view recorder's next flush). */
export async function viewProduct(ctx: Context, by: { id?: string | null; sku?: string | null }): Promise<Product | null> {
  const product = await findProduct(ctx, by);
  if (product) recordProductView(ctx, product.id);
  return product;
}

/** Prefix tsquery from free text: "jordan 1 chi" → "jordan:* & 1:* & chi:*". */
export function prefixTsQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

function whereOf(filter: ProductFilter | undefined | null): FilterQuery<Product> {
  const conditions: FilterQuery<Product>[] = [];
  if (filter?.search?.trim()) {
    const tsQuery = prefixTsQuery(filter.search);
    const sku = normalizeSku(filter.search);
    const alternatives: FilterQuery<Product>[] = [];
    if (tsQuery) alternatives.push({ [raw((alias) => `${alias}.search @@ to_tsquery('simple', ?)`, [tsQuery])]: true });
    if (sku.length >= 3) alternatives.push({ skuNormalized: { $like: `${sku}%` } });
    conditions.push(alternatives.length ? { $or: alternatives } : { id: null });
  }
  if (filter?.brands?.length) {
    conditions.push({ [raw((alias) => `lower(${alias}.brand)`)]: { $in: filter.brands.map((b) => b.trim().toLowerCase()) } });
  }
  if (filter?.categories?.length) conditions.push({ category: { $in: filter.categories } });
  if (filter?.tier) {
    conditions.push(filter.tier === ProductTier.HOT ? { popularity: { $gte: HOT_POPULARITY } } : { popularity: { $lt: HOT_POPULARITY } });
  }
  if (filter?.ids) {
    const uuids = filter.ids.map((id) => uuidOf(id, 'Product')).filter((u): u is string => !!u);
    conditions.push({ id: { $in: uuids } });
  }
  return conditions.length ? { $and: conditions } : {};
}

/** One page of the catalog; counts the whole list only when `totalCount` is selected. */
export async function listProducts(
  ctx: Context,
  filter: ProductFilter | undefined,
  order: ProductOrder | undefined,
  args: ConnectionArgs,
  info?: GraphQLResolveInfo,
): Promise<ConnectionShape<Product>> {
  const window = pageWindow(args, info);
  const direction = (order?.direction ?? OrderDirection.DESC) === OrderDirection.ASC ? 'asc' : 'desc';
  const column = ORDER_COLUMNS[order?.field ?? ProductOrderField.POPULARITY][direction];
  const page = await ctx.em.findByCursor(Product, whereOf(filter), {
    ...window,
    orderBy: { [column]: direction, id: 'asc' } as QueryOrderMap<Product>,
    ...(LAZY_SORT_KEYS.has(column) ? { populate: [column] as never } : {}),
  });
  return connectionFromCursor(page);
}
