import type Decimal from 'decimal.js';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { CurrencyScalar, DateTimeScalar, DecimalScalar } from '../../../common/scalars';
import { HistoryInterval, MoverPeriod, PayoutBasis } from '../entities/market.enums';

@ArgsType()
export class MarketQuoteArgs {
  @Field(() => [String], { nullable: true, description: 'Only these platforms (slugs); every platform with prices when omitted.' })
  platforms?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Prices older than this many seconds are flagged stale and a refresh is requested (default 21600, six hours).' })
  maxAgeSeconds?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'When prices are stale or missing, wait up to this many milliseconds (0–10000) for the refresh they trigger and answer with the fresh prices; 0 or omitted answers at once with what exists, flagged stale.',
  })
  waitMs?: number | null;
}

@ArgsType()
export class PriceHistoryArgs {
  @Field(() => String, { nullable: true, description: 'Only this platform (slug); one series per platform when omitted.' })
  platform?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Start (inclusive); default 30 days (DAY) or 2 days (HOUR) before `to`.' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End (exclusive); default now.' })
  to?: Date | null;

  @Field(() => HistoryInterval, { nullable: true, description: 'Bucket width (default DAY); at most 1,000 buckets.' })
  interval?: HistoryInterval | null;
}

@ArgsType()
export class BestPlatformArgs {
  @Field(() => PayoutBasis, { nullable: true, description: 'Which price the sale is assumed at (default LOWEST_ASK).' })
  basis?: PayoutBasis | null;

  @Field(() => CurrencyScalar, { nullable: true, description: "Compare prices in this currency only (default: the viewer's base currency, else USD)." })
  currency?: string | null;
}

@ArgsType()
export class MarketMoversArgs {
  @Field(() => MoverPeriod, { nullable: true, description: 'Look-back window (default DAY).' })
  period?: MoverPeriod | null;

  @Field(() => Int, { nullable: true, description: 'How many moves to return (default 20, at most 100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Only this platform (slug).' })
  platform?: string | null;
}

@InputType({ description: 'Which price changes to receive; all given conditions must hold.' })
export class PriceChangeFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these products (at most 100); each is its own topic, so other products cost this subscription nothing.' })
  productIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only these sizes (at most 100).' })
  variantIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only these platforms (slugs).' })
  platforms?: string[] | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Only changes of at least this many percent, up or down. Events without a percentage (a price appearing or disappearing) are then left out.' })
  minChangePercent?: Decimal | null;
}
