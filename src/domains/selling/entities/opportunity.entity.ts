import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import type Decimal from 'decimal.js';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../../common/node';
import { BaseEntity } from '../../../common/orm/base.entity';
import { DecimalType } from '../../../common/orm/decimal.type';
import { CurrencyScalar, DateTimeScalar, DecimalScalar } from '../../../common/scalars';

/** Life of an arbitrage opportunity; ACTED is per account (see `opportunity_action`), the others are the market's. */
export enum OpportunityStatus {
  OPEN = 'OPEN',
  ACTED = 'ACTED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(OpportunityStatus, {
  name: 'OpportunityStatus',
  description: 'Where an arbitrage opportunity stands.',
  valuesConfig: {
    OPEN: { description: 'Still profitable at the latest market prices.' },
    ACTED: { description: 'The viewer acted on it (bought or listed from it).' },
    EXPIRED: { description: 'No longer profitable at the latest prices; kept for history.' },
  },
});

/** Which market price the sell side is valued at. */
export enum SellPriceSource {
  HIGHEST_BID = 'HIGHEST_BID',
  LAST_SALE = 'LAST_SALE',
}

registerEnumType(SellPriceSource, {
  name: 'SellPriceSource',
  description: 'Which market price the sell side of an opportunity is valued at.',
  valuesConfig: {
    HIGHEST_BID: { description: 'The highest bid: a buyer waiting at that price.' },
    LAST_SALE: { description: 'The last sale, used when nobody bids.' },
  },
});

/**
 * Buy a size at the lowest ask on one platform (plus the buyer fee) and sell it at the highest bid (or last
 * sale) on another (minus the seller fees). Derived from shared market data, so rows are shared by all
 * accounts; the detection job writes and expires them set-based in SQL.
 */
@Entity({ tableName: 'opportunity' })
@Index({ properties: ['marketStatus', 'expectedProfit', 'id'] })
@ObjectType('Opportunity', { implements: Node, description: 'An arbitrage opportunity: buy a size on one platform, sell it on another, fees included on both sides.' })
export class Opportunity extends BaseEntity {
  @ManyToOne({ entity: 'Variant', mapToPk: true, fieldName: 'variant_id', type: 'uuid' })
  variantId!: string;

  @ManyToOne({ entity: 'Product', mapToPk: true, fieldName: 'product_id', type: 'uuid' })
  productId!: string;

  @ManyToOne({ entity: 'Platform', mapToPk: true, fieldName: 'buy_platform_id', type: 'uuid' })
  buyPlatformId!: string;

  @ManyToOne({ entity: 'Platform', mapToPk: true, fieldName: 'sell_platform_id', type: 'uuid' })
  sellPlatformId!: string;

  @Property({ type: 'character(3)' })
  @Field(() => CurrencyScalar, { description: 'Currency of every amount (both sides trade in it).' })
  currency!: string;

  @Property({ type: DecimalType, fieldName: 'buy_price' })
  @Field(() => DecimalScalar, { description: 'Lowest ask on the buy platform.' })
  buyPrice!: Decimal;

  @Property({ type: DecimalType, fieldName: 'buyer_fee' })
  @Field(() => DecimalScalar, { description: "Buyer fee on the buy platform: its buyer fee rate × the ask, to the cent." })
  buyerFee!: Decimal;

  @Property({ type: DecimalType, fieldName: 'buy_cost' })
  @Field(() => DecimalScalar, { description: 'What buying costs: lowest ask + buyer fee.' })
  buyCost!: Decimal;

  @Property({ type: DecimalType, fieldName: 'sell_price' })
  @Field(() => DecimalScalar, { description: 'Expected sale price on the sell platform (highest bid, else last sale).' })
  sellPrice!: Decimal;

  @Enum({ items: () => SellPriceSource, type: 'text', fieldName: 'sell_price_source' })
  @Field(() => SellPriceSource, { description: 'Whether the sale price is the highest bid or the last sale.' })
  sellPriceSource!: SellPriceSource;

  @Property({ type: DecimalType, fieldName: 'seller_fees' })
  @Field(() => DecimalScalar, { description: 'Seller fee (at least the minimum) + processing + fixed fee on the sell platform.' })
  sellerFees!: Decimal;

  @Property({ type: DecimalType, fieldName: 'expected_net' })
  @Field(() => DecimalScalar, { description: 'Expected payout of the sale: sale price − seller fees.' })
  expectedNet!: Decimal;

  @Property({ type: DecimalType, fieldName: 'expected_profit' })
  @Field(() => DecimalScalar, { description: 'Expected net − buy cost.' })
  expectedProfit!: Decimal;

  @Property({ type: DecimalType, precision: 12, scale: 4 })
  @Field(() => DecimalScalar, { description: 'Expected profit / sale price, as a fraction to 4 places.' })
  margin!: Decimal;

  @Property({ type: DecimalType, precision: 12, scale: 4 })
  @Field(() => DecimalScalar, { description: 'Expected profit / buy cost, as a fraction to 4 places.' })
  roi!: Decimal;

  @Enum({ items: () => OpportunityStatus, type: 'text', fieldName: 'market_status' })
  marketStatus!: OpportunityStatus;

  @Property({ type: 'timestamptz', fieldName: 'detected_at' })
  @Field(() => DateTimeScalar, { description: 'When the opportunity was first detected.' })
  detectedAt!: Date;

  @Property({ type: 'timestamptz', fieldName: 'last_seen_at' })
  @Field(() => DateTimeScalar, { description: 'When the detection job last confirmed it (amounts are as of then).' })
  lastSeenAt!: Date;

  @Property({ type: 'timestamptz', fieldName: 'expired_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it stopped being profitable.' })
  expiredAt?: Date | null;
}
