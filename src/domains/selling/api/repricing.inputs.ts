import type Decimal from 'decimal.js';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../../../common/scalars';
import { RepricingStrategyKind } from '../repricing/repricing-strategy';
import { ListingFilter } from './listing-filter.input';

@InputType({ description: 'A repricing rule: a strategy and the guards every decision respects. Amounts are in the listing currency; percents are percents (5 = 5 %).' })
export class RepricingRuleInput {
  @Field(() => RepricingStrategyKind, { description: 'How the target price is derived from the market.' })
  strategy!: RepricingStrategyKind;

  @Field(() => DecimalScalar, { nullable: true, description: 'COMPETITIVE: undercut the lowest ask by this amount.' })
  undercutAmount?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'COMPETITIVE: undercut by this percent of the lowest ask (below 100).' })
  undercutPercent?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'FIXED: the price to hold (default: the listing price).' })
  fixedPrice?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Explicit floor; replaces the default floor (the lowest ask netting cost basis + minimum margin after fees).' })
  floorPrice?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Profit after fees the default floor protects on top of the cost basis (default 0).' })
  minimumMargin?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Highest price the repricer may set.' })
  ceilingPrice?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Largest move per run, as a percent of the current ask.' })
  maxChangePercent?: Decimal | null;

  @Field(() => Int, { nullable: true, description: 'Minimum seconds between two price changes (at most 30 days).' })
  cooldownSeconds?: number | null;

  @Field(() => Boolean, { defaultValue: true, description: 'Inactive rules are kept but never applied (default true).' })
  active: boolean = true;
}

@InputType({ description: "Sets (creates or replaces) a listing's repricing rule." })
export class SetRepricingRuleInput {
  @Field(() => ID, { description: 'The listing.' })
  listingId!: string;

  @Field(() => RepricingRuleInput, { description: 'The rule.' })
  rule!: RepricingRuleInput;
}

@InputType({ description: "Runs the repricer over the viewer's active listings that have an active rule." })
export class RepriceListingsInput {
  @Field(() => ListingFilter, { nullable: true, description: 'Which listings (default: every active listing with an active rule).' })
  filter?: ListingFilter | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Decide and report, but write nothing (default false).' })
  dryRun: boolean = false;
}
