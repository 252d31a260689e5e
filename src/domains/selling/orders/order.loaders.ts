import { entitiesByKeyLoader, entityByIdLoader } from '../../../common/loaders';
import { OrderItem } from '../entities/order-item.entity';
import { Order } from '../entities/order.entity';

/** The viewer's orders by id (tenant-filtered; anonymous viewers see none). */
export const OrderByIdLoader = entityByIdLoader(Order, (ctx) => (ctx.viewer ? {} : null));

/** The lines of many orders in one statement, in their original order. */
export const OrderItemsByOrderLoader = entitiesByKeyLoader(OrderItem, 'orderId', (item) => item.orderId, { position: 'asc', id: 'asc' });

/** The viewer's order lines by id. */
export const OrderItemByIdLoader = entityByIdLoader(OrderItem, (ctx) => (ctx.viewer ? {} : null));
