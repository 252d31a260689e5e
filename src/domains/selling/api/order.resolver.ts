import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../../common/context';
import { ConnectionArgs } from '../../../common/pagination';
import { Requirement } from '../../accounts';
import { Platform, PlatformByIdLoader, Variant, VariantByIdLoader } from '../../catalog';
import { InventoryItem, InventoryItemByIdLoader } from '../../inventory';
import { Listing } from '../entities/listing.entity';
import { OrderItem } from '../entities/order-item.entity';
import { Order } from '../entities/order.entity';
import { ListingByIdLoader } from '../listings/listing.loaders';
import { orderChangedStream, scopeOf } from '../orders/order-events.service';
import { listOrders } from '../orders/order-query.service';
import { updateOrderStatus } from '../orders/order-status.service';
import { OrderItemsByOrderLoader } from '../orders/order.loaders';
import { recordOrder } from '../orders/record-order.service';
import { OrderFilter, RecordOrderInput, RecordOrderPayload, UpdateOrderStatusInput, UpdateOrderStatusPayload } from './order.inputs';
import { OrderConnection } from './order.types';

@Resolver(() => Order)
export class OrderResolver {
  @Authorized()
  @Query(() => OrderConnection, { description: "The viewer's orders, newest first; requests a sync of order connections older than the freshness threshold." })
  orders(
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => OrderFilter, { nullable: true, description: 'Which orders (default: all).' }) filter?: OrderFilter,
  ) {
    return listOrders(ctx, filter, page, info);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => RecordOrderPayload, { description: 'Records a sale by hand: fees, payout and profit are computed exactly; a listing that sold is marked SOLD and its item\'s other listings come down.' })
  recordOrder(@Arg('input', { description: 'The sale.' }) input: RecordOrderInput, @Ctx() ctx: Context) {
    return recordOrder(ctx, input);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => UpdateOrderStatusPayload, { description: 'Moves an order one step along the unified lifecycle; illegal steps come back as a CONFLICT with the reason.' })
  updateOrderStatus(@Arg('input', { description: 'The order and its next status.' }) input: UpdateOrderStatusInput, @Ctx() ctx: Context) {
    return updateOrderStatus(ctx, input);
  }

  @Authorized()
  @Subscription(() => Order, {
    description: "The viewer's orders as they are recorded, synced or change status; only the viewer's own.",
    subscribe: ({ context }) => orderChangedStream(context as Context),
  })
  orderChanged(@Root() order: Order) {
    return order;
  }

  @FieldResolver(() => [OrderItem], { description: 'The lines of the order.' })
  items(@Root() order: Order, @Ctx() ctx: Context) {
    return scopeOf(ctx, order).loaders.get(OrderItemsByOrderLoader).load(order.id);
  }

  @FieldResolver(() => Platform, { description: 'The platform it sold on.' })
  platform(@Root() order: Order, @Ctx() ctx: Context) {
    return scopeOf(ctx, order).loaders.get(PlatformByIdLoader).load(order.platformId);
  }

  @FieldResolver(() => Listing, { nullable: true, description: 'The listing that sold, when known.' })
  listing(@Root() order: Order, @Ctx() ctx: Context) {
    return order.listingId ? scopeOf(ctx, order).loaders.get(ListingByIdLoader).load(order.listingId) : null;
  }

  @FieldResolver(() => InventoryItem, { nullable: true, description: 'The inventory item that sold, when known.' })
  inventoryItem(@Root() order: Order, @Ctx() ctx: Context) {
    return order.inventoryItemId ? scopeOf(ctx, order).loaders.get(InventoryItemByIdLoader).load(order.inventoryItemId) : null;
  }
}

@Resolver(() => OrderItem)
export class OrderItemResolver {
  @FieldResolver(() => Variant, { nullable: true, description: 'The size sold, when the line was matched to one.' })
  variant(@Root() item: OrderItem, @Ctx() ctx: Context) {
    return item.variantId ? scopeOf(ctx, item).loaders.get(VariantByIdLoader).load(item.variantId) : null;
  }
}
