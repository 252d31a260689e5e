import { Repeater, SlidingBuffer } from '@graphql-yoga/subscription';
import type Decimal from 'decimal.js';
import type { Context } from '../../../common/context';
import type { PubSub } from '../../../common/pubsub';
import { badUserInput, unauthenticated } from '../../../common/errors';
import { Dec } from '../../../common/money';
import { uuidOf } from '../../../common/node';
import { VariantByIdLoader } from '../../catalog';
import { PRICE_ALERT, PRICE_CHANGED, type PriceAlertPayload, type PriceChangeBatch, type PriceChangePayload } from '../market.topics';

/** At most this many products or variants per subscription: each product is one topic subscription. */
export const MAX_SUBSCRIBED_KEYS = 100;
/** Events a slow subscriber may lag behind before the oldest are dropped (a price feed prefers fresh to complete). */
const LAG_BUFFER = 5_000;

/** What priceChanged subscribers ask for. */
export interface PriceChangeFilterArgs {
  productIds?: string[] | null;
  variantIds?: string[] | null;
  platforms?: string[] | null;
  minChangePercent?: Decimal | null;
}

/** An event on its way to one subscriber, with the message it came in (whose loaders it shares). */
export interface PriceChangeDelivery {
  event: PriceChangePayload;
  batch: PriceChangeBatch;
}

let openStreams = 0;
/** Open priceChanged and priceAlertTriggered streams in this process (for metrics and tests). */
export const openPriceStreams = (): number => openStreams;

const parsedChanges = new WeakMap<PriceChangePayload, Decimal>();

/** |changePercent| parsed once per event, whatever the number of subscribers comparing it. */
function absoluteChange(event: PriceChangePayload): Decimal {
  let value = parsedChanges.get(event);
  if (!value) {
    value = new Dec(event.changePercent!).abs();
    parsedChanges.set(event, value);
  }
  return value;
}

function decodeIds(ids: string[] | null | undefined, type: string): string[] {
  return [...new Set((ids ?? []).map((id) => {
    const uuid = uuidOf(id, type);
    if (!uuid) throw badUserInput(`priceChanged: ${JSON.stringify(id)} is not a ${type} id.`);
    return uuid;
  }))];
}

/**
 * Subscribes to one routing key, keyed (`KEY:<id>`) or not. The shared PubSub type cannot express a topic that is
 * published both ways (per product and firehose), hence the narrow cast.
 */
export function subscribeTopic<T>(pubsub: PubSub, routingKey: string, id: string | null): Repeater<T | null> {
  const untyped = pubsub as unknown as { subscribe(key: string, id?: string): Repeater<T | null> };
  return id === null ? untyped.subscribe(routingKey) : untyped.subscribe(routingKey, id);
}

/** Merges topic subscriptions into one stream; returning it (client unsubscribes) ends every topic subscription at once. */
function mergedStream<P, T>(pubsub: PubSub, routingKey: string, ids: Array<string | null>, each: (payload: P, push: (value: T) => void) => void): Repeater<T> {
  return new Repeater<T>(async (push, stop) => {
    const subscriptions = ids.map((id) => subscribeTopic<P>(pubsub, routingKey, id));
    const deliver = (value: T) => void push(value);
    const pumps = subscriptions.map(async (subscription) => {
      for await (const payload of subscription) if (payload) each(payload, deliver);
    });
    openStreams++;
    await stop;
    await Promise.all(subscriptions.map((s) => s.return()));
    await Promise.allSettled(pumps);
    openStreams--;
  }, new SlidingBuffer(LAG_BUFFER));
}

/**
 * Subscribes to `PRICE_CHANGED:<productId>` for each named product (or each named variant's product), or to the
 * firehose when no product or variant is named. Topics do the routing; the platform, variant and minimum-change
 * conditions then only narrow events of the subscriber's own products (or of the firehose when it asked for everything).
 */
export async function priceChangeStream(ctx: Context, filter: PriceChangeFilterArgs | null | undefined): Promise<AsyncIterable<PriceChangeDelivery>> {
  const productIds = decodeIds(filter?.productIds, 'Product');
  const variantIds = decodeIds(filter?.variantIds, 'Variant');
  if (productIds.length + variantIds.length > MAX_SUBSCRIBED_KEYS) throw badUserInput(`priceChanged: name at most ${MAX_SUBSCRIBED_KEYS} products and variants.`);
  let topics: Array<string | null> = productIds;
  if (!productIds.length && variantIds.length) {
    const variants = await Promise.all(variantIds.map((id) => ctx.loaders.get(VariantByIdLoader).load(id)));
    topics = [...new Set(variants.flatMap((v) => (v ? [v.productId] : [])))];
    if (!topics.length) throw badUserInput('priceChanged: none of the variantIds exists.');
  }
  if (!topics.length) topics = [null];
  const variants = variantIds.length ? new Set(variantIds) : null;
  const platforms = filter?.platforms?.length ? new Set(filter.platforms.map((p) => p.trim().toLowerCase())) : null;
  const minChange = filter?.minChangePercent ? new Dec(filter.minChangePercent).abs() : null;
  const wanted = (e: PriceChangePayload) =>
    (!variants || variants.has(e.variantId)) &&
    (!platforms || platforms.has(e.platform)) &&
    (!minChange || (e.changePercent !== null && absoluteChange(e).greaterThanOrEqualTo(minChange)));
  return mergedStream<PriceChangeBatch, PriceChangeDelivery>(ctx.pubsub, PRICE_CHANGED, topics, (batch, push) => {
    for (const event of batch.events) if (wanted(event)) push({ event, batch });
  });
}

/** The viewer's triggered alerts: the topic is the authenticated account's, never an argument. */
export function priceAlertStream(ctx: Context): AsyncIterable<PriceAlertPayload> {
  if (!ctx.viewer) throw unauthenticated();
  return mergedStream<PriceAlertPayload, PriceAlertPayload>(ctx.pubsub, PRICE_ALERT, [ctx.viewer.accountId], (payload, push) => push(payload));
}
