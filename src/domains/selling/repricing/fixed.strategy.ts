import { Dec } from '../../../common/money';
import { formatPrice } from './price-ticks';
import { RepricingStrategyKind, type RepricingStrategy, type StrategyInput, type StrategyProposal } from './repricing-strategy';

/** FIXED: ignore the market; hold the rule's fixed price, or the current ask when the rule sets none. */
export class FixedStrategy implements RepricingStrategy {
  readonly kind = RepricingStrategyKind.FIXED;

  propose({ listing, rule }: StrategyInput): StrategyProposal {
    if (rule.fixedPrice != null) return { target: new Dec(rule.fixedPrice), explanation: `hold the fixed price ${formatPrice(rule.fixedPrice)}` };
    return { target: new Dec(listing.askPrice), explanation: `hold the current ask ${formatPrice(listing.askPrice)}` };
  }
}
