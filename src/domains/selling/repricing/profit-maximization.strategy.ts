import type Decimal from 'decimal.js';
import { Dec } from '../../../common/money';
import { floorToTick, formatPrice, TICK } from './price-ticks';
import { RepricingStrategyKind, type MarketView, type RepricingStrategy, type StrategyInput, type StrategyProposal } from './repricing-strategy';

/**
 * PROFIT_MAXIMIZATION: the highest price that still sells soon.
 *
 * A listing sells next when it is the cheapest ask, so the top of the useful range is one cent
 * under the lowest ask (the lowest ask itself when that ask is ours); the bottom is the highest bid,
 * a sale that is certain now. Where in that spread to sit depends on how sure a sale is:
 *
 *   weight = velocity / (velocity + 1) × (1 − volatility)
 *   target = bid + weight × (top − bid), rounded down to the cent
 *
 * with velocity = sales per day (7-day count / 7, else 30-day count / 30, else 0). One sale a day
 * in a calm market sits half-way; a fast, calm market sits close to the top; no sales or a wild
 * market (volatility 1) sit on the bid. Edge cases:
 * - a bid at or above the top (crossed or one-cent spread): the bid, which beats undercutting;
 * - no bid: the last sale stands in for it when it is under the top, else the top;
 * - no ask at all: nobody to undercut, so the higher of last sale and bid; neither: no target.
 */
export class ProfitMaximizationStrategy implements RepricingStrategy {
  readonly kind = RepricingStrategyKind.PROFIT_MAXIMIZATION;

  propose({ market }: StrategyInput): StrategyProposal {
    const { lowestAsk, highestBid, lastSale } = market;
    if (!lowestAsk) {
      const anchors = [lastSale, highestBid].filter((value): value is Decimal => value != null);
      if (!anchors.length) return { target: null, explanation: 'no ask, bid or sale on the market to price against' };
      const target = Dec.max(...anchors);
      return { target, explanation: `no competing ask: price at the best of last sale and highest bid, ${formatPrice(target)}` };
    }
    const top = market.lowestAskIsOwn ? new Dec(lowestAsk) : new Dec(lowestAsk).minus(TICK);
    if (highestBid && new Dec(highestBid).gte(top)) {
      const explanation = `the highest bid ${formatPrice(highestBid)} is at or above the lowest ask ${formatPrice(lowestAsk)}: sell into the bid`;
      return { target: new Dec(highestBid), explanation };
    }
    const [bottom, bottomName] = highestBid
      ? [new Dec(highestBid), 'highest bid']
      : lastSale && new Dec(lastSale).lt(top)
        ? [new Dec(lastSale), 'last sale']
        : [top, 'lowest ask − 0.01'];
    const { weight, velocity, volatility } = sellThroughWeight(market);
    const target = floorToTick(bottom.plus(weight.times(top.minus(bottom))));
    return {
      target,
      explanation:
        `${weight.toFixed(2)} of the way from the ${bottomName} ${formatPrice(bottom)} to ${formatPrice(top)} ` +
        `(${velocity.toDecimalPlaces(2).toFixed()} sales/day, volatility ${volatility.toFixed()}) → ${formatPrice(target)}`,
    };
  }
}

/** How far toward the top of the spread a listing can sit and still sell: 0 (the bid) to just under 1. */
export function sellThroughWeight(market: MarketView): { weight: Decimal; velocity: Decimal; volatility: Decimal } {
  const velocity =
    market.salesLast7Days != null
      ? new Dec(market.salesLast7Days).div(7)
      : market.salesLast30Days != null
        ? new Dec(market.salesLast30Days).div(30)
        : new Dec(0);
  const volatility = Dec.min(1, Dec.max(0, market.volatility ?? 0));
  const weight = velocity.div(velocity.plus(1)).times(new Dec(1).minus(volatility));
  return { weight, velocity, volatility };
}
