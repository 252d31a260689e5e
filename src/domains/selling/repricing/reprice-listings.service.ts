import type { Context } from '../../../common/context';
import { ErrorCode, userError, type UserError } from '../../../common/errors';
import { uuidOf } from '../../../common/node';
import { AllPlatformsLoader } from '../../catalog';
import type { RepriceListingsInput } from '../api/repricing.inputs';
import { RepricingDecision } from '../api/repricing.types';
import { ListingStatus } from '../listings/listing.enums';
import { runRepricing, type RepriceRunResult } from './reprice-run.service';
import type { RepriceSelection } from './reprice-store.service';

/** Listings one request may reprice; a larger book is repriced by the scheduled job (or by narrower filters). */
export const MAX_REPRICE_PER_REQUEST = 20_000;

/**
 * Runs the repricer over the viewer's listings matched by the filter (default: every ACTIVE listing) and returns
 * a decision per listing. A dry run decides and reports but writes nothing.
 */
export async function repriceListings(ctx: Context, input: RepriceListingsInput): Promise<Omit<RepriceRunResult, 'decisions'> & { decisions: RepricingDecision[]; dryRun: boolean; errors: UserError[] }> {
  const filter = input.filter;
  const errors: UserError[] = [];
  const uuids = (ids: string[] | null | undefined, type: string) => (ids ? ids.map((id) => uuidOf(id, type)).filter((u): u is string => !!u) : null);
  let platformIds: string[] | null = null;
  if (filter?.platforms) {
    const platforms = await ctx.loaders.get(AllPlatformsLoader).load('all');
    platformIds = filter.platforms.map((slug, i) => {
      const found = platforms.find((p) => p.slug === slug.trim().toLowerCase());
      if (!found) errors.push(userError(ErrorCode.NOT_FOUND, `Unknown platform "${slug}".`, ['filter', 'platforms', String(i)]));
      return found?.id ?? '';
    });
  }
  const empty = { decisions: [], evaluated: 0, changed: 0, applied: 0, truncated: false, dryRun: input.dryRun };
  if (errors.length) return { ...empty, errors };
  const selection: RepriceSelection = {
    accountId: ctx.viewer!.accountId,
    statuses: filter?.statuses?.length ? filter.statuses : [ListingStatus.ACTIVE],
    listingIds: uuids(filter?.ids, 'Listing'),
    platformIds,
    inventoryItemIds: uuids(filter?.inventoryItemIds, 'InventoryItem'),
    strategies: filter?.strategies ?? null,
    requireRule: false,
  };
  const result = await runRepricing(ctx, selection, { dryRun: input.dryRun, trigger: 'REQUEST', collect: true, maxListings: MAX_REPRICE_PER_REQUEST });
  return { ...result, decisions: result.decisions.map(RepricingDecision.of), dryRun: input.dryRun, errors };
}
