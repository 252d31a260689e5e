import { Dec } from '../../../common/money';
import { HighestBidStrategy } from './highest-bid.strategy';
import { RepricingStrategyKind, type MarketView } from './repricing-strategy';

const d = (value: string) => new Dec(value);
const listing = { askPrice: d('130.00'), costBasis: d('80.00'), lastPriceChangeAt: null };
const market: MarketView = { lowestAsk: d('120.00'), highestBid: d('101.50'), lastSale: null, salesLast7Days: 3, volatility: null };
const rule = { strategy: RepricingStrategyKind.HIGHEST_BID };

describe('HighestBidStrategy', () => {
  it('targets the highest bid', () => {
    expect(new HighestBidStrategy().propose({ listing, market, rule }).target?.toFixed(2)).toBe('101.50');
  });

  it('has no target without a bid', () => {
    const proposal = new HighestBidStrategy().propose({ listing, market: { ...market, highestBid: null }, rule });
    expect(proposal.target).toBeNull();
    expect(proposal.explanation).toMatch(/no bid/);
  });
});
