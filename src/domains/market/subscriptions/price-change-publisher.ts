import type { PubSub } from '../../../common/pubsub';
import { PRICE_CHANGED, type PriceChangePayload } from '../market.topics';

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
