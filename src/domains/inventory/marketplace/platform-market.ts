import type Decimal from 'decimal.js';
import { Dec } from '../../../common/money';
import type { Platform } from '../../catalog';
import type { LatestPriceRow } from '../../market';
import type { ItemListingView } from '../item-listing-source';

/** Everything known about one platform for one item: its fees, its latest market prices, our live listing. */
export interface PlatformMarket {
  platform: Platform;
  /** Latest market prices; null when the platform has none for this size. */
  market: {
    currency: string;
    lowestAsk: Decimal | null;
    highestBid: Decimal | null;
    lastSale: Decimal | null;
    previousLowestAsk: Decimal | null;
    previousHighestBid: Decimal | null;
    sales7d: number | null;
    sales30d: number | null;
    volatility: Decimal | null;
    source: string;
    capturedAt: Date;
    changedAt: Date | null;
  } | null;
  listing: ItemListingView | null;
}

const dec = (value: string | null): Decimal | null => (value === null ? null : new Dec(value));

/** Joins prices, platforms and listings into one entry per platform that has either, in platform slug order. */
export function platformMarkets(prices: LatestPriceRow[], platforms: Platform[], listings: ItemListingView[]): PlatformMarket[] {
  const byPlatform = new Map<string, PlatformMarket>();
  const entry = (platformId: string): PlatformMarket | null => {
    const platform = platforms.find((p) => p.id === platformId);
    if (!platform) return null;
    let found = byPlatform.get(platformId);
    if (!found) byPlatform.set(platformId, (found = { platform, market: null, listing: null }));
    return found;
  };
  for (const row of prices) {
    const target = entry(row.platform_id);
    if (!target) continue;
    target.market = {
      currency: row.currency.trim(),
      lowestAsk: dec(row.lowest_ask),
      highestBid: dec(row.highest_bid),
      lastSale: dec(row.last_sale),
      previousLowestAsk: dec(row.prev_lowest_ask),
      previousHighestBid: dec(row.prev_highest_bid),
      sales7d: row.sales_7d,
      sales30d: row.sales_30d,
      volatility: dec(row.volatility),
      source: row.source,
      capturedAt: new Date(row.captured_at),
      changedAt: row.changed_at ? new Date(row.changed_at) : null,
    };
  }
  for (const listing of listings) {
    const target = entry(listing.platformId);
    if (target && (!target.listing || listing.status === 'ACTIVE')) target.listing = listing;
  }
  return [...byPlatform.values()].sort((a, b) => a.platform.slug.localeCompare(b.platform.slug));
}
