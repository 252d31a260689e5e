import { CompetitiveStrategy } from './competitive.strategy';
import { FixedStrategy } from './fixed.strategy';
import { HighestBidStrategy } from './highest-bid.strategy';
import { MatchLowestAskStrategy } from './match-lowest-ask.strategy';
import { ProfitMaximizationStrategy } from './profit-maximization.strategy';
import { RepricingStrategyKind, type RepricingStrategy } from './repricing-strategy';

const STRATEGIES: Record<RepricingStrategyKind, RepricingStrategy> = {
  [RepricingStrategyKind.COMPETITIVE]: new CompetitiveStrategy(),
  [RepricingStrategyKind.MATCH_LOWEST_ASK]: new MatchLowestAskStrategy(),
  [RepricingStrategyKind.HIGHEST_BID]: new HighestBidStrategy(),
  [RepricingStrategyKind.PROFIT_MAXIMIZATION]: new ProfitMaximizationStrategy(),
  [RepricingStrategyKind.FIXED]: new FixedStrategy(),
};

/** The (stateless) strategy implementing a kind. */
export function repricingStrategyFor(kind: RepricingStrategyKind): RepricingStrategy {
  const strategy = STRATEGIES[kind];
  if (!strategy) throw new RangeError(`unknown repricing strategy ${String(kind)}`);
  return strategy;
}
