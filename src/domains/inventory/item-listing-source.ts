import type Decimal from 'decimal.js';
import type { Context, LoaderFactory } from '../../common/context';

/** What inventory needs to know about an item's listing on one platform ("our ask"). */
export interface ItemListingView {
  listingId: string;
  platformId: string;
  askPrice: Decimal;
  currency: string;
  /** The listing's status; only live listings (draft, pending, active, inactive) are given. */
  status: string;
}

let source: LoaderFactory<string, ItemListingView[]> | undefined;

/**
 * Plugs the selling domain's listings into marketplace data and valuations: selling depends on inventory,
 * so it registers its loader here (at import) instead of inventory importing selling.
 */
export function setItemListingSource(factory: LoaderFactory<string, ItemListingView[]> | undefined): void {
  source = factory;
}

/** The live listings of an item, batched through the registered loader; none when no listing store is registered. */
export function itemListings(ctx: Context, itemId: string): Promise<ItemListingView[]> {
  return source ? ctx.loaders.get(source).load(itemId) : Promise.resolve([]);
}
