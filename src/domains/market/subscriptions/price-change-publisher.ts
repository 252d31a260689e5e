import type { PubSub } from '../../../common/pubsub';
import { MARKET_REFRESHED, PRICE_CHANGED, type PriceChangePayload } from '../market.topics';

/** Events per firehose message: big enough to amortize a publish, small enough for one WebSocket burst. */
const FIREHOSE_CHUNK = 500;

/**
 * Publishes one message per product on `PRICE_CHANGED:<productId>` and the same events in chunks on the
 * firehose, so a subscriber naming products hears only their topics and nobody filters the firehose for it.
 */
export function publishPriceChanges(pubsub: PubSub, events: PriceChangePayload[]): void {
  if (!events.length) return;
  const byProduct = new Map<string, PriceChangePayload[]>();
  for (const event of events) {
    const list = byProduct.get(event.productId);
    if (list) list.push(event);
    else byProduct.set(event.productId, [event]);
  }
  for (const [productId, list] of byProduct) pubsub.publish(PRICE_CHANGED, productId, { events: list });
  for (let i = 0; i < events.length; i += FIREHOSE_CHUNK) pubsub.publish(PRICE_CHANGED, { events: events.slice(i, i + FIREHOSE_CHUNK) });
}

/**
 * Publishes `MARKET_REFRESHED:<productId>` for each product whose latest prices were written without any change: a read
 * waiting for fresh prices must hear of a refresh that confirmed them too, and products that changed already got
 * their PRICE_CHANGED message (so the common case costs no extra message).
 */
export function publishUnchangedRefreshes(pubsub: PubSub, written: Iterable<{ productId: string; variantId: string }>, events: PriceChangePayload[]): void {
  const changed = new Set<string>();
  for (const event of events) changed.add(event.productId);
  const byProduct = new Map<string, Set<string>>();
  for (const { productId, variantId } of written) {
    if (changed.has(productId)) continue;
    const variants = byProduct.get(productId);
    if (variants) variants.add(variantId);
    else byProduct.set(productId, new Set([variantId]));
  }
  for (const [productId, variants] of byProduct) pubsub.publish(MARKET_REFRESHED, productId, { variantIds: [...variants] });
}
