import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, rawRows } from '../../../common/sql';

/** A listing and its rule as the repricer reads them: one joined row, no ORM hydration. */
export interface RepriceCandidateRow {
  id: string;
  account_id: string;
  variant_id: string;
  platform_id: string;
  status: string;
  ask_price: string;
  cost_basis: string;
  currency: string;
  version: number;
  /** As the driver returns it (an ISO-like string). */
  last_price_change_at: string | null;
  external_listing_id: string | null;
  rule_id: string | null;
  rule_active: boolean | null;
  strategy: string | null;
  undercut_amount: string | null;
  undercut_percent: string | null;
  fixed_price: string | null;
  floor_price: string | null;
  minimum_margin: string | null;
  ceiling_price: string | null;
  max_change_percent: string | null;
  cooldown_seconds: number | null;
}

/** Which listings a run looks at. Null means "any"; every run is limited to one account unless it is a system job. */
export interface RepriceSelection {
  /** The owner; null only for system jobs (schedule, price events), which reprice every account. */
  accountId: string | null;
  statuses: string[];
  listingIds?: string[] | null;
  platformIds?: string[] | null;
  inventoryItemIds?: string[] | null;
  strategies?: string[] | null;
  /** Only listings with an active rule (jobs); requests also report the listings that have none. */
  requireRule: boolean;
}

const array = (values: readonly string[] | null | undefined) => (values ? pgArray(values) : null);

/** The next `limit` candidates after `afterId` (keyset order by id), listing and rule joined in one statement. */
export function loadRepriceCandidates(em: EntityManager, selection: RepriceSelection, afterId: string, limit: number): Promise<RepriceCandidateRow[]> {
  return rawRows<RepriceCandidateRow>(
    em,
    `select l.id, l.account_id, l.variant_id, l.platform_id, l.status, l.ask_price, l.cost_basis, l.currency, l.version,
            l.last_price_change_at, l.external_listing_id,
            r.id as rule_id, r.active as rule_active, r.strategy, r.undercut_amount, r.undercut_percent, r.fixed_price, r.floor_price,
            r.minimum_margin, r.ceiling_price, r.max_change_percent, r.cooldown_seconds
       from listing l left join repricing_rule r on r.listing_id = l.id
      where (?::uuid is null or l.account_id = ?::uuid)
        and l.status = any(?::text[])
        and (?::uuid[] is null or l.id = any(?::uuid[]))
        and (?::uuid[] is null or l.platform_id = any(?::uuid[]))
        and (?::uuid[] is null or l.inventory_item_id = any(?::uuid[]))
        and (?::text[] is null or r.strategy = any(?::text[]))
        and (not ?::boolean or (r.id is not null and r.active))
        and l.id > ?::uuid
      order by l.id
      limit ?`,
    [
      selection.accountId, selection.accountId,
      pgArray(selection.statuses),
      array(selection.listingIds), array(selection.listingIds),
      array(selection.platformIds), array(selection.platformIds),
      array(selection.inventoryItemIds), array(selection.inventoryItemIds),
      array(selection.strategies), array(selection.strategies),
      selection.requireRule,
      afterId,
      limit,
    ],
  );
}

/** One price change to apply. */
export interface PriceChangeRow {
  id: string;
  version: number;
  oldPrice: string;
  newPrice: string;
  lowestAsk: string | null;
  highestBid: string | null;
  reason: string;
  strategy: string;
  /** The platform holds the listing and the account is connected there: owe it an UPDATE_PRICE. */
  push: boolean;
}

/** A listing the write changed. */
export interface AppliedChangeRow {
  id: string;
  account_id: string;
  version: number;
  status: string;
}

/**
 * Applies many price changes in ONE statement: the listing update (only where the version and the ask are still
 * what was decided on, so a concurrent change wins and is reported as a conflict) and the PricingHistory rows of
 * exactly the listings it updated. One statement is one transaction, so a change never lacks its history.
 */
export function applyPriceChanges(em: EntityManager, changes: readonly PriceChangeRow[], accountId: string | null, now: Date): Promise<AppliedChangeRow[]> {
  const column = <K extends keyof PriceChangeRow>(key: K) => changes.map((c) => c[key]);
  return rawRows<AppliedChangeRow>(
    em,
    `with input as (
       select * from unnest(?::uuid[], ?::int[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::text[], ?::text[], ?::boolean[])
         as t(id, version, old_price, new_price, lowest_ask, highest_bid, reason, strategy, push)
     ), updated as (
       update listing l
          set ask_price = i.new_price, version = l.version + 1, last_price_change_at = ?, updated_at = ?,
              market_lowest_ask = i.lowest_ask, market_highest_bid = i.highest_bid,
              external_operation_type = case when i.push then 'UPDATE_PRICE' else l.external_operation_type end,
              external_operation_status = case when i.push then 'PENDING' else l.external_operation_status end,
              external_operation_id = case when i.push then null else l.external_operation_id end,
              external_operation_error = case when i.push then null else l.external_operation_error end
         from input i
        where l.id = i.id and l.version = i.version and l.ask_price = i.old_price and l.status = 'ACTIVE'
          and (?::uuid is null or l.account_id = ?::uuid)
       returning l.id, l.account_id, l.version, l.status, l.currency
     ), history as (
       insert into pricing_history (id, account_id, listing_id, old_price, new_price, currency, reason, strategy, market_lowest_ask, market_highest_bid, created_at, updated_at)
       select gen_random_uuid(), u.account_id, u.id, i.old_price, i.new_price, u.currency, i.reason, i.strategy, i.lowest_ask, i.highest_bid, ?, ?
         from updated u join input i on i.id = u.id
     )
     select id, account_id, version, status from updated`,
    [
      pgArray(column('id')),
      pgArray(column('version')),
      pgArray(column('oldPrice')),
      pgArray(column('newPrice')),
      pgArray(column('lowestAsk')),
      pgArray(column('highestBid')),
      pgArray(column('reason')),
      pgArray(column('strategy')),
      `{${changes.map((c) => (c.push ? 't' : 'f')).join(',')}}`,
      now, now,
      accountId, accountId,
      now, now,
    ],
  );
}
