import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../common/context';
import { pgArray, rawRows } from '../../common/sql';
import { SizeSystem } from './entities/catalog.enums';
import { entitiesByKeyLoader, entityByIdLoader } from '../../common/loaders';
import { ExternalRef } from './entities/external-ref.entity';
import { Platform } from './entities/platform.entity';
import { Product } from './entities/product.entity';
import { Variant } from './entities/variant.entity';

export const ProductByIdLoader = entityByIdLoader(Product);
export const VariantByIdLoader = entityByIdLoader(Variant);
export const ExternalRefByIdLoader = entityByIdLoader(ExternalRef);
/**
 * Sizes of products in one statement, without ORM hydration: a page of 50 products reaches about a thousand
 * variants, and hydrating them cost more than the rest of the request (they are read-only here).
 */
export const VariantsByProductLoader: LoaderFactory<string, Variant[]> = (ctx) =>
  new DataLoader(async (productIds) => {
    const rows = await rawRows<VariantRow>(
      ctx.em,
      `select id, product_id, size_key, numeric_size, size_system, position, created_at, updated_at
         from variant where product_id = any(?::uuid[]) order by product_id, position, id`,
      [pgArray(productIds)],
    );
    const groups = new Map<string, Variant[]>(productIds.map((id) => [id, []]));
    for (const row of rows) groups.get(row.product_id)?.push(variantFromRow(row));
    return productIds.map((id) => groups.get(id)!);
  });

interface VariantRow {
  id: string;
  product_id: string;
  size_key: string;
  numeric_size: number | null;
  size_system: SizeSystem;
  position: number;
  created_at: Date;
  updated_at: Date;
}

/** Own data properties, not assignments: the entity prototype's ORM accessors (relation propagation) cost more than the read. */
function variantFromRow(row: VariantRow): Variant {
  return Object.create(Variant.prototype, {
    id: { value: row.id, enumerable: true, writable: true },
    productId: { value: row.product_id, enumerable: true, writable: true },
    sizeKey: { value: row.size_key, enumerable: true, writable: true },
    numericSize: { value: row.numeric_size, enumerable: true, writable: true },
    sizeSystem: { value: row.size_system, enumerable: true, writable: true },
    position: { value: row.position, enumerable: true, writable: true },
    createdAt: { value: row.created_at, enumerable: true, writable: true },
    updatedAt: { value: row.updated_at, enumerable: true, writable: true },
  }) as Variant;
}

export const ExternalRefsByProductLoader = entitiesByKeyLoader(ExternalRef, 'productId', (r) => r.productId, { kind: 'asc', externalId: 'asc' });
export const ExternalRefsByVariantLoader = entitiesByKeyLoader(ExternalRef, 'variantId', (r) => r.variantId!, { externalId: 'asc' });

/** Every platform, loaded once per operation (there are a handful); keyed by id and by slug. */
export const AllPlatformsLoader: LoaderFactory<'all', Platform[]> = (ctx) =>
  new DataLoader(async (keys) => {
    const platforms = await ctx.em.find(Platform, {}, { orderBy: { slug: 'asc' } });
    return keys.map(() => platforms);
  });

export const PlatformByIdLoader: LoaderFactory<string, Platform | null> = (ctx) =>
  new DataLoader(async (ids) => {
    const all = await ctx.loaders.get(AllPlatformsLoader).load('all');
    return ids.map((id) => all.find((p) => p.id === id) ?? null);
  });

export const PlatformBySlugLoader: LoaderFactory<string, Platform | null> = (ctx) =>
  new DataLoader(async (slugs) => {
    const all = await ctx.loaders.get(AllPlatformsLoader).load('all');
    return slugs.map((slug) => all.find((p) => p.slug === slug.toLowerCase()) ?? null);
  });
