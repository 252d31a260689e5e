import { Dec } from '../../../common/money';
import { formatPrice } from './price-ticks';
import { RepricingStrategyKind, type RepricingStrategy, type StrategyInput, type StrategyProposal } from './repricing-strategy';

/** HIGHEST_BID: ask what the best buyer already bids, for a sale as soon as the bid is filled. */
export class HighestBidStrategy implements RepricingStrategy {
  readonly kind = RepricingStrategyKind.HIGHEST_BID;

  propose({ market }: StrategyInput): StrategyProposal {
    if (!market.highestBid) return { target: null, explanation: 'no bid on the market to meet' };
    return { target: new Dec(market.highestBid), explanation: `meet the highest bid ${formatPrice(market.highestBid)}` };
  }
}
