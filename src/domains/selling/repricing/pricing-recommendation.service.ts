import type Decimal from 'decimal.js';
import type { Context } from '../../../common/context';
import { Dec, Money, roundMoney } from '../../../common/money';
import { computeNetProceeds, type Platform } from '../../catalog';
import { marketsOfItem, type InventoryItem, type PlatformMarket } from '../../inventory';
import { listingFloor, repricingListingOf } from '../listings/listing-pricing';
import { decideReprice, type RepricingGuard } from './decide-reprice';
import { repricingStrategyFor } from './repricing-strategies';
import type { MarketView, RepricingRuleSettings, RepricingStrategyKind } from './repricing-strategy';

/** What a strategy would ask for an item on one platform, and what that sale would earn. */
export interface PricingRecommendationRow {
  platform: Platform;
  strategy: RepricingStrategyKind;
  price: Money | null;
  floor: Money | null;
  expectedNet: Money | null;
  expectedProfit: Money | null;
  margin: Decimal | null;
  roi: Decimal | null;
  guards: RepricingGuard[];
  reason: string;
}

const ratio = (value: Decimal) => value.toDecimalPlaces(4, Dec.ROUND_HALF_EVEN);

function marketOf(entry: PlatformMarket, ownAsk: Decimal | null): MarketView | null {
  const m = entry.market;
  if (!m) return null;
  return {
    lowestAsk: m.lowestAsk,
    highestBid: m.highestBid,
    lastSale: m.lastSale,
    salesLast7Days: m.sales7d,
    salesLast30Days: m.sales30d,
    volatility: m.volatility,
    lowestAskIsOwn: !!(ownAsk && m.lowestAsk && m.lowestAsk.eq(ownAsk)),
  };
}

/** One platform's recommendation: the strategy's target, held between the fee-aware floor and any ceiling. */
function recommend(item: InventoryItem, entry: PlatformMarket, rule: RepricingRuleSettings): PricingRecommendationRow {
  const { platform } = entry;
  const base = { platform, strategy: rule.strategy, price: null, floor: null, expectedNet: null, expectedProfit: null, margin: null, roi: null, guards: [] };
  const ownAsk = entry.listing ? new Dec(entry.listing.askPrice) : null;
  const market = marketOf(entry, ownAsk);
  if (!market) return { ...base, reason: `no market data on ${platform.name}` };
  const currency = entry.market!.currency;
  if (currency !== item.purchaseCurrency.trim()) return { ...base, reason: `${platform.name} trades in ${currency}, the item was bought in ${item.purchaseCurrency.trim()}` };
  const cost = item.purchasePriceAmount;
  const floor = listingFloor({ costBasis: cost }, platform, rule);
  const listing = repricingListingOf({ askPrice: ownAsk ?? floor, costBasis: cost }, platform);
  const proposal = repricingStrategyFor(rule.strategy).propose({ listing, market, rule });
  if (!proposal.target) return { ...base, floor: Money.of(floor, currency), reason: proposal.explanation };
  const decision = decideReprice(listing, market, { ...rule, maxChangePercent: null, cooldownSeconds: null }, new Date());
  const price = decision.proposedPrice ?? floor;
  const net = computeNetProceeds({ salePrice: price, schedule: platform }).netProceeds;
  const profit = roundMoney(net.minus(cost));
  return {
    ...base,
    price: Money.of(price, currency),
    floor: Money.of(decision.floor, currency),
    expectedNet: Money.of(net, currency),
    expectedProfit: Money.of(profit, currency),
    margin: price.gt(0) ? ratio(profit.div(price)) : null,
    roi: cost.gt(0) ? ratio(profit.div(cost)) : null,
    guards: decision.guards,
    reason: decision.reason,
  };
}

/** Per platform with market data: the price `strategy` would ask for the item, with expected net, profit and margin. */
export async function pricingRecommendations(ctx: Context, item: InventoryItem, rule: RepricingRuleSettings): Promise<PricingRecommendationRow[]> {
  const entries = await marketsOfItem(ctx, item);
  return entries.filter((e) => e.market).map((entry) => recommend(item, entry, rule));
}
