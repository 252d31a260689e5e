import type Decimal from 'decimal.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../../common/errors';
import { CurrencyScalar, DateTimeScalar, DecimalScalar } from '../../../common/scalars';
import { Order, OrderSource, OrderStatus } from '../entities/order.entity';

@InputType({ description: 'A sale recorded by hand (in person, on a platform without a connection, or before sync catches it).' })
export class RecordOrderInput {
  @Field(() => String, { nullable: true, description: 'Platform slug, e.g. "ebay" (default: the listing\'s platform; required without a listing).' })
  platform?: string | null;

  @Field(() => String, { nullable: true, description: "The platform's order number (1–100 characters; default: a generated MANUAL-… number). Unique per platform; sync later merges into it." })
  externalOrderNumber?: string | null;

  @Field(() => ID, { nullable: true, description: 'The listing that sold: it is marked SOLD and the item\'s other listings are taken down.' })
  listingId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The inventory item that sold (default: the listing\'s item); its purchase price is the cost basis.' })
  inventoryItemId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The size sold, when no listing or item is given (default: the item\'s size).' })
  variantId?: string | null;

  @Field(() => Int, { defaultValue: 1, description: 'Units sold (1 to 10,000; default 1).' })
  quantity: number = 1;

  @Field(() => DecimalScalar, { description: 'What the buyer paid for all units, excluding any buyer premium.' })
  salePrice!: Decimal;

  @Field(() => CurrencyScalar, { nullable: true, description: "Currency of the amounts (default: the listing's, else the platform's currency)." })
  currency?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'What the buyer paid the platform on top (default 0; not part of the payout).' })
  buyerPremium?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Shipping the seller paid (default 0).' })
  shippingCost?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: "Seller fee actually charged (default: the platform's schedule, minimum fee included)." })
  sellerFee?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: "Payment processing fee actually charged (default: the platform's schedule)." })
  processingFee?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Cost basis of all units in the order currency (default: the item\'s unit purchase price × quantity).' })
  costBasis?: Decimal | null;

  @Field(() => OrderStatus, { defaultValue: OrderStatus.COMPLETED, description: 'Status to record (default COMPLETED; not CANCELLED or RETURNED).' })
  status: OrderStatus = OrderStatus.COMPLETED;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it sold (default: now); never in the future. Its date picks the FX rate.' })
  orderedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Carrier tracking number.' })
  trackingNumber?: string | null;

  @Field(() => String, { nullable: true, description: "Line title (default: none); sync keeps the platform's." })
  title?: string | null;
}

@ObjectType({ description: 'Result of recordOrder.' })
export class RecordOrderPayload {
  @Field(() => Order, { nullable: true, description: 'The recorded order; null when nothing was recorded.' })
  order?: Order | null;

  @Field(() => [UserError], { description: 'Why the order was not recorded.' })
  errors!: UserError[];
}

@InputType({ description: 'Moves one of the viewer\'s orders one step along the unified lifecycle.' })
export class UpdateOrderStatusInput {
  @Field(() => ID, { description: 'The order.' })
  id!: string;

  @Field(() => OrderStatus, { description: 'The next status; it must be a legal step from the current one.' })
  status!: OrderStatus;

  @Field(() => String, { nullable: true, description: 'Carrier tracking number to record with the change (1–100 characters).' })
  trackingNumber?: string | null;
}

@ObjectType({ description: 'Result of updateOrderStatus.' })
export class UpdateOrderStatusPayload {
  @Field(() => Order, { nullable: true, description: 'The order after the change; null when it was not changed.' })
  order?: Order | null;

  @Field(() => [UserError], { description: 'Why the status was not changed (CONFLICT carries the lifecycle\'s reason).' })
  errors!: UserError[];
}

@InputType({ description: "Narrows the viewer's orders; every condition must hold." })
export class OrderFilter {
  @Field(() => [OrderStatus], { nullable: true, description: 'Only orders in one of these statuses.' })
  statuses?: OrderStatus[] | null;

  @Field(() => [String], { nullable: true, description: 'Only orders on these platforms (slugs).' })
  platforms?: string[] | null;

  @Field(() => OrderSource, { nullable: true, description: 'Only manual or only synced orders.' })
  source?: OrderSource | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only orders placed at or after this time.' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only orders placed before this time.' })
  to?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Only orders of this inventory item.' })
  inventoryItemId?: string | null;
}
