import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import type Decimal from 'decimal.js';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../../common/node';
import { BaseEntity } from '../../../common/orm/base.entity';
import { DecimalType } from '../../../common/orm/decimal.type';
import { CurrencyScalar } from '../../../common/scalars';
import { PlatformKind } from './catalog.enums';

@Entity({ tableName: 'platform' })
@ObjectType('Platform', { implements: Node, description: 'A marketplace or storefront a reseller sells on, with its fee schedule.' })
export class Platform extends BaseEntity {
  @Unique()
  @Property({ type: 'text' })
  @Field({ description: 'Stable short name, e.g. "stockx", "ebay".' })
  slug!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Display name.' })
  name!: string;

  @Enum({ items: () => PlatformKind, type: 'text' })
  @Field(() => PlatformKind, { description: 'What kind of venue this is.' })
  kind!: PlatformKind;

  @Property({ type: 'character(3)', fieldName: 'default_currency' })
  @Field(() => CurrencyScalar, { description: 'Currency prices are quoted in by default.' })
  defaultCurrency!: string;

  @Property({ type: DecimalType, precision: 6, scale: 4, fieldName: 'seller_fee_rate' })
  sellerFeeRate!: Decimal;

  @Property({ type: DecimalType, precision: 6, scale: 4, fieldName: 'payment_processing_rate' })
  paymentProcessingRate!: Decimal;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'fixed_fee' })
  fixedFee!: Decimal;

  @Property({ type: DecimalType, precision: 12, scale: 2, fieldName: 'minimum_fee' })
  minimumFee!: Decimal;

  @Property({ type: DecimalType, precision: 6, scale: 4, fieldName: 'buyer_fee_rate' })
  buyerFeeRate!: Decimal;

  @Property({ type: 'boolean', fieldName: 'supports_market_data' })
  supportsMarketData!: boolean;

  @Property({ type: 'boolean', fieldName: 'supports_listings' })
  supportsListings!: boolean;

  @Property({ type: 'boolean', fieldName: 'supports_orders' })
  supportsOrders!: boolean;
}
