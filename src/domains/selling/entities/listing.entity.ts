import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import type Decimal from 'decimal.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '../../../common/money';
import { Node, toGlobalId } from '../../../common/node';
import { OwnedEntity } from '../../../common/orm/base.entity';
import { DecimalType } from '../../../common/orm/decimal.type';
import { CurrencyScalar, DateTimeScalar } from '../../../common/scalars';
import { ListingOperationStatus, ListingOperationType, ListingSource, ListingStatus } from '../listings/listing.enums';

/**
 * One of the viewer's items offered on one platform. `version` is the optimistic lock: every write checks
 * and bumps it, so two writers never silently overwrite each other's price.
 */
@Entity({ tableName: 'listing' })
@Index({ properties: ['accountId', 'createdAt', 'id'] })
@ObjectType('Listing', { implements: Node, description: "One of the viewer's inventory items offered on a platform, with its ask, floor and repricing rule." })
export class Listing extends OwnedEntity {
  @ManyToOne({ entity: 'InventoryItem', mapToPk: true, fieldName: 'inventory_item_id', type: 'uuid' })
  inventoryItemId!: string;

  /** Copied from the item so price events (variant, platform) find their listings through one index. */
  @ManyToOne({ entity: 'Variant', mapToPk: true, fieldName: 'variant_id', type: 'uuid' })
  variantId!: string;

  @ManyToOne({ entity: 'Platform', mapToPk: true, fieldName: 'platform_id', type: 'uuid' })
  platformId!: string;

  @Property({ type: 'text', fieldName: 'external_listing_id', nullable: true })
  @Field(() => String, { nullable: true, description: "The platform's id of this listing; null while it exists only in MarketGraph." })
  externalListingId?: string | null;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'ask_price' })
  askPrice!: Decimal;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'original_ask' })
  originalAsk!: Decimal;

  @Property({ type: 'character(3)' })
  @Field(() => CurrencyScalar, { description: "Currency of every amount of the listing (the platform's currency)." })
  currency!: string;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'cost_basis' })
  costBasis!: Decimal;

  @Enum({ items: () => ListingStatus, type: 'text' })
  @Field(() => ListingStatus, { description: 'Where the listing stands.' })
  status: ListingStatus = ListingStatus.DRAFT;

  @Property({ type: 'timestamptz', fieldName: 'expires_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the platform takes the listing down by itself.' })
  expiresAt?: Date | null;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'market_lowest_ask', nullable: true })
  marketLowestAsk?: Decimal | null;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'market_highest_bid', nullable: true })
  marketHighestBid?: Decimal | null;

  @Enum({ items: () => ListingSource, type: 'text', fieldName: 'created_from' })
  @Field(() => ListingSource, { description: 'How the listing came to be.' })
  createdFrom: ListingSource = ListingSource.MANUAL;

  @Property({ type: 'uuid', fieldName: 'source_opportunity_id', nullable: true })
  sourceOpportunityId?: string | null;

  @Property({ type: 'timestamptz', fieldName: 'listed_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the listing first went up for sale.' })
  listedAt?: Date | null;

  @Property({ type: 'timestamptz', fieldName: 'delisted_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was last taken down.' })
  delistedAt?: Date | null;

  @Property({ type: 'timestamptz', fieldName: 'last_price_change_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: "When the ask last changed; the repricing cooldown counts from here." })
  lastPriceChangeAt?: Date | null;

  @Property({ type: 'timestamptz', fieldName: 'sold_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it sold.' })
  soldAt?: Date | null;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'sold_price', nullable: true })
  soldPrice?: Decimal | null;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'sold_net_proceeds', nullable: true })
  soldNetProceeds?: Decimal | null;

  /** The repricing strategy in force when it sold, for strategy analytics. */
  @Property({ type: 'text', fieldName: 'sold_strategy', nullable: true })
  soldStrategy?: string | null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int, { description: 'Optimistic-lock version; pass it as expectedVersion to updateListingPrice.' })
  version!: number;

  @Property({ type: 'text', fieldName: 'external_operation_id', nullable: true })
  @Field(() => String, { nullable: true, description: "The platform's id of the last asynchronous operation (StockX), while it is polled." })
  externalOperationId?: string | null;

  @Enum({ items: () => ListingOperationType, type: 'text', fieldName: 'external_operation_type', nullable: true })
  @Field(() => ListingOperationType, { nullable: true, description: 'The last marketplace write of this listing; null when it never touched a platform.' })
  externalOperationType?: ListingOperationType | null;

  @Enum({ items: () => ListingOperationStatus, type: 'text', fieldName: 'external_operation_status', nullable: true })
  @Field(() => ListingOperationStatus, { nullable: true, description: 'Progress of that write.' })
  externalOperationStatus?: ListingOperationStatus | null;

  @Property({ type: 'text', fieldName: 'external_operation_error', nullable: true })
  @Field(() => String, { nullable: true, description: "The platform's reason when the last write failed." })
  externalOperationError?: string | null;

  @Field(() => Money, { name: 'askPrice', description: 'The current ask.' })
  get ask(): Money {
    return Money.of(this.askPrice, this.currency.trim())!;
  }

  @Field(() => Money, { name: 'originalAsk', description: 'The ask the listing was created with.' })
  get originalAskPrice(): Money {
    return Money.of(this.originalAsk, this.currency.trim())!;
  }

  @Field(() => Money, { name: 'costBasis', description: 'What the item cost, in the listing currency; floors and profit are built on it.' })
  get cost(): Money {
    return Money.of(this.costBasis, this.currency.trim())!;
  }

  @Field(() => Money, { name: 'marketLowestAsk', nullable: true, description: "The market's lowest ask when the price last changed." })
  get marketLowestAskAtChange(): Money | null {
    return Money.of(this.marketLowestAsk, this.currency.trim());
  }

  @Field(() => Money, { name: 'marketHighestBid', nullable: true, description: "The market's highest bid when the price last changed." })
  get marketHighestBidAtChange(): Money | null {
    return Money.of(this.marketHighestBid, this.currency.trim());
  }

  @Field(() => Money, { nullable: true, description: 'The price it sold at.' })
  get salePrice(): Money | null {
    return Money.of(this.soldPrice, this.currency.trim());
  }

  @Field(() => ID, { nullable: true, description: 'Global id of the arbitrage opportunity it was created from.' })
  get sourceOpportunity(): string | null {
    return this.sourceOpportunityId ? toGlobalId('Opportunity', this.sourceOpportunityId) : null;
  }

  @Field(() => DateTimeScalar, { name: 'createdAt', description: 'When the listing was created.' })
  get created(): Date {
    return this.createdAt;
  }

  @Field(() => DateTimeScalar, { name: 'updatedAt', description: 'Last change of the listing.' })
  get updated(): Date {
    return this.updatedAt;
  }
}
