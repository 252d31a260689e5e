import { InventoryStatus } from './entities/inventory.enums';
import type { InventoryItem } from './entities/inventory-item.entity';

/** Statuses in which an item can be offered for sale. */
export const SELLABLE_STATUSES: readonly InventoryStatus[] = [InventoryStatus.IN_STOCK, InventoryStatus.LISTED, InventoryStatus.RETURNED];

/** Why an item cannot be listed, or null when it can. */
export function whyNotSellable(item: InventoryItem): string | null {
  if (!SELLABLE_STATUSES.includes(item.status)) return `the item is ${item.status}`;
  if (item.quantityAvailable <= 0) return 'every unit of the item is sold';
  return null;
}

/** Follows the item's listings: LISTED while one is live on a platform, back to IN_STOCK otherwise. */
export function applyItemListingState(item: InventoryItem, hasLiveListing: boolean): void {
  if (!SELLABLE_STATUSES.includes(item.status)) return;
  item.status = hasLiveListing ? InventoryStatus.LISTED : item.status === InventoryStatus.LISTED ? InventoryStatus.IN_STOCK : item.status;
}

/**
 * Records the sale of `units`; returns true when the item is sold out (its other listings must come down).
 * Units never exceed the quantity: a late duplicate sale report cannot oversell. The item must be locked
 * (`lockRow`) in the transaction that writes it, else a concurrent sale's units are overwritten.
 */
export function recordItemSale(item: InventoryItem, units = 1): boolean {
  item.quantitySold = Math.min(item.quantity, item.quantitySold + units);
  if (item.quantitySold >= item.quantity) item.status = InventoryStatus.SOLD;
  return item.status === InventoryStatus.SOLD;
}
