import { Dec } from '../../../common/money';
import { MatchLowestAskStrategy } from './match-lowest-ask.strategy';
import { RepricingStrategyKind, type MarketView } from './repricing-strategy';

const d = (value: string) => new Dec(value);
const listing = { askPrice: d('130.00'), costBasis: d('80.00'), lastPriceChangeAt: null };
const market: MarketView = { lowestAsk: d('120.00'), highestBid: d('100.00'), lastSale: null, salesLast7Days: 3, volatility: null };
const rule = { strategy: RepricingStrategyKind.MATCH_LOWEST_ASK };

describe('MatchLowestAskStrategy', () => {
  it('targets the lowest ask exactly', () => {
    expect(new MatchLowestAskStrategy().propose({ listing, market, rule }).target?.toFixed(2)).toBe('120.00');
  });

  it('has no target without a lowest ask', () => {
    expect(new MatchLowestAskStrategy().propose({ listing, market: { ...market, lowestAsk: null }, rule }).target).toBeNull();
  });
});
