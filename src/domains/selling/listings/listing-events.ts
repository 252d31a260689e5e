import { Repeater, SlidingBuffer } from '@graphql-yoga/subscription';
import { createContext, type Context } from '../../../common/context';
import { unauthenticated } from '../../../common/errors';
import type { PubSub } from '../../../common/pubsub';
import type { Listing } from '../entities/listing.entity';
import { ListingByIdLoader } from './listing.loaders';

/** Routing key of listing changes: `LISTING_CHANGED:<accountId>`, one topic per owner. */
export const LISTING_CHANGED = 'LISTING_CHANGED';

/** One changed listing, JSON-safe. */
export interface ListingChangePayload {
  listingId: string;
  version: number;
  status: string;
  at: string;
}

/** The changes of one account published together (a repricing run changes many listings at once). */
export interface ListingChangeBatch {
  changes: ListingChangePayload[];
}

declare module '../../../common/pubsub' {
  interface Topics {
    /** Listing changes; always published with the owner's account id. */
    LISTING_CHANGED: ListingChangeBatch;
  }
}

/** Changes a slow subscriber may lag behind before the oldest are dropped. */
const LAG_BUFFER = 10_000;

/** Publishes changed listings on their owners' topics, one message per account. */
export function publishListingChanges(pubsub: PubSub, listings: ReadonlyArray<Pick<Listing, 'id' | 'accountId' | 'version' | 'status'>>): void {
  const at = new Date().toISOString();
  const byAccount = new Map<string, ListingChangePayload[]>();
  for (const l of listings) {
    const list = byAccount.get(l.accountId) ?? [];
    list.push({ listingId: l.id, version: l.version, status: l.status, at });
    byAccount.set(l.accountId, list);
  }
  for (const [accountId, changes] of byAccount) pubsub.publish(LISTING_CHANGED, accountId, { changes });
}

/** The viewer's listing changes, one per changed listing; the topic is the authenticated account's, never an argument. */
export function listingChangeStream(ctx: Context): AsyncIterable<ListingChangePayload> {
  if (!ctx.viewer) throw unauthenticated();
  const accountId = ctx.viewer.accountId;
  return new Repeater<ListingChangePayload>(async (push, stop) => {
    const subscription = ctx.pubsub.subscribe(LISTING_CHANGED, accountId);
    const pump = (async () => {
      for await (const batch of subscription) for (const change of batch?.changes ?? []) await push(change);
    })();
    await stop;
    await subscription.return?.();
    await pump.catch(() => undefined);
  }, new SlidingBuffer(LAG_BUFFER));
}

/** The changed listing as it is now, read in a fork of its own (one identity map per event) under the viewer's tenant filter. */
export function listingOfChange(ctx: Context, change: ListingChangePayload): Promise<Listing | null> {
  const scope = createContext({ em: ctx.em.fork({ clear: true, useContext: false }), viewer: ctx.viewer, requestId: `${ctx.requestId}:listing`, log: ctx.log, pubsub: ctx.pubsub, clock: ctx.clock });
  return scope.loaders.get(ListingByIdLoader).load(change.listingId);
}
