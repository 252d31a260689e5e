import type Decimal from 'decimal.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../../common/money';
import { CurrencyScalar, DateTimeScalar, DecimalScalar } from '../../../common/scalars';
import { MarketDataSource } from '../entities/market.enums';

@ObjectType('MarketQuote', { simpleResolvers: true, description: 'The latest market prices of one size on one platform, with their freshness.' })
export class MarketQuote {
  variantId!: string;
  productId!: string;
  platformId!: string;

  @Field(() => Money, { nullable: true, description: 'Cheapest ask; null when nobody is asking.' })
  lowestAsk!: Money | null;

  @Field(() => Money, { nullable: true, description: 'Highest bid; null when nobody is bidding.' })
  highestBid!: Money | null;

  @Field(() => Money, { nullable: true, description: 'Price of the most recent sale.' })
  lastSale!: Money | null;

  @Field(() => Money, { nullable: true, description: 'Lowest ask before its last change.' })
  previousLowestAsk!: Money | null;

  @Field(() => Money, { nullable: true, description: 'Highest bid before its last change.' })
  previousHighestBid!: Money | null;

  @Field(() => Money, { nullable: true, description: 'Last sale before its last change.' })
  previousLastSale!: Money | null;

  @Field(() => Int, { nullable: true, description: 'Sales in the last 7 days, as the platform reports them.' })
  sales7d!: number | null;

  @Field(() => Int, { nullable: true, description: 'Sales in the last 30 days, as the platform reports them.' })
  sales30d!: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Price volatility from 0 (flat) to 1.' })
  volatility!: Decimal | null;

  @Field(() => DateTimeScalar, { description: 'When these prices were observed.' })
  capturedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the lowest ask, highest bid or last sale last changed.' })
  changedAt!: Date | null;

  @Field(() => MarketDataSource, { description: 'Where the prices came from (SIMULATED for demo data).' })
  source!: MarketDataSource;

  @Field({ description: 'True when the prices are older than the maxAgeSeconds asked for; a refresh has been requested.' })
  stale!: boolean;

  @Field(() => Int, { description: 'Seconds since the prices were observed.' })
  ageSeconds!: number;
}

@ObjectType('PriceBucket', { simpleResolvers: true, description: 'Lowest asks of one size on one platform over one time bucket (open, high, low, close).' })
export class PriceBucket {
  variantId!: string;
  platformId!: string;

  @Field(() => DateTimeScalar, { description: 'Start of the bucket (inclusive, UTC-aligned).' })
  start!: Date;

  @Field(() => DateTimeScalar, { description: 'End of the bucket (exclusive).' })
  end!: Date;

  @Field(() => CurrencyScalar, { description: 'Currency of the amounts.' })
  currency!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'First lowest ask observed in the bucket.' })
  open!: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Highest lowest ask observed in the bucket.' })
  high!: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Lowest lowest ask observed in the bucket.' })
  low!: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Last lowest ask observed in the bucket.' })
  close!: Decimal | null;

  @Field(() => Int, { nullable: true, description: "Estimated sales in the bucket: the platform's 7-day sales count averaged over the bucket, prorated to its length." })
  volume!: number | null;

  @Field(() => Int, { description: 'Number of snapshots in the bucket.' })
  samples!: number;
}
