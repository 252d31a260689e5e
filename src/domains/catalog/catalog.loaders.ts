import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../common/context';
import { entitiesByKeyLoader, entityByIdLoader } from '../../common/loaders';
import { ExternalRef } from './entities/external-ref.entity';
import { Platform } from './entities/platform.entity';
import { Product } from './entities/product.entity';
import { Variant } from './entities/variant.entity';

export const ProductByIdLoader = entityByIdLoader(Product);
export const VariantByIdLoader = entityByIdLoader(Variant);
export const ExternalRefByIdLoader = entityByIdLoader(ExternalRef);
export const VariantsByProductLoader = entitiesByKeyLoader(Variant, 'productId', (v) => v.productId, { position: 'asc', id: 'asc' });
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
