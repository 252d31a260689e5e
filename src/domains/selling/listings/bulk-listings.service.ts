import type { Context } from '../../../common/context';
import { ErrorPolicy } from '../../../common/error-policy';
import { ErrorCode, userError, type UserError } from '../../../common/errors';
import { uuidOf } from '../../../common/node';
import { PlatformByIdLoader } from '../../catalog';
import type { CreateListingsFromOpportunitiesInput, OpportunityListingInput } from '../api/listing.inputs';
import { Opportunity } from '../entities/opportunity.entity';
import { markOpportunityActed } from '../opportunities/opportunity-query.service';
import { planListing, writeListings, type ListingPlan, type ListingSpec } from './listing-create.service';
import { ListingSource, type PlatformSync } from './listing.enums';
import type { Listing } from '../entities/listing.entity';

/** Rows per request: each is validated and priced against the market. */
export const MAX_BULK_LISTINGS = 200;

/** The outcome of one row. */
export interface BulkListingResult {
  index: number;
  listing: Listing | null;
  platformSync: PlatformSync | null;
  note: string | null;
  errors: UserError[];
}

/** A row as a listing spec: the opportunity gives the size and the sell platform; otherwise the row names them. */
async function specOf(ctx: Context, row: OpportunityListingInput, path: (string | number)[]): Promise<{ spec: ListingSpec | null; errors: UserError[] }> {
  const at = (name: string) => [...path, name];
  const rule = { strategy: row.strategy, minimumMargin: row.minimumMargin ?? null, active: true };
  const common = { inventoryItemId: row.inventoryItemId, price: row.price ?? null, rule };
  if (row.opportunityId) {
    const uuid = uuidOf(row.opportunityId, 'Opportunity');
    const opportunity = uuid ? await ctx.em.findOne(Opportunity, uuid) : null;
    if (!opportunity) return { spec: null, errors: [userError(ErrorCode.NOT_FOUND, 'No such opportunity.', at('opportunityId'))] };
    const platform = await ctx.loaders.get(PlatformByIdLoader).load(opportunity.sellPlatformId);
    return {
      spec: { ...common, platform: platform!.slug, variantUuid: opportunity.variantId, createdFrom: ListingSource.OPPORTUNITY, sourceOpportunityId: opportunity.id },
      errors: [],
    };
  }
  const errors: UserError[] = [];
  if (!row.variantId) errors.push(userError(ErrorCode.REQUIRED, 'Give an opportunityId, or a variantId and a platform.', at('variantId')));
  if (!row.platform?.trim()) errors.push(userError(ErrorCode.REQUIRED, 'Give an opportunityId, or a variantId and a platform.', at('platform')));
  const variantUuid = row.variantId ? uuidOf(row.variantId, 'Variant') : null;
  if (row.variantId && !variantUuid) errors.push(userError(ErrorCode.NOT_FOUND, 'No such variant.', at('variantId')));
  if (errors.length) return { spec: null, errors };
  return { spec: { ...common, platform: row.platform!, variantUuid, createdFrom: ListingSource.BULK }, errors: [] };
}

/**
 * The automation step opportunity → listing, for many rows at once: every row is validated and priced by its
 * strategy first; with REJECT_EVERYTHING (default) nothing is written when any row fails. Acted opportunities are
 * recorded for the viewer.
 */
export async function createListingsFromOpportunities(ctx: Context, input: CreateListingsFromOpportunitiesInput): Promise<{ listings: Listing[]; results: BulkListingResult[]; errors: UserError[] }> {
  if (input.listings.length > MAX_BULK_LISTINGS) {
    return { listings: [], results: [], errors: [userError(ErrorCode.OUT_OF_RANGE, `At most ${MAX_BULK_LISTINGS} listings per request.`, ['listings'])] };
  }
  const plans: (ListingPlan | null)[] = [];
  const rowErrors: UserError[][] = [];
  const seen = new Map<string, number>();
  for (const [i, row] of input.listings.entries()) {
    const path = ['listings', i];
    const { spec, errors } = await specOf(ctx, row, path);
    const planned = spec ? await planListing(ctx, spec, path) : { plan: null, errors };
    const key = planned.plan ? `${planned.plan.item.id}|${planned.plan.platform.id}` : null;
    if (key && seen.has(key)) {
      planned.errors.push(userError(ErrorCode.DUPLICATE, `Row ${seen.get(key)} already lists this item on this platform.`, [...path, 'inventoryItemId']));
      planned.plan = null;
    } else if (key) seen.set(key, i);
    plans.push(planned.plan);
    rowErrors.push(planned.errors);
  }
  const anyFailed = rowErrors.some((e) => e.length);
  if (anyFailed && input.errorPolicy === ErrorPolicy.REJECT_EVERYTHING) {
    rowErrors.forEach((errors, i) => {
      if (!errors.length) errors.push(userError(ErrorCode.REJECTED, 'Not written because another row failed (errorPolicy REJECT_EVERYTHING).', ['listings', i]));
    });
    plans.fill(null);
  }
  const writable = plans.filter((p): p is ListingPlan => p !== null);
  const results: BulkListingResult[] = rowErrors.map((errors, index) => ({ index, listing: null, platformSync: null, note: null, errors }));
  if (writable.length) {
    const written = await writeListings(ctx, writable, input.activate);
    if ('errors' in written) return { listings: [], results, errors: [...rowErrors.flat(), ...written.errors] };
    let next = 0;
    plans.forEach((plan, index) => {
      if (plan) Object.assign(results[index], written[next++]);
    });
    const acted = writable.map((p) => p.spec.sourceOpportunityId).filter((id): id is string => !!id);
    for (const opportunityId of new Set(acted)) await markOpportunityActed(ctx, opportunityId);
  }
  return {
    listings: results.flatMap((r) => (r.listing ? [r.listing] : [])),
    results,
    errors: rowErrors.flat(),
  };
}
