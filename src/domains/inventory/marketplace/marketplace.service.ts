import type { Context } from '../../../common/context';
import { AllPlatformsLoader } from '../../catalog';
import { LatestPricesByVariantLoader } from '../../market';
import type { ItemValuation, MarketplaceData } from '../api/marketplace-data.types';
import type { InventoryItem } from '../entities/inventory-item.entity';
import { PriceBasis } from '../entities/inventory.enums';
import { itemListings } from '../item-listing-source';
import { marketplaceDataOf } from './marketplace-data';
import { platformMarkets, type PlatformMarket } from './platform-market';
import { valuate } from './valuation';

/**
 * Prices, platforms and listings of one item, each through a per-operation loader: a page of items costs one
 * statement per kind, whatever its length.
 */
export async function marketsOfItem(ctx: Context, item: InventoryItem): Promise<PlatformMarket[]> {
  const [prices, platforms, listings] = await Promise.all([
    ctx.loaders.get(LatestPricesByVariantLoader).load(item.variantId),
    ctx.loaders.get(AllPlatformsLoader).load('all'),
    itemListings(ctx, item.id),
  ]);
  return platformMarkets(prices, platforms, listings);
}

/** The item's per-platform marketplace data, computed on read. */
export async function marketplaceData(ctx: Context, item: InventoryItem, platforms?: string[] | null): Promise<MarketplaceData[]> {
  const wanted = platforms?.length ? new Set(platforms.map((p) => p.trim().toLowerCase())) : null;
  const entries = await marketsOfItem(ctx, item);
  return entries.filter((e) => !wanted || wanted.has(e.platform.slug)).map(marketplaceDataOf);
}

/** The item's market value and unrealized profit per platform, net of fees. */
export async function valuation(ctx: Context, item: InventoryItem, basis: PriceBasis = PriceBasis.LOWEST_ASK): Promise<ItemValuation> {
  const entries = await marketsOfItem(ctx, item);
  return valuate({ unitCost: item.purchasePriceAmount, currency: item.purchaseCurrency.trim(), units: item.quantityAvailable }, entries, basis);
}
