import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import type Decimal from 'decimal.js';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../../common/money';
import { Node } from '../../../common/node';
import { OwnedEntity } from '../../../common/orm/base.entity';
import { DecimalType } from '../../../common/orm/decimal.type';
import { CurrencyScalar, DateTimeScalar, DecimalScalar } from '../../../common/scalars';
import { OrderStatus } from '../orders/order-lifecycle';

export { OrderStatus };

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: "Unified order status; every platform's own status maps onto one of these.",
  valuesConfig: {
    PENDING: { description: 'Placed, not yet confirmed by the seller or the platform.' },
    CONFIRMED: { description: 'Accepted; waiting to ship (or to be sent to authentication).' },
    AUTHENTICATING: { description: 'At the platform for authentication (StockX, GOAT, Alias).' },
    AUTHENTICATED: { description: 'Passed authentication; about to ship to the buyer.' },
    SHIPPED: { description: 'On its way to the buyer.' },
    DELIVERED: { description: 'Delivered; the payout may still be pending.' },
    COMPLETED: { description: 'Done and paid out: counts as a realized sale for profit and tax.' },
    CANCELLED: { description: 'Cancelled before shipping (including failed authentication); final.' },
    RETURNED: { description: 'Returned or charged back after delivery; final.' },
  },
});

/** Where an order came from. */
export enum OrderSource {
  MANUAL = 'MANUAL',
  SYNC = 'SYNC',
}

registerEnumType(OrderSource, {
  name: 'OrderSource',
  description: 'Where an order came from.',
  valuesConfig: {
    MANUAL: { description: 'Recorded by the seller with recordOrder.' },
    SYNC: { description: "Imported from a connected marketplace's order feed." },
  },
});

/**
 * A sale on one platform. Amounts are kept in the order's own currency and, converted line by line with the
 * FxRate of the order date, in the account's base currency (so the base columns add up too).
 */
@Entity({ tableName: 'sales_order' })
@Unique({ properties: ['accountId', 'platformId', 'externalOrderNumber'] })
@Index({ properties: ['accountId', 'orderedAt', 'id'] })
@ObjectType('Order', { implements: Node, description: "One of the viewer's sales: amounts, fees, profit and its place in the unified lifecycle." })
export class Order extends OwnedEntity {
  @ManyToOne({ entity: 'Platform', mapToPk: true, fieldName: 'platform_id', type: 'uuid' })
  platformId!: string;

  @Property({ type: 'text', fieldName: 'external_order_number' })
  @Field({ description: "The platform's order number (unique per platform for the account)." })
  externalOrderNumber!: string;

  @Enum({ items: () => OrderSource, type: 'text' })
  @Field(() => OrderSource, { description: 'Recorded by hand or imported by sync.' })
  source!: OrderSource;

  @ManyToOne({ entity: 'MarketplaceConnection', mapToPk: true, fieldName: 'connection_id', type: 'uuid', nullable: true, deleteRule: 'set null' })
  connectionId?: string | null;

  @ManyToOne({ entity: 'Listing', mapToPk: true, fieldName: 'listing_id', type: 'uuid', nullable: true, deleteRule: 'set null' })
  listingId?: string | null;

  @ManyToOne({ entity: 'InventoryItem', mapToPk: true, fieldName: 'inventory_item_id', type: 'uuid', nullable: true, deleteRule: 'set null' })
  inventoryItemId?: string | null;

  @Enum({ items: () => OrderStatus, type: 'text', nullable: true })
  @Field(() => OrderStatus, { nullable: true, description: "Unified status; null while the platform's status is one we do not know yet (see rawStatus)." })
  status?: OrderStatus | null;

  @Property({ type: 'text', fieldName: 'raw_status', nullable: true })
  @Field(() => String, { nullable: true, description: "The platform's own status word, kept as reported." })
  rawStatus?: string | null;

  @Property({ type: 'character(3)' })
  @Field(() => CurrencyScalar, { description: 'Currency of the sale (the amounts without a "base" prefix).' })
  currency!: string;

  @Property({ type: DecimalType, fieldName: 'sale_price', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'What the buyer paid for the item, excluding the buyer premium; null when the platform did not report it.' })
  salePrice?: Decimal | null;

  @Property({ type: DecimalType, fieldName: 'buyer_premium' })
  @Field(() => DecimalScalar, { description: 'What the buyer paid the platform on top of the price (not part of the payout).' })
  buyerPremium!: Decimal;

  @Property({ type: DecimalType, fieldName: 'seller_fee', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Commission: max(rate × price, minimum fee).' })
  sellerFee?: Decimal | null;

  @Property({ type: DecimalType, fieldName: 'processing_fee', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Payment processing fee.' })
  processingFee?: Decimal | null;

  @Property({ type: DecimalType, fieldName: 'fixed_fee', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Flat per-order fee.' })
  fixedFee?: Decimal | null;

  @Property({ type: DecimalType, fieldName: 'shipping_cost', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Shipping paid by the seller.' })
  shippingCost?: Decimal | null;

  @Property({ type: DecimalType, fieldName: 'net_proceeds', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Payout: sale price − seller fee − processing fee − fixed fee − shipping.' })
  netProceeds?: Decimal | null;

  @Property({ type: DecimalType, fieldName: 'cost_basis', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'What the item cost the seller, in the order currency; null when unknown.' })
  costBasis?: Decimal | null;

  @Property({ type: DecimalType, fieldName: 'gross_profit', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Sale price − cost basis (before fees and shipping).' })
  grossProfit?: Decimal | null;

  @Property({ type: DecimalType, fieldName: 'net_profit', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Net proceeds − cost basis: what the sale really earned.' })
  netProfit?: Decimal | null;

  @Property({ type: DecimalType, precision: 12, scale: 4, nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Net profit / sale price, as a fraction to 4 places (0.1234 = 12.34 %).' })
  margin?: Decimal | null;

  @Property({ type: DecimalType, precision: 12, scale: 4, nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Net profit / cost basis, as a fraction to 4 places; null without a cost basis.' })
  roi?: Decimal | null;

  @Property({ type: 'character(3)', fieldName: 'base_currency' })
  @Field(() => CurrencyScalar, { description: "The account's base currency the base amounts are in." })
  baseCurrency!: string;

  @Property({ type: DecimalType, precision: 18, scale: 8, fieldName: 'fx_rate', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Units of base currency per unit of the order currency used for the base amounts (1 when they are the same); null when no rate was known, and then the base amounts are null too.' })
  fxRate?: Decimal | null;

  @Property({ type: 'date', fieldName: 'fx_date', nullable: true })
  @Field(() => String, { nullable: true, description: 'Date (YYYY-MM-DD) of the FX rate used; null when no conversion was needed.' })
  fxDate?: string | null;

  @Property({ type: DecimalType, fieldName: 'base_sale_price', nullable: true })
  baseSalePrice?: Decimal | null;

  @Property({ type: DecimalType, fieldName: 'base_fees', nullable: true })
  baseFees?: Decimal | null;

  @Property({ type: DecimalType, fieldName: 'base_shipping_cost', nullable: true })
  baseShippingCost?: Decimal | null;

  @Property({ type: DecimalType, fieldName: 'base_net_proceeds', nullable: true })
  baseNetProceeds?: Decimal | null;

  @Property({ type: DecimalType, fieldName: 'base_cost_basis', nullable: true })
  baseCostBasis?: Decimal | null;

  @Property({ type: DecimalType, fieldName: 'base_gross_profit', nullable: true })
  baseGrossProfit?: Decimal | null;

  @Property({ type: DecimalType, fieldName: 'base_net_profit', nullable: true })
  baseNetProfit?: Decimal | null;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Units sold in this order (sum of its items).' })
  quantity: number = 1;

  @Property({ type: 'text', fieldName: 'tracking_number', nullable: true })
  @Field(() => String, { nullable: true, description: 'Carrier tracking number, when shipped.' })
  trackingNumber?: string | null;

  @Property({ type: 'timestamptz', fieldName: 'ordered_at' })
  @Field(() => DateTimeScalar, { description: 'When the buyer placed the order: the sale date of analytics and of the tax report; its date picks the FX rate.' })
  orderedAt!: Date;

  @Property({ type: 'timestamptz', fieldName: 'shipped_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was first seen SHIPPED.' })
  shippedAt?: Date | null;

  @Property({ type: 'timestamptz', fieldName: 'completed_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was first seen COMPLETED.' })
  completedAt?: Date | null;

  @Property({ type: 'timestamptz', fieldName: 'synced_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When sync last wrote it; null for manual orders.' })
  syncedAt?: Date | null;

  @Field(() => Money, { nullable: true, description: 'Sale price in the base currency.' })
  get baseSale(): Money | null {
    return Money.of(this.baseSalePrice, this.baseCurrency);
  }

  @Field(() => Money, { nullable: true, description: 'Seller fee + processing fee + fixed fee in the base currency.' })
  get baseTotalFees(): Money | null {
    return Money.of(this.baseFees, this.baseCurrency);
  }

  @Field(() => Money, { nullable: true, description: 'Net proceeds in the base currency.' })
  get baseNet(): Money | null {
    return Money.of(this.baseNetProceeds, this.baseCurrency);
  }

  @Field(() => Money, { nullable: true, description: 'Cost basis in the base currency.' })
  get baseCost(): Money | null {
    return Money.of(this.baseCostBasis, this.baseCurrency);
  }

  @Field(() => Money, { nullable: true, description: 'Net profit in the base currency (base net proceeds − base cost basis).' })
  get baseProfit(): Money | null {
    return Money.of(this.baseNetProfit, this.baseCurrency);
  }

  @Field(() => DateTimeScalar, { name: 'createdAt', description: 'When the order was first stored.' })
  get created(): Date {
    return this.createdAt;
  }
}
