import type { Context } from '../../../common/context';
import { ErrorPolicy } from '../../../common/error-policy';
import { ErrorCode, userError, type UserError } from '../../../common/errors';
import { uuidOf } from '../../../common/node';
import { AllPlatformsLoader } from '../../catalog';
import type { IngestMarketSnapshotsInput, IngestMarketSnapshotsPayload } from '../api/ingest-market-snapshots.input';
import { ingestMarketSnapshots } from './ingest.service';
import type { SnapshotRow } from './snapshot-row';

/** Rows per admin request; sync services call the bulk path directly without this cap. */
export const MAX_SNAPSHOTS_PER_REQUEST = 5000;
const PATH = 'snapshots';

/** The GraphQL input names the platform by slug, so the bulk path's `platformId` errors are restated against `platform`. */
function inputError(error: UserError, input: IngestMarketSnapshotsInput): UserError {
  if (error.field?.[2] !== 'platformId') return error;
  const index = Number(error.field[1]);
  return userError(error.code, `Unknown platform "${input.snapshots[index].platform}".`, [PATH, index, 'platform']);
}

/** Admin ingest: maps global ids and platform slugs, then runs the bulk path; every row gets a result. */
export async function ingestSnapshotsInput(ctx: Context, input: IngestMarketSnapshotsInput): Promise<IngestMarketSnapshotsPayload> {
  if (input.snapshots.length > MAX_SNAPSHOTS_PER_REQUEST) {
    const error = userError(ErrorCode.OUT_OF_RANGE, `At most ${MAX_SNAPSHOTS_PER_REQUEST} snapshots per request.`, [PATH]);
    return { written: 0, changes: 0, results: [], errors: [error] };
  }
  const platforms = await ctx.loaders.get(AllPlatformsLoader).load('all');
  const bySlug = new Map(platforms.map((p) => [p.slug, p]));
  const now = ctx.clock.now();
  const rows: SnapshotRow[] = input.snapshots.map((s) => {
    const platform = bySlug.get(s.platform.trim().toLowerCase());
    return {
      variantId: uuidOf(s.variantId, 'Variant') ?? '',
      platformId: platform?.id ?? '',
      lowestAsk: s.lowestAsk,
      highestBid: s.highestBid,
      lastSale: s.lastSale,
      sales7d: s.sales7d,
      sales30d: s.sales30d,
      volatility: s.volatility,
      currency: s.currency ?? platform?.defaultCurrency.trim() ?? 'USD',
      capturedAt: s.capturedAt ?? now,
      source: s.source,
    };
  });
  const result = await ingestMarketSnapshots(ctx.em, ctx.pubsub, rows, { errorPolicy: input.errorPolicy, now, path: PATH, log: ctx.log });
  const failed = new Map(result.rowErrors.map((r) => [r.index, r.errors.map((e) => inputError(e, input))]));
  const rejectAll = failed.size > 0 && input.errorPolicy === ErrorPolicy.REJECT_EVERYTHING;
  const results = rows.map((_, index) => {
    const errors = failed.get(index) ?? (rejectAll ? [userError(ErrorCode.REJECTED, 'Not written because another row failed (errorPolicy REJECT_EVERYTHING).', [PATH, index])] : []);
    return { index, accepted: errors.length === 0, errors };
  });
  return { written: result.written, changes: result.changes, results, errors: results.flatMap((r) => r.errors) };
}
