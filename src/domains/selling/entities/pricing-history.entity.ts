import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import type Decimal from 'decimal.js';
import { Field, ObjectType } from 'type-graphql';
import { Money } from '../../../common/money';
import { Node } from '../../../common/node';
import { OwnedEntity } from '../../../common/orm/base.entity';
import { DecimalType } from '../../../common/orm/decimal.type';
import { DateTimeScalar } from '../../../common/scalars';
import { PricingReason } from '../listings/listing.enums';
import { RepricingStrategyKind } from '../repricing/repricing-strategy';

/** One applied price change of a listing, written in the same transaction as the change itself. */
@Entity({ tableName: 'pricing_history' })
@Index({ properties: ['listingId', 'createdAt', 'id'] })
@ObjectType('PricingHistory', { implements: Node, description: 'One applied price change of a listing, with why and what the market showed at that moment.' })
export class PricingHistory extends OwnedEntity {
  @ManyToOne({ entity: 'Listing', mapToPk: true, fieldName: 'listing_id', type: 'uuid' })
  listingId!: string;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'old_price' })
  oldPrice!: Decimal;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'new_price' })
  newPrice!: Decimal;

  @Property({ type: 'character(3)' })
  currency!: string;

  @Enum({ items: () => PricingReason, type: 'text' })
  @Field(() => PricingReason, { description: 'Why the price changed.' })
  reason!: PricingReason;

  @Enum({ items: () => RepricingStrategyKind, type: 'text', nullable: true })
  @Field(() => RepricingStrategyKind, { nullable: true, description: "The listing's repricing strategy at that moment." })
  strategy?: RepricingStrategyKind | null;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'market_lowest_ask', nullable: true })
  marketLowestAsk?: Decimal | null;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'market_highest_bid', nullable: true })
  marketHighestBid?: Decimal | null;

  @Field(() => Money, { name: 'oldPrice', description: 'The ask before the change.' })
  get oldAsk(): Money {
    return Money.of(this.oldPrice, this.currency.trim())!;
  }

  @Field(() => Money, { name: 'newPrice', description: 'The ask after the change.' })
  get newAsk(): Money {
    return Money.of(this.newPrice, this.currency.trim())!;
  }

  @Field(() => Money, { name: 'marketLowestAsk', nullable: true, description: "The market's lowest ask at that moment." })
  get lowestAskAtChange(): Money | null {
    return Money.of(this.marketLowestAsk, this.currency.trim());
  }

  @Field(() => Money, { name: 'marketHighestBid', nullable: true, description: "The market's highest bid at that moment." })
  get highestBidAtChange(): Money | null {
    return Money.of(this.marketHighestBid, this.currency.trim());
  }

  @Field(() => DateTimeScalar, { name: 'changedAt', description: 'When the change was applied.' })
  get changedAt(): Date {
    return this.createdAt;
  }
}
