import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo, type ConnectionShape, type Edge } from '../../../common/pagination';
import { DateTimeScalar } from '../../../common/scalars';
import { Order } from '../entities/order.entity';

@ObjectType({ description: 'An edge in an Order list.' })
export class OrderEdge implements Edge<Order> {
  @Field({ description: 'Opaque cursor of this edge.' })
  cursor!: string;

  @Field(() => Order, { description: 'The Order.' })
  node!: Order;
}

@ObjectType({ description: "A page of the viewer's orders, newest first, with how fresh the synced ones are." })
export class OrderConnection implements ConnectionShape<Order> {
  @Field(() => [OrderEdge], { description: 'The edges of this page.' })
  edges!: Edge<Order>[];

  @Field(() => [Order], { description: 'The nodes of this page, without cursors.' })
  nodes!: Order[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of orders in the whole list, across all pages.' })
  totalCount!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the least recently synced of the viewer's order connections last finished a sync; null without connections." })
  syncedAt!: Date | null;

  @Field({ description: 'True when some connection was older than the freshness threshold: a sync was requested and orderChanged reports what it brings.' })
  stale!: boolean;
}
