import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { randomUUID } from 'node:crypto';
import { normalizeSku, numericSizeOf } from '../domains/catalog/sku';
import { catalogProducts } from './data/catalog-products';

/**
 * Loads the demo catalog (real sneakers and cards with full size runs and platform ids).
 * Idempotent: products already present (by normalized SKU) are left as they are.
 */
export async function seedDemoCatalog(em: EntityManager): Promise<{ products: number; variants: number; externalRefs: number }> {
  const knex = em.getKnex();
  return knex.transaction(async (trx) => {
    const platforms: Array<{ id: string; slug: string }> = await trx('platform').select('id', 'slug');
    const platformId = new Map(platforms.map((p) => [p.slug, p.id]));
    const products = catalogProducts.map((p) => ({
      id: randomUUID(),
      sku: p.sku,
      sku_normalized: normalizeSku(p.sku),
      brand: p.brand,
      model: p.model,
      name: p.name,
      colorway: p.colorway,
      category: p.category,
      release_date: p.releaseDate,
      retail_price: p.retailPrice,
      image_url: p.imageUrl,
      popularity: p.popularity,
    }));
    const inserted: Array<{ id: string; sku_normalized: string }> = await trx('product')
      .insert(products)
      .onConflict('sku_normalized')
      .ignore()
      .returning(['id', 'sku_normalized']);
    const idBySku = new Map(inserted.map((r) => [r.sku_normalized, r.id]));
    const variants: Record<string, unknown>[] = [];
    const refs: Record<string, unknown>[] = [];
    for (const p of catalogProducts) {
      const productId = idBySku.get(normalizeSku(p.sku));
      if (!productId) continue;
      p.sizes.forEach((sizeKey, position) =>
        variants.push({ id: randomUUID(), product_id: productId, size_key: sizeKey, numeric_size: numericSizeOf(sizeKey), size_system: p.sizeSystem, position }),
      );
      for (const ref of p.externalRefs) {
        const pid = platformId.get(ref.platform);
        if (pid) refs.push({ id: randomUUID(), platform_id: pid, kind: 'PRODUCT', product_id: productId, external_id: ref.externalId });
      }
    }
    if (variants.length) await trx.batchInsert('variant', variants, 1000);
    if (refs.length) await trx('external_ref').insert(refs).onConflict(['platform_id', 'kind', 'external_id']).ignore();
    return { products: inserted.length, variants: variants.length, externalRefs: refs.length };
  });
}

/** `npm run seed` entry for MikroORM's seeder. */
export class DemoCatalogSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    await seedDemoCatalog(em);
  }
}
