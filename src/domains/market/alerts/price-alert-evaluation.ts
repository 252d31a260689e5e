import type { EntityManager } from '@mikro-orm/postgresql';
import type { PubSub } from '../../../common/pubsub';
import { PriceAlertCondition, PriceField } from '../entities/market.enums';
import { PRICE_ALERT, type PriceAlertPayload, type PriceChangePayload } from '../market.topics';
import { pgArray, rawRows } from '../../../common/sql';

/**
 * Alerts fire when their condition starts to hold (the old value did not satisfy it), so a price that stays
 * below a threshold does not re-alert on every sync. Alert rows are matched and stamped in one statement,
 * without the tenant filter: this runs for the system, and every match is delivered only on its owner's topic.
 */
const MATCH_SQL = `
with c as (
  select unnest(?::int[]) as i, unnest(?::uuid[]) as variant_id, unnest(?::uuid[]) as product_id, unnest(?::uuid[]) as platform_id,
         unnest(?::text[]) as field, unnest(?::numeric[]) as old, unnest(?::numeric[]) as new, unnest(?::numeric[]) as pct, unnest(?::text[]) as currency
), matched as (
  select a.id, a.account_id, a.condition, a.threshold, c.i
    from c join price_alert a on a.product_id = c.product_id and a.active
   where (a.variant_id is null or a.variant_id = c.variant_id)
     and (a.platform_id is null or a.platform_id = c.platform_id)
     and (   (a.condition = '${PriceAlertCondition.LOWEST_ASK_BELOW}' and c.field = '${PriceField.LOWEST_ASK}' and a.currency = c.currency
              and c.new < a.threshold and (c.old is null or c.old >= a.threshold))
          or (a.condition = '${PriceAlertCondition.HIGHEST_BID_ABOVE}' and c.field = '${PriceField.HIGHEST_BID}' and a.currency = c.currency
              and c.new > a.threshold and (c.old is null or c.old <= a.threshold))
          or (a.condition = '${PriceAlertCondition.CHANGE_PERCENT}' and c.field = '${PriceField.LOWEST_ASK}' and abs(c.pct) >= a.threshold))
), stamped as (
  update price_alert a set last_triggered_at = now(), trigger_count = a.trigger_count + m.hits, updated_at = now()
    from (select id, count(*)::int as hits from matched group by id) m
   where a.id = m.id
)
select id, account_id, condition, threshold, i from matched order by i, id`;

/** Products among the given ones that have an active alert: most ingests touch none, and then matching is skipped. */
async function productsWithAlerts(em: EntityManager, productIds: string[]): Promise<Set<string>> {
  const rows = await rawRows<{ product_id: string }>(em, 'select distinct product_id from price_alert where active and product_id = any(?::uuid[])', [pgArray(productIds)]);
  return new Set(rows.map((r) => r.product_id));
}

/** Finds the alerts the changes trigger, records the trigger and publishes each on its owner's topic. Returns how many fired. */
export async function evaluatePriceAlerts(em: EntityManager, pubsub: PubSub, changes: PriceChangePayload[]): Promise<number> {
  if (!changes.length) return 0;
  const watched = await productsWithAlerts(em, [...new Set(changes.map((e) => e.productId))]);
  const events = changes.filter((e) => watched.has(e.productId));
  if (!events.length) return 0;
  const matches = await rawRows<{ id: string; account_id: string; condition: PriceAlertCondition; threshold: string; i: number }>(em, MATCH_SQL, [
    pgArray(events.map((_, i) => i)),
    pgArray(events.map((e) => e.variantId)),
    pgArray(events.map((e) => e.productId)),
    pgArray(events.map((e) => e.platformId)),
    pgArray(events.map((e) => e.field)),
    pgArray(events.map((e) => e.old)),
    pgArray(events.map((e) => e.new)),
    pgArray(events.map((e) => e.changePercent)),
    pgArray(events.map((e) => e.currency)),
  ]);
  for (const match of matches) {
    const payload: PriceAlertPayload = { ...events[match.i], alertId: match.id, condition: match.condition, threshold: match.threshold };
    pubsub.publish(PRICE_ALERT, match.account_id, payload);
  }
  return matches.length;
}
