import { entityByIdLoader } from '../../common/loaders';
import { InventoryItem } from './entities/inventory-item.entity';

/** The viewer's inventory items by id (tenant-filtered; anonymous viewers see none). */
export const InventoryItemByIdLoader = entityByIdLoader(InventoryItem, (ctx) => (ctx.viewer ? {} : null));
