import type Decimal from 'decimal.js';
import { Dec } from '../../../common/money';
import type { Platform } from '../../catalog';
import type { LatestPriceRow } from '../../market';
import { effectiveFloor } from '../repricing/decide-reprice';
import type { MarketView, RepricingListing, RepricingRuleSettings } from '../repricing/repricing-strategy';
import { RepricingStrategyKind } from '../repricing/repricing-strategy';

const dec = (value: string | null): Decimal | null => (value === null ? null : new Dec(value));

/** The latest market of a listing's size on its platform, or null when there is none in the listing's currency. */
export function marketViewOf(prices: readonly LatestPriceRow[], platformId: string, currency: string, ownAsk?: Decimal | null): MarketView | null {
  const row = prices.find((p) => p.platform_id === platformId);
  if (!row || row.currency.trim() !== currency.trim()) return null;
  const lowestAsk = dec(row.lowest_ask);
  return {
    lowestAsk,
    highestBid: dec(row.highest_bid),
    lastSale: dec(row.last_sale),
    salesLast7Days: row.sales_7d,
    salesLast30Days: row.sales_30d,
    volatility: dec(row.volatility),
    // Our own ask at the top of the book: undercutting it would chase our own price down.
    lowestAskIsOwn: !!(ownAsk && lowestAsk && lowestAsk.eq(ownAsk)),
  };
}

/** A market with nothing in it, for listings whose size has no prices (yet) on their platform. */
export const EMPTY_MARKET: MarketView = { lowestAsk: null, highestBid: null, lastSale: null, salesLast7Days: null, salesLast30Days: null, volatility: null };

/** The repricer's view of a listing: ask, cost, cooldown clock and the platform's fees for a fee-aware floor. */
export function repricingListingOf(facts: { askPrice: Decimal; costBasis: Decimal; lastPriceChangeAt?: Date | null }, platform: Platform): RepricingListing {
  return { askPrice: new Dec(facts.askPrice), costBasis: new Dec(facts.costBasis), lastPriceChangeAt: facts.lastPriceChangeAt ?? null, fees: { schedule: platform } };
}

/** Settings of a listing that has no rule: hold the ask, floor at break-even after fees. */
export const NO_RULE: RepricingRuleSettings = { strategy: RepricingStrategyKind.FIXED };

/**
 * The floor a listing never goes below: the rule's explicit floor, else the lowest ask whose net proceeds after
 * the platform's fees still cover the cost basis plus the rule's minimum margin.
 */
export function listingFloor(facts: { costBasis: Decimal }, platform: Platform, rule: RepricingRuleSettings | null): Decimal {
  return effectiveFloor(repricingListingOf({ askPrice: new Dec(0), costBasis: facts.costBasis }, platform), rule ?? NO_RULE).floor;
}
