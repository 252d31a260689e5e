import { registerNodeType } from '../../common/node';
import { InventoryItemResolver } from './api/inventory-item.resolver';
import { InventoryItem } from './entities/inventory-item.entity';
import { InventoryItemByIdLoader } from './inventory.loaders';

registerNodeType(InventoryItem, 'InventoryItem', { loader: InventoryItemByIdLoader, visible: (ctx) => !!ctx.viewer });

export const inventoryEntities = [InventoryItem];
export const inventoryResolvers = [InventoryItemResolver] as const;

export { InventoryItem };
export { InventoryStatus, ItemCondition, PriceBasis } from './entities/inventory.enums';
export { InventoryItemByIdLoader } from './inventory.loaders';
export { findInventoryItem } from './inventory.service';
export { setItemListingSource, type ItemListingView } from './item-listing-source';
export { applyItemListingState, recordItemSale, whyNotSellable } from './item-state';
export { marketsOfItem } from './marketplace/marketplace.service';
export { pickPrice, type BasisPrice } from './marketplace/marketplace-data';
export type { PlatformMarket } from './marketplace/platform-market';
export { moneyErrors, normalizeCurrency, MAX_UNIT_PRICE } from './inventory-validation';
