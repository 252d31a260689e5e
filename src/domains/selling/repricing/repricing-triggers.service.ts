import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { PubSub } from '../../../common/pubsub';
import type { JobQueue } from '../../../jobs/job-queue';
import { PRICE_CHANGED, type PriceChangeBatch } from '../../market';
import { pgArray, rawRows } from '../../../common/sql';

/** Seconds a reprice waits after a price event, so a burst of events on one listing costs one reprice. */
export const REPRICE_DEBOUNCE_SECONDS = 3;

/** What the trigger needs from the process. */
export interface RepricingTriggerDeps {
  orm: MikroORM;
  pubsub: PubSub;
  jobs: JobQueue;
  log: Logger;
  debounceSeconds?: number;
}

/**
 * Event-driven repricing: every price-change message (the firehose) is matched, in one statement, to the active
 * listings with an active rule on the changed (size, platform) pairs, and each gets a `selling.reprice-listing`
 * job keyed by the listing and delayed by the debounce. While one waits, further events for the listing collapse
 * into it (pg-boss singleton key), so a burst costs one reprice that sees the latest market. Every worker may run
 * this: duplicate sends collapse the same way. Returns the stop function.
 */
export function startRepricingTriggers(deps: RepricingTriggerDeps): () => Promise<void> {
  const subscription = (deps.pubsub as unknown as { subscribe(key: string): AsyncIterableIterator<PriceChangeBatch | null> & { return?(): Promise<unknown> } }).subscribe(PRICE_CHANGED);
  const delay = deps.debounceSeconds ?? REPRICE_DEBOUNCE_SECONDS;
  const pump = (async () => {
    for await (const batch of subscription) {
      if (!batch?.events.length) continue;
      try {
        await scheduleReprices(deps, batch, delay);
      } catch (error) {
        deps.log.warn({ err: error, events: batch.events.length }, 'could not schedule reprices for price changes');
      }
    }
  })();
  return async () => {
    await subscription.return?.();
    await pump.catch(() => undefined);
  };
}

async function scheduleReprices(deps: RepricingTriggerDeps, batch: PriceChangeBatch, delay: number): Promise<number> {
  const pairs = new Map(batch.events.map((e) => [`${e.variantId}|${e.platformId}`, e]));
  const events = [...pairs.values()];
  const rows = await rawRows<{ id: string }>(
    deps.orm.em.fork(),
    `select l.id from listing l join repricing_rule r on r.listing_id = l.id and r.active
      where l.status = 'ACTIVE' and (l.variant_id, l.platform_id) in (select * from unnest(?::uuid[], ?::uuid[]))`,
    [pgArray(events.map((e) => e.variantId)), pgArray(events.map((e) => e.platformId))],
  );
  for (const { id } of rows) await deps.jobs.send('selling.reprice-listing', { listingId: id }, { singletonKey: id, startAfter: delay });
  return rows.length;
}
