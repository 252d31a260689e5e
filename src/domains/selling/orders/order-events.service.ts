import { Repeater } from '@graphql-yoga/subscription';
import { createContext, type Context } from '../../../common/context';
import { unauthenticated } from '../../../common/errors';
import type { PubSub } from '../../../common/pubsub';
import type { Order } from '../entities/order.entity';
import { OrderByIdLoader } from './order.loaders';

/** Routing key of order events: `ORDER_CHANGED:<accountId>`, one topic per owner. */
export const ORDER_CHANGED = 'ORDER_CHANGED';

/** An order was created or changed; JSON-safe, rebuilt through loaders when delivered. */
export interface OrderChangedPayload {
  orderId: string;
  status: string | null;
  at: string;
}

declare module '../../../common/pubsub' {
  interface Topics {
    /** Created or changed orders; always published with the owner's account id. */
    ORDER_CHANGED: OrderChangedPayload;
  }
}

/** Publishes on the owner's topic only. */
export function publishOrderChanged(pubsub: PubSub, accountId: string, order: Pick<Order, 'id' | 'status'>): void {
  pubsub.publish(ORDER_CHANGED, accountId, { orderId: order.id, status: order.status ?? null, at: new Date().toISOString() });
}

const eventScopes = new WeakMap<object, Context>();

let openStreams = 0;
/** orderChanged streams open in this process (for metrics and tests). */
export const openOrderStreams = (): number => openStreams;

/**
 * The context an order's fields resolve in: the fresh per-event context when the order came from an event
 * (so a second event about the same order is not answered from the first one's loader cache), else `ctx`.
 */
export function scopeOf(ctx: Context, order: object): Context {
  return eventScopes.get(order) ?? ctx;
}

/**
 * The viewer's order events: the topic is the authenticated account's, never an argument. Each event loads its
 * order in a fresh EntityManager fork with the subscriber's viewer (tenancy filter included); an order that is
 * gone by then is skipped.
 */
export function orderChangedStream(ctx: Context): AsyncIterable<Order> {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  const source = ctx.pubsub.subscribe(ORDER_CHANGED, viewer.accountId);
  return new Repeater<Order>(async (push, stop) => {
    let done = false;
    void stop.then(() => {
      done = true;
      void source.return?.();
    });
    openStreams++;
    try {
      for await (const payload of source) {
        if (done) break;
        if (!payload) continue;
        const scope = createContext({ em: ctx.em.fork({ clear: true, useContext: false }), viewer, requestId: `${ctx.requestId}:order`, log: ctx.log, pubsub: ctx.pubsub, clock: ctx.clock });
        const order = await scope.loaders.get(OrderByIdLoader).load(payload.orderId);
        if (!order) continue;
        eventScopes.set(order, scope);
        await push(order);
      }
    } finally {
      openStreams--;
    }
    stop();
  });
}
