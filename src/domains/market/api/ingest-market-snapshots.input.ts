import type Decimal from 'decimal.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ErrorPolicy } from '../../../common/error-policy';
import { UserError } from '../../../common/errors';
import { CurrencyScalar, DateTimeScalar, DecimalScalar } from '../../../common/scalars';
import { MarketDataSource } from '../entities/market.enums';

@InputType({ description: 'One market observation of a size on a platform.' })
export class MarketSnapshotInput {
  @Field(() => ID, { description: 'The size (variant).' })
  variantId!: string;

  @Field({ description: 'Platform slug, e.g. "stockx".' })
  platform!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Cheapest ask; omit when nobody is asking.' })
  lowestAsk?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Highest bid; must not exceed the lowest ask.' })
  highestBid?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Price of the most recent sale.' })
  lastSale?: Decimal | null;

  @Field(() => Int, { nullable: true, description: 'Sales in the last 7 days.' })
  sales7d?: number | null;

  @Field(() => Int, { nullable: true, description: 'Sales in the last 30 days.' })
  sales30d?: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Volatility from 0 to 1 (rounded to 4 decimals).' })
  volatility?: Decimal | null;

  @Field(() => CurrencyScalar, { nullable: true, description: "Currency of the amounts (default: the platform's currency)." })
  currency?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the prices were observed (default: now); not in the future.' })
  capturedAt?: Date | null;

  @Field(() => MarketDataSource, { defaultValue: MarketDataSource.MANUAL, description: 'Where the prices come from (default MANUAL).' })
  source: MarketDataSource = MarketDataSource.MANUAL;
}

@InputType({ description: 'Market snapshots to ingest in one request.' })
export class IngestMarketSnapshotsInput {
  @Field(() => [MarketSnapshotInput], { description: 'The snapshots (at most 5,000).' })
  snapshots!: MarketSnapshotInput[];

  @Field(() => ErrorPolicy, { defaultValue: ErrorPolicy.REJECT_EVERYTHING, description: 'What to do when some rows are invalid.' })
  errorPolicy: ErrorPolicy = ErrorPolicy.REJECT_EVERYTHING;
}

@ObjectType({ description: 'Outcome of one row of a snapshot ingest.' })
export class IngestSnapshotResult {
  @Field(() => Int, { description: 'Position of the row in the input.' })
  index!: number;

  @Field({ description: 'True when the row was valid and written (or was already stored).' })
  accepted!: boolean;

  @Field(() => [UserError], { description: 'Why the row was not written.' })
  errors!: UserError[];
}

@ObjectType({ description: 'Result of ingestMarketSnapshots.' })
export class IngestMarketSnapshotsPayload {
  @Field(() => Int, { description: 'Snapshots stored (identical snapshots already stored are not counted).' })
  written!: number;

  @Field(() => Int, { description: 'Price changes detected and published to priceChanged subscribers.' })
  changes!: number;

  @Field(() => [IngestSnapshotResult], { description: 'One result per input row.' })
  results!: IngestSnapshotResult[];

  @Field(() => [UserError], { description: 'Every row error, with paths like ["snapshots", "2", "lowestAsk"].' })
  errors!: UserError[];
}
