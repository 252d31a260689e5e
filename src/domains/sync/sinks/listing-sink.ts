import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { NormalizedListing } from '../providers/provider';
import type { SinkResult, SyncTarget } from './order-sink';

/**
 * Where synced listings go; same contract as the order sink: only `em` (the page transaction), idempotent
 * upserts by (account, platform, external listing id), throw to roll the page back.
 */
export interface ListingSink {
  writeListings(em: EntityManager, target: SyncTarget, listings: NormalizedListing[], log: Logger): Promise<SinkResult>;
}

/** Until a store is plugged in, listings are counted and logged, not kept. */
export const loggingListingSink: ListingSink = {
  async writeListings(_em, target, listings, log) {
    if (listings.length) log.info({ connectionId: target.connectionId, platform: target.platform, listings: listings.length }, 'listings fetched; no listing store is registered, nothing written');
    return { written: 0, failed: 0 };
  },
};

let listingSink: ListingSink = loggingListingSink;

/** Registers the store of synced listings (the selling domain, at start-up). */
export function setListingSink(sink: ListingSink | undefined): void {
  listingSink = sink ?? loggingListingSink;
}

/** The registered listing store. */
export const currentListingSink = (): ListingSink => listingSink;
