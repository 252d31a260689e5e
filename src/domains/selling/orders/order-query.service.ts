import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../../common/context';
import { badUserInput } from '../../../common/errors';
import { uuidOf } from '../../../common/node';
import { connectionFromCursor, pageWindow, type ConnectionArgs } from '../../../common/pagination';
import { PlatformBySlugLoader } from '../../catalog';
import { refreshStaleOrders } from '../../sync';
import type { OrderFilter } from '../api/order.inputs';
import type { OrderConnection } from '../api/order.types';
import { Order } from '../entities/order.entity';

/** Null when the filter can match nothing (an unknown platform or another account's item). */
async function whereOf(ctx: Context, filter: OrderFilter | null | undefined): Promise<FilterQuery<Order> | null> {
  const where: FilterQuery<Order> & Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.from && filter.to && filter.from >= filter.to) throw badUserInput('orders: filter.from must be before filter.to.');
  if (filter.statuses?.length) where.status = { $in: filter.statuses };
  if (filter.source) where.source = filter.source;
  if (filter.from || filter.to) where.orderedAt = { ...(filter.from && { $gte: filter.from }), ...(filter.to && { $lt: filter.to }) };
  if (filter.platforms?.length) {
    const platforms = await Promise.all(filter.platforms.map((slug) => ctx.loaders.get(PlatformBySlugLoader).load(slug.trim())));
    const ids = platforms.flatMap((p) => (p ? [p.id] : []));
    if (!ids.length) return null;
    where.platformId = { $in: ids };
  }
  if (filter.inventoryItemId) {
    const itemId = uuidOf(filter.inventoryItemId, 'InventoryItem');
    if (!itemId) return null;
    where.inventoryItemId = itemId;
  }
  return where;
}

/**
 * The viewer's orders, newest first (tenant filter). Like every read of synced data it is stale-while-revalidate:
 * connections whose last order sync is older than the threshold get a sync requested, and the page says so.
 */
export async function listOrders(ctx: Context, filter: OrderFilter | null | undefined, args: ConnectionArgs, info?: GraphQLResolveInfo): Promise<OrderConnection> {
  const window = pageWindow(args, info);
  const [freshness, where] = await Promise.all([refreshStaleOrders(ctx), whereOf(ctx, filter)]);
  const orderBy = { orderedAt: 'desc', id: 'desc' } as QueryOrderMap<Order>;
  const page = await ctx.em.findByCursor(Order, where ?? { id: null }, { ...window, orderBy });
  return { ...connectionFromCursor(page), syncedAt: freshness.syncedAt, stale: freshness.stale };
}
