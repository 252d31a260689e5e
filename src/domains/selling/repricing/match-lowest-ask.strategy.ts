import { Dec } from '../../../common/money';
import { formatPrice } from './price-ticks';
import { RepricingStrategyKind, type RepricingStrategy, type StrategyInput, type StrategyProposal } from './repricing-strategy';

/** MATCH_LOWEST_ASK: ask exactly what the cheapest competitor asks. */
export class MatchLowestAskStrategy implements RepricingStrategy {
  readonly kind = RepricingStrategyKind.MATCH_LOWEST_ASK;

  propose({ market }: StrategyInput): StrategyProposal {
    if (!market.lowestAsk) return { target: null, explanation: 'no lowest ask on the market to match' };
    return { target: new Dec(market.lowestAsk), explanation: `match the lowest ask ${formatPrice(market.lowestAsk)}` };
  }
}
