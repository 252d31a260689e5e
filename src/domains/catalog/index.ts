import { registerNodeType } from '../../common/node';
import { CatalogAdminResolver } from './api/catalog-admin.resolver';
import { ExternalRefResolver } from './api/external-ref.resolver';
import { PlatformResolver } from './api/platform.resolver';
import { ProductResolver } from './api/product.resolver';
import { VariantResolver } from './api/variant.resolver';
import { ExternalRefByIdLoader, PlatformByIdLoader, ProductByIdLoader, VariantByIdLoader } from './catalog.loaders';
import { ExternalRef } from './entities/external-ref.entity';
import { Platform } from './entities/platform.entity';
import { Product } from './entities/product.entity';
import { Variant } from './entities/variant.entity';

registerNodeType(Platform, 'Platform', { loader: PlatformByIdLoader });
registerNodeType(Product, 'Product', { loader: ProductByIdLoader });
registerNodeType(Variant, 'Variant', { loader: VariantByIdLoader });
registerNodeType(ExternalRef, 'ExternalRef', { loader: ExternalRefByIdLoader });

export const catalogEntities = [Platform, Product, Variant, ExternalRef];
export const catalogResolvers = [PlatformResolver, ProductResolver, VariantResolver, ExternalRefResolver, CatalogAdminResolver] as const;
export { normalizeSku } from './sku';
export * from './catalog.loaders';
export { Platform, Product, Variant, ExternalRef };
export { HOT_POPULARITY } from './entities/product.entity';
export { nextPopularity, popularityDecay } from './popularity';
export { ProductViewRecorder, recordProductView, startProductViews } from './product-views';
export * from './fees/fees';
export * from './fees/net-proceeds';
