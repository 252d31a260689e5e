import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../../common/context';
import { entitiesByKeyLoader, entityByIdLoader } from '../../../common/loaders';
import { Listing } from '../entities/listing.entity';
import { PricingHistory } from '../entities/pricing-history.entity';
import { RepricingRule } from '../entities/repricing-rule.entity';
import { tenantOf } from '../../../common/context';
import { pgArray, rawRows } from '../../../common/sql';

/** Listings by id, limited to the account of the operation by the tenant filter. */
export const ListingByIdLoader = entityByIdLoader(Listing);
/** Every listing of an item (any status), newest first. */
export const ListingsByInventoryItemLoader = entitiesByKeyLoader(Listing, 'inventoryItemId', (l) => l.inventoryItemId, { createdAt: 'desc', id: 'desc' });
export const RepricingRuleByIdLoader = entityByIdLoader(RepricingRule);
export const PricingHistoryByIdLoader = entityByIdLoader(PricingHistory);

/** The repricing rule of each listing (null when it has none), in one statement per batch. */
export const RepricingRuleByListingLoader: LoaderFactory<string, RepricingRule | null> = (ctx) =>
  new DataLoader(async (listingIds) => {
    const rules = await ctx.em.find(RepricingRule, { listingId: { $in: [...listingIds] } });
    const byListing = new Map(rules.map((r) => [r.listingId, r]));
    return listingIds.map((id) => byListing.get(id) ?? null);
  });

/** A listing's latest `limit` price changes. */
export interface PricingHistoryKey {
  listingId: string;
  limit: number;
}

/**
 * The latest price changes of many listings, newest first, at most `limit` each: one window-function
 * statement per distinct limit, so a page of listings never loads every change they ever had.
 */
export const PricingHistoryByListingLoader: LoaderFactory<PricingHistoryKey, PricingHistory[]> = (ctx) =>
  new DataLoader(
    async (keys) => {
      const byLimit = new Map<number, string[]>();
      for (const key of keys) byLimit.set(key.limit, [...(byLimit.get(key.limit) ?? []), key.listingId]);
      const found = new Map<string, PricingHistory[]>();
      for (const [limit, listingIds] of byLimit) {
        const rows = await rawRows<Record<string, unknown>>(
          ctx.em,
          `select * from (
             select ph.*, row_number() over (partition by ph.listing_id order by ph.created_at desc, ph.id desc) as position
               from pricing_history ph where ph.listing_id = any(?::uuid[]) and ph.account_id = ?
           ) ranked where position <= ? order by listing_id, position`,
          [pgArray(listingIds), tenantOf(ctx.em), limit],
        );
        for (const row of rows) {
          const history = ctx.em.map(PricingHistory, row);
          const key = `${history.listingId}|${limit}`;
          found.set(key, [...(found.get(key) ?? []), history]);
        }
      }
      return keys.map((k) => found.get(`${k.listingId}|${k.limit}`) ?? []);
    },
    { cacheKeyFn: (k) => `${k.listingId}|${k.limit}` },
  );
