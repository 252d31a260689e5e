import { createContext, type Context } from '../../../common/context';
import { Dec, Money } from '../../../common/money';
import { PriceAlertEvent, PriceChangeEvent } from '../api/price-events.types';
import type { PriceAlertPayload, PriceChangeBatch, PriceChangePayload } from '../market.topics';
import type { PriceChangeDelivery } from './price-change-stream';

const sharedScopes = new WeakMap<PriceChangeBatch, Context>();

/** Loaders for one published message, shared by all its subscribers here: one lookup per message, not per subscriber. */
function batchScope(ctx: Context, batch: PriceChangeBatch): Context {
  let scope = sharedScopes.get(batch);
  if (!scope) {
    scope = createContext({ em: ctx.em.fork({ clear: true, useContext: false }), viewer: null, requestId: `${ctx.requestId}:event`, log: ctx.log, pubsub: ctx.pubsub, clock: ctx.clock });
    sharedScopes.set(batch, scope);
  }
  return scope;
}

function fill<T extends PriceChangeEvent>(target: T, payload: PriceChangePayload, scope: () => Context): T {
  target.payload = payload;
  target.scope = scope;
  target.field = payload.field;
  target.oldValue = Money.of(payload.old, payload.currency);
  target.newValue = Money.of(payload.new, payload.currency);
  target.changePercent = payload.changePercent === null ? null : new Dec(payload.changePercent);
  target.at = new Date(payload.at);
  return target;
}

/** The GraphQL object of a delivered price change; variant, product and platform load only when selected. */
export function toPriceChangeEvent(ctx: Context, delivery: PriceChangeDelivery): PriceChangeEvent {
  return fill(new PriceChangeEvent(), delivery.event, () => batchScope(ctx, delivery.batch));
}

/** The GraphQL object of a triggered alert; its own fork (with the viewer's tenant filter) is made only when a relation is selected. */
export function toPriceAlertEvent(ctx: Context, payload: PriceAlertPayload): PriceAlertEvent {
  let scope: Context | undefined;
  const event = fill(new PriceAlertEvent(), payload, () =>
    (scope ??= createContext({ em: ctx.em.fork({ clear: true, useContext: false }), viewer: ctx.viewer, requestId: `${ctx.requestId}:alert`, log: ctx.log, pubsub: ctx.pubsub, clock: ctx.clock })),
  );
  event.condition = payload.condition;
  event.threshold = new Dec(payload.threshold);
  return event;
}
