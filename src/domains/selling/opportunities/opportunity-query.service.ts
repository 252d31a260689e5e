import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type Decimal from 'decimal.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../../common/context';
import { badUserInput, ErrorCode, unauthenticated, userError, type UserError } from '../../../common/errors';
import { Dec } from '../../../common/money';
import { uuidOf } from '../../../common/node';
import { connectionFromCursor, pageWindow, type ConnectionArgs, type ConnectionShape } from '../../../common/pagination';
import { Opportunity, OpportunityStatus } from '../entities/opportunity.entity';
import { rawRows } from '../../../common/sql';

/** Filters of arbitrageOpportunities. */
export interface ArbitrageFilter {
  minProfit?: Decimal | null;
  minMarginPercent?: Decimal | null;
}

const MAX_MARGIN_PERCENT = new Dec(100);

/** Open arbitrage opportunities, most profitable first, at or above the thresholds. */
export async function arbitrageOpportunities(ctx: Context, filter: ArbitrageFilter, args: ConnectionArgs, info?: GraphQLResolveInfo): Promise<ConnectionShape<Opportunity>> {
  if (!ctx.viewer) throw unauthenticated();
  if (filter.minProfit && filter.minProfit.isNeg()) throw badUserInput('minProfit must not be negative.');
  if (filter.minMarginPercent && (filter.minMarginPercent.isNeg() || filter.minMarginPercent.gt(MAX_MARGIN_PERCENT))) {
    throw badUserInput('minMarginPercent must be between 0 and 100.');
  }
  const where: FilterQuery<Opportunity> & Record<string, unknown> = { marketStatus: OpportunityStatus.OPEN };
  if (filter.minProfit) where.expectedProfit = { $gte: filter.minProfit };
  if (filter.minMarginPercent) where.margin = { $gte: filter.minMarginPercent.div(100) };
  const orderBy = { expectedProfit: 'desc', id: 'desc' } as QueryOrderMap<Opportunity>;
  const page = await ctx.em.findByCursor(Opportunity, where, { ...pageWindow(args, info), orderBy });
  return connectionFromCursor(page);
}

/** The status one viewer sees: ACTED once they acted on it, else the market's OPEN or EXPIRED. */
export function statusFor(opportunity: Opportunity, acted: boolean): OpportunityStatus {
  return acted ? OpportunityStatus.ACTED : opportunity.marketStatus;
}

/**
 * Records that the viewer acted on an opportunity (bought or listed from it); idempotent. For the listing flow
 * (createListingsFromOpportunities) and anyone else turning an opportunity into inventory.
 */
export async function markOpportunityActed(ctx: Context, opportunityId: string): Promise<UserError | null> {
  if (!ctx.viewer) throw unauthenticated();
  const uuid = uuidOf(opportunityId, 'Opportunity') ?? (/^[0-9a-f-]{36}$/i.test(opportunityId) ? opportunityId.toLowerCase() : null);
  if (!uuid) return userError(ErrorCode.NOT_FOUND, 'No such opportunity.', ['opportunityId']);
  const rows = await rawRows<{ id: string }>(
    ctx.em,
    `insert into opportunity_action (opportunity_id, account_id)
     select o.id, ?::uuid from opportunity o where o.id = ?::uuid
     on conflict do nothing
     returning opportunity_id as id`,
    [ctx.viewer.accountId, uuid],
  );
  if (rows.length) return null;
  const [exists] = await rawRows<{ id: string }>(ctx.em, 'select id from opportunity where id = ?::uuid', [uuid]);
  return exists ? null : userError(ErrorCode.NOT_FOUND, 'No such opportunity.', ['opportunityId']);
}
