import { UnifiedOrderStatus as OrderStatus } from '../../sync';

/** The unified order status every platform's own status is mapped to (one definition, owned by sync's status tables). */
export { OrderStatus };

/**
 * Legal next statuses. The happy path is PENDING → CONFIRMED → AUTHENTICATING → AUTHENTICATED →
 * SHIPPED → DELIVERED → COMPLETED; platforms without authentication (eBay, Shopify, Amazon) go
 * CONFIRMED → SHIPPED directly. A failed authentication is a cancellation. Returns happen after
 * delivery, also after completion (a late return or chargeback). CANCELLED and RETURNED are final.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  [OrderStatus.PENDING]: [OrderStatus.CONFIRMED, OrderStatus.CANCELLED],
  [OrderStatus.CONFIRMED]: [OrderStatus.AUTHENTICATING, OrderStatus.SHIPPED, OrderStatus.CANCELLED],
  [OrderStatus.AUTHENTICATING]: [OrderStatus.AUTHENTICATED, OrderStatus.CANCELLED],
  [OrderStatus.AUTHENTICATED]: [OrderStatus.SHIPPED, OrderStatus.CANCELLED],
  [OrderStatus.SHIPPED]: [OrderStatus.DELIVERED],
  [OrderStatus.DELIVERED]: [OrderStatus.COMPLETED, OrderStatus.RETURNED],
  [OrderStatus.COMPLETED]: [OrderStatus.RETURNED],
  [OrderStatus.CANCELLED]: [],
  [OrderStatus.RETURNED]: [],
};

/** The verdict on a status change: allowed, or the reason it is not (safe to show to the user). */
export type TransitionVerdict = { allowed: true } | { allowed: false; reason: string };

/** True when an order may move from `from` to `to` in one step. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from]?.includes(to) ?? false;
}

/**
 * Checks one status change and explains a refusal. Returns the verdict instead of throwing, since
 * an illegal transition requested through the API is an expected failure (a `UserError`).
 */
export function assertTransition(from: OrderStatus, to: OrderStatus): TransitionVerdict {
  if (canTransition(from, to)) return { allowed: true };
  return { allowed: false, reason: refusal(from, to) };
}

/**
 * True when `to` can be reached from `from` through legal steps (zero or more). Order sync uses it:
 * a platform may report DELIVERED for an order last seen CONFIRMED, which is progress, not an error.
 */
export function canReach(from: OrderStatus, to: OrderStatus): boolean {
  const seen = new Set<OrderStatus>([from]);
  const queue = [from];
  while (queue.length) {
    const status = queue.shift()!;
    if (status === to) return true;
    for (const next of ORDER_TRANSITIONS[status] ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

function refusal(from: OrderStatus, to: OrderStatus): string {
  if (!(from in ORDER_TRANSITIONS) || !(to in ORDER_TRANSITIONS)) return `unknown order status ${from in ORDER_TRANSITIONS ? to : from}`;
  if (from === to) return `the order is already ${from}`;
  if (from === OrderStatus.CANCELLED || from === OrderStatus.RETURNED) return `a ${from} order is final`;
  if (to === OrderStatus.CANCELLED) return `an order can only be cancelled before it ships; it is ${from}`;
  if (to === OrderStatus.RETURNED) return `only a delivered or completed order can be returned; it is ${from}`;
  const allowed = ORDER_TRANSITIONS[from].join(' or ');
  return `a ${from} order can only move to ${allowed}, not ${to}`;
}
