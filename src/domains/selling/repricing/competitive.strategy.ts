import { Dec } from '../../../common/money';
import { floorToTick, formatPrice, TICK } from './price-ticks';
import { RepricingStrategyKind, type RepricingStrategy, type StrategyInput, type StrategyProposal } from './repricing-strategy';

/**
 * COMPETITIVE: undercut the market's lowest ask by an amount, else by a percent of it, else by one
 * cent, rounded down to the cent so the result really is below the lowest ask.
 */
export class CompetitiveStrategy implements RepricingStrategy {
  readonly kind = RepricingStrategyKind.COMPETITIVE;

  propose({ listing, market, rule }: StrategyInput): StrategyProposal {
    const lowest = market.lowestAsk;
    if (!lowest) return { target: null, explanation: 'no lowest ask on the market to undercut' };
    if (market.lowestAskIsOwn) {
      // Undercutting ourselves would walk the price down by a step every run for nothing.
      return { target: new Dec(listing.askPrice), explanation: `already the lowest ask at ${formatPrice(lowest)}` };
    }
    const [step, how] =
      rule.undercutAmount != null
        ? [new Dec(rule.undercutAmount), formatPrice(rule.undercutAmount)]
        : rule.undercutPercent != null
          ? [new Dec(lowest).times(rule.undercutPercent).div(100), `${new Dec(rule.undercutPercent).toFixed()} %`]
          : [TICK, 'one cent'];
    const target = floorToTick(new Dec(lowest).minus(step));
    return { target, explanation: `undercut the lowest ask ${formatPrice(lowest)} by ${how} → ${formatPrice(target)}` };
  }
}
