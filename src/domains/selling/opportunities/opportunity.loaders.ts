import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../../common/context';
import { entityByIdLoader } from '../../../common/loaders';
import { Opportunity } from '../entities/opportunity.entity';
import { pgArray, rawRows } from '../../../common/sql';

/** Opportunities by id (shared market data; visible to every authenticated viewer). */
export const OpportunityByIdLoader = entityByIdLoader(Opportunity, (ctx) => (ctx.viewer ? {} : null));

/** Whether the viewer acted on each opportunity, in one statement per batch (false for anonymous viewers). */
export const OpportunityActedLoader: LoaderFactory<string, boolean> = (ctx) =>
  new DataLoader(async (ids) => {
    if (!ctx.viewer) return ids.map(() => false);
    const rows = await rawRows<{ opportunity_id: string }>(
      ctx.em,
      'select opportunity_id from opportunity_action where account_id = ?::uuid and opportunity_id = any(?::uuid[])',
      [ctx.viewer.accountId, pgArray(ids)],
    );
    const acted = new Set(rows.map((r) => r.opportunity_id));
    return ids.map((id) => acted.has(id));
  });
