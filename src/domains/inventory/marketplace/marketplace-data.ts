import type Decimal from 'decimal.js';
import { Dec, Money } from '../../../common/money';
import { computeBuyerCost, computeNetProceeds } from '../../catalog';
import type { MarketplaceData } from '../api/marketplace-data.types';
import { PriceBasis } from '../entities/inventory.enums';
import type { PlatformMarket } from './platform-market';

/** A price to estimate a sale at, and which one it is. */
export interface BasisPrice {
  basis: PriceBasis;
  price: Decimal;
  currency: string;
}

const FALLBACK: readonly PriceBasis[] = [PriceBasis.OUR_ASK, PriceBasis.LOWEST_ASK, PriceBasis.LAST_SALE, PriceBasis.HIGHEST_BID];

function priceOn(entry: PlatformMarket, basis: PriceBasis): BasisPrice | null {
  if (basis === PriceBasis.OUR_ASK) {
    return entry.listing ? { basis, price: new Dec(entry.listing.askPrice), currency: entry.listing.currency.trim() } : null;
  }
  const market = entry.market;
  const price = !market ? null : basis === PriceBasis.LOWEST_ASK ? market.lowestAsk : basis === PriceBasis.HIGHEST_BID ? market.highestBid : market.lastSale;
  return price && price.gt(0) ? { basis, price, currency: market!.currency } : null;
}

/** The first available price of `preferred`, then our ask, the lowest ask, the last sale and the highest bid. */
export function pickPrice(entry: PlatformMarket, preferred?: PriceBasis): BasisPrice | null {
  const order = preferred ? [preferred, ...FALLBACK.filter((b) => b !== preferred)] : FALLBACK;
  for (const basis of order) {
    const found = priceOn(entry, basis);
    if (found) return found;
  }
  return null;
}

const ratio = (value: Decimal) => value.toDecimalPlaces(4, Dec.ROUND_HALF_EVEN);

/** The per-platform view of one item: market, our ask, fees and the estimated net of a sale. */
export function marketplaceDataOf(entry: PlatformMarket): MarketplaceData {
  const { platform, market, listing } = entry;
  const estimate = pickPrice(entry);
  const proceeds = estimate ? computeNetProceeds({ salePrice: estimate.price, schedule: platform }) : null;
  const currency = market?.currency ?? listing?.currency.trim() ?? platform.defaultCurrency.trim();
  const velocity =
    market?.sales7d != null ? new Dec(market.sales7d).div(7) : market?.sales30d != null ? new Dec(market.sales30d).div(30) : null;
  const buyerPays = market?.lowestAsk ? computeBuyerCost(market.lowestAsk, platform).total : null;
  return {
    platform,
    ourAsk: listing ? Money.of(listing.askPrice, listing.currency.trim()) : null,
    lowestAsk: Money.of(market?.lowestAsk, currency),
    highestBid: Money.of(market?.highestBid, currency),
    lastSale: Money.of(market?.lastSale, currency),
    salesLast7Days: market?.sales7d ?? null,
    salesLast30Days: market?.sales30d ?? null,
    salesPerDay: velocity ? velocity.toDecimalPlaces(2, Dec.ROUND_HALF_EVEN) : null,
    volatility: market?.volatility ?? null,
    sellerFeeRate: new Dec(platform.sellerFeeRate),
    feeRate: proceeds && estimate!.price.gt(0) ? ratio(proceeds.total.div(estimate!.price)) : null,
    estimateBasis: estimate?.basis ?? null,
    estimatedNet: proceeds ? Money.of(proceeds.netProceeds, estimate!.currency) : null,
    capturedAt: market?.capturedAt ?? null,
    platformData: {
      slug: platform.slug,
      kind: platform.kind,
      currency,
      source: market?.source ?? null,
      listingStatus: listing?.status ?? null,
      buyerFeeRate: new Dec(platform.buyerFeeRate).toFixed(),
      buyerPaysAtLowestAsk: buyerPays?.toFixed(2) ?? null,
      fixedFee: new Dec(platform.fixedFee).toFixed(2),
      minimumFee: new Dec(platform.minimumFee).toFixed(2),
      minimumFeeApplied: proceeds?.minimumFeeApplied ?? null,
      previousLowestAsk: market?.previousLowestAsk?.toFixed(2) ?? null,
      previousHighestBid: market?.previousHighestBid?.toFixed(2) ?? null,
      changedAt: market?.changedAt?.toISOString() ?? null,
    },
  };
}
