import type Decimal from 'decimal.js';
import type { Context } from '../../../common/context';
import { badUserInput, unauthenticated } from '../../../common/errors';
import { Dec } from '../../../common/money';
import { computeNetProceeds, PlatformByIdLoader } from '../../catalog';
import { RepricingOpportunity } from '../api/opportunity.types';
import { rawRows } from '../../../common/sql';

const DEFAULT_GAP_PERCENT = new Dec(5);
const MAX_GAP_PERCENT = new Dec(1000);

/**
 * The viewer's ACTIVE listings asking more than `minGapPercent` above the market's lowest ask for their size on
 * their platform, where that size sells (sales in the last 30 days): candidates to reprice. One statement; the
 * payout at the market price comes from the platform's fees (`computeNetProceeds`).
 */
export async function repricingOpportunities(ctx: Context, minGapPercent: Decimal | null | undefined): Promise<RepricingOpportunity[]> {
  if (!ctx.viewer) throw unauthenticated();
  const gap = minGapPercent ?? DEFAULT_GAP_PERCENT;
  if (gap.isNeg() || gap.gt(MAX_GAP_PERCENT)) throw badUserInput(`minGapPercent must be between 0 and ${MAX_GAP_PERCENT.toFixed()}.`);
  const rows = await rawRows<{
    listing_id: string; platform_id: string; currency: string; ask_price: string; cost_basis: string; lowest_ask: string;
    gap_percent: string; sales_7d: number | null; sales_30d: number;
  }>(
    ctx.em,
    `select l.id as listing_id, l.platform_id, l.currency, l.ask_price::text, l.cost_basis::text, mp.lowest_ask::text,
            round_half_even((l.ask_price - mp.lowest_ask) / mp.lowest_ask * 100, 2)::text as gap_percent, mp.sales_7d, mp.sales_30d
       from listing l
       join market_price mp on mp.variant_id = l.variant_id and mp.platform_id = l.platform_id and mp.currency = l.currency
      where l.account_id = ?::uuid and l.status = 'ACTIVE'
        and mp.lowest_ask > 0 and coalesce(mp.sales_30d, 0) > 0
        and l.ask_price > mp.lowest_ask * (1 + ?::numeric / 100)
      order by (l.ask_price - mp.lowest_ask) / mp.lowest_ask desc, l.id`,
    [ctx.viewer.accountId, gap.toFixed()],
  );
  return Promise.all(
    rows.map(async (row) => {
      const platform = await ctx.loaders.get(PlatformByIdLoader).load(row.platform_id);
      const lowestAsk = new Dec(row.lowest_ask);
      const net = computeNetProceeds({ salePrice: lowestAsk, schedule: platform! }).netProceeds;
      return Object.assign(new RepricingOpportunity(), {
        listingUuid: row.listing_id,
        currency: row.currency.trim(),
        ask: new Dec(row.ask_price),
        marketLowestAsk: lowestAsk,
        gapPercent: new Dec(row.gap_percent),
        sales7d: row.sales_7d,
        sales30d: row.sales_30d,
        netAtMarket: net,
        profitAtMarket: net.minus(row.cost_basis),
      });
    }),
  );
}
