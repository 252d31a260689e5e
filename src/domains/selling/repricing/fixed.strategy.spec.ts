import { Dec } from '../../../common/money';
import { FixedStrategy } from './fixed.strategy';
import { RepricingStrategyKind, type MarketView } from './repricing-strategy';

const d = (value: string) => new Dec(value);
const listing = { askPrice: d('130.00'), costBasis: d('80.00'), lastPriceChangeAt: null };
const market: MarketView = { lowestAsk: d('120.00'), highestBid: d('100.00'), lastSale: null, salesLast7Days: 3, volatility: null };

describe('FixedStrategy', () => {
  it('holds the fixed price whatever the market does', () => {
    const rule = { strategy: RepricingStrategyKind.FIXED, fixedPrice: d('150.00') };
    expect(new FixedStrategy().propose({ listing, market, rule }).target?.toFixed(2)).toBe('150.00');
  });

  it('holds the current ask when the rule sets no price', () => {
    expect(new FixedStrategy().propose({ listing, market, rule: { strategy: RepricingStrategyKind.FIXED } }).target?.toFixed(2)).toBe('130.00');
  });
});
