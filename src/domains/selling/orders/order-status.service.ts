import type { Context } from '../../../common/context';
import { ErrorCode, userError, type UserError } from '../../../common/errors';
import { uuidOf } from '../../../common/node';
import { inTransaction, lockRow } from '../../../common/orm/row-locks';
import type { UpdateOrderStatusInput } from '../api/order.inputs';
import { Order, OrderStatus } from '../entities/order.entity';
import { assertTransition } from './order-lifecycle';
import { publishOrderChanged } from './order-events.service';

/** Statuses at or after shipping: the order left the seller's hands. */
const SHIPPED_OR_LATER: readonly OrderStatus[] = [OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.COMPLETED, OrderStatus.RETURNED];
/** Tracking numbers are short carrier codes; longer text is a paste error. */
export const MAX_TRACKING_NUMBER = 100;

/** Records when an order first reached SHIPPED and COMPLETED (the tax report's sale date). */
export function stampStatusTimes(order: Order, status: OrderStatus | null | undefined, at: Date): void {
  if (!status) return;
  if (SHIPPED_OR_LATER.includes(status) && !order.shippedAt) order.shippedAt = at;
  if (status === OrderStatus.COMPLETED && !order.completedAt) order.completedAt = at;
}

type StatusResult = { order: Order | null; errors: UserError[] };

/**
 * Moves one of the viewer's orders one step along the unified lifecycle. An illegal step is a CONFLICT with the
 * lifecycle's reason; an order whose status sync could not map (null) may be set to any status.
 */
export async function updateOrderStatus(ctx: Context, input: UpdateOrderStatusInput): Promise<StatusResult> {
  const fail = (...errors: UserError[]): StatusResult => ({ order: null, errors });
  const uuid = uuidOf(input.id, 'Order');
  const result = await inTransaction(ctx.em, async () => {
    // Locked: two changes from the same status cannot both pass the lifecycle check.
    const order = uuid ? await lockRow(ctx.em, Order, { id: uuid }) : null;
    if (!order) return fail(userError(ErrorCode.NOT_FOUND, 'No such order.', ['id']));
    const errors: UserError[] = [];
    const tracking = input.trackingNumber?.trim();
    if (input.trackingNumber !== undefined && input.trackingNumber !== null && (!tracking || tracking.length > MAX_TRACKING_NUMBER)) {
      errors.push(userError(ErrorCode.INVALID, `A tracking number has 1 to ${MAX_TRACKING_NUMBER} characters.`, ['trackingNumber']));
    }
    if (order.status) {
      const verdict = assertTransition(order.status, input.status);
      if (!verdict.allowed) errors.push(userError(ErrorCode.CONFLICT, `Cannot change the status: ${verdict.reason}.`, ['status']));
    }
    if (errors.length) return fail(...errors);
    stampStatusTimes(order, input.status, ctx.clock.now());
    order.status = input.status;
    if (tracking) order.trackingNumber = tracking;
    await ctx.em.flush();
    return { order, errors: [] };
  });
  if (result.order) publishOrderChanged(ctx.pubsub, result.order.accountId, result.order);
  return result;
}
