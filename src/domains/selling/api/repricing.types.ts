import type Decimal from 'decimal.js';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../../common/errors';
import { Money } from '../../../common/money';
import { toGlobalId } from '../../../common/node';
import { DecimalScalar } from '../../../common/scalars';
import { Platform } from '../../catalog';
import { Listing } from '../entities/listing.entity';
import { RepricingRule } from '../entities/repricing-rule.entity';
import { RepricingGuard } from '../repricing/decide-reprice';
import { RepriceSkipReason, type ListingDecision } from '../repricing/reprice-run.service';
import { RepricingStrategyKind } from '../repricing/repricing-strategy';

/** What the repricer did with a listing. */
export enum RepricingAction {
  CHANGE = 'CHANGE',
  SKIP = 'SKIP',
}

registerEnumType(RepricingAction, {
  name: 'RepricingAction',
  description: 'What the repricer did with a listing.',
  valuesConfig: { CHANGE: { description: 'The price moves (or would, in a dry run).' }, SKIP: { description: 'The price stays; skipReason says why.' } },
});
registerEnumType(RepriceSkipReason, {
  name: 'RepricingSkipReason',
  description: 'Why the repricer left a price alone.',
  valuesConfig: {
    UNCHANGED: { description: 'The guarded target equals the current ask (or the market gave nothing to go on).' },
    COOLDOWN: { description: 'A change is due but the last one is within the cooldown.' },
    INVALID_RULE: { description: 'The rule contradicts itself (e.g. ceiling below floor); fix it.' },
    NO_RULE: { description: 'The listing has no active repricing rule.' },
    NOT_ACTIVE: { description: 'Only ACTIVE listings are repriced.' },
    CURRENCY_MISMATCH: { description: "The market is quoted in another currency than the listing's." },
    CONFLICT: { description: 'The listing changed while the run decided; the other writer won.' },
  },
});
registerEnumType(RepricingGuard, {
  name: 'RepricingGuard',
  description: "A guard that moved the strategy's target.",
  valuesConfig: {
    CEILING: { description: 'Capped at the ceiling.' },
    FLOOR: { description: 'Raised to the floor.' },
    MAX_CHANGE: { description: 'Limited by the maximum change per run.' },
    FLOOR_OVER_MAX_CHANGE: { description: 'Below the floor and out of reach of one run: the floor won.' },
    CEILING_OVER_MAX_CHANGE: { description: 'Above the ceiling and out of reach of one run: the ceiling won.' },
  },
});

@ObjectType({ simpleResolvers: true, description: "The repricer's decision for one listing." })
export class RepricingDecision {
  decision!: ListingDecision;

  @Field(() => ID, { description: 'Global id of the listing (select `listing` for the whole object).' })
  get listingId(): string {
    return toGlobalId('Listing', this.decision.listingId);
  }

  @Field(() => RepricingAction, { description: 'Change or skip.' })
  get action(): RepricingAction {
    return this.decision.action as RepricingAction;
  }

  @Field({ description: 'True when the change was written (never in a dry run).' })
  get applied(): boolean {
    return this.decision.applied;
  }

  @Field(() => Money, { description: 'The ask before the run.' })
  get oldPrice(): Money {
    return Money.of(this.decision.oldPrice, this.decision.currency)!;
  }

  @Field(() => Money, { description: 'The ask after the run (the old one for every skip).' })
  get newPrice(): Money {
    return Money.of(this.decision.newPrice, this.decision.currency)!;
  }

  @Field(() => Money, { nullable: true, description: 'The guarded price the rule asks for now, even when skipped.' })
  get proposedPrice(): Money | null {
    return Money.of(this.decision.proposedPrice, this.decision.currency);
  }

  @Field({ description: 'How the target was derived, each guard that moved it, and the outcome — or why the listing was skipped.' })
  get reason(): string {
    return this.decision.reason;
  }

  @Field(() => RepriceSkipReason, { nullable: true, description: 'Why nothing changed; null for a change.' })
  get skipReason(): RepriceSkipReason | null {
    return this.decision.skip;
  }

  @Field(() => [RepricingGuard], { description: 'Guards that moved the target, in order.' })
  get guards(): RepricingGuard[] {
    return this.decision.guards;
  }

  @Field(() => RepricingStrategyKind, { nullable: true, description: "The rule's strategy; null without a rule." })
  get strategy(): RepricingStrategyKind | null {
    return this.decision.strategy;
  }

  @Field(() => Money, { nullable: true, description: 'The effective floor (never crossed).' })
  get floor(): Money | null {
    return Money.of(this.decision.floor, this.decision.currency);
  }

  @Field(() => Money, { nullable: true, description: 'The effective ceiling, if any.' })
  get ceiling(): Money | null {
    return Money.of(this.decision.ceiling, this.decision.currency);
  }

  @Field(() => Money, { nullable: true, description: "The market's lowest ask the decision saw." })
  get marketLowestAsk(): Money | null {
    return Money.of(this.decision.marketLowestAsk, this.decision.currency);
  }

  @Field(() => Money, { nullable: true, description: "The market's highest bid the decision saw." })
  get marketHighestBid(): Money | null {
    return Money.of(this.decision.marketHighestBid, this.decision.currency);
  }

  static of(decision: ListingDecision): RepricingDecision {
    const result = new RepricingDecision();
    result.decision = decision;
    return result;
  }
}

@ObjectType({ description: 'Result of repriceListings.' })
export class RepriceListingsPayload {
  @Field({ description: 'True when nothing was written.' })
  dryRun!: boolean;

  @Field(() => Int, { description: 'Listings decided on.' })
  evaluated!: number;

  @Field(() => Int, { description: 'Decisions to change the price.' })
  changed!: number;

  @Field(() => Int, { description: 'Changes written (0 in a dry run; fewer than changed when another writer won).' })
  applied!: number;

  @Field({ description: 'True when more listings matched than one request reprices (20,000); narrow the filter or rely on the scheduled run.' })
  truncated!: boolean;

  @Field(() => [RepricingDecision], { description: 'One decision per listing, in listing id order.' })
  decisions!: RepricingDecision[];

  @Field(() => [UserError], { description: 'Problems with the filter.' })
  errors!: UserError[];
}

@ObjectType({ description: 'Result of setRepricingRule.' })
export class RepricingRulePayload {
  @Field(() => RepricingRule, { nullable: true, description: 'The rule as written.' })
  repricingRule?: RepricingRule | null;

  @Field(() => Listing, { nullable: true, description: 'The listing it governs.' })
  listing?: Listing | null;

  @Field(() => [UserError], { description: 'Why the rule was not written.' })
  errors!: UserError[];
}

@ObjectType({ simpleResolvers: true, description: 'How one repricing strategy performed for the viewer.' })
export class StrategyPerformance {
  @Field(() => RepricingStrategyKind, { nullable: true, description: 'The strategy (in force when the listing sold); null for listings without a rule.' })
  strategy!: RepricingStrategyKind | null;

  @Field(() => Int, { description: 'Listings created in the period.' })
  listings!: number;

  @Field(() => Int, { description: 'Of those, still ACTIVE.' })
  active!: number;

  @Field(() => Int, { description: 'Of those, sold (an order that was not cancelled or returned, or marked SOLD).' })
  sales!: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'sales / listings, 4 decimals.' })
  sellThroughRate!: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Average net margin (net profit / sale price) of the sales, 4 decimals.' })
  averageMargin!: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Average days from listing to sale, 2 decimals.' })
  averageDaysToSale!: Decimal | null;
}

@ObjectType({ simpleResolvers: true, description: 'What a strategy would ask for an item on one platform, and what the sale would earn after fees.' })
export class PricingRecommendation {
  @Field(() => Platform, { description: 'The platform.' })
  platform!: Platform;

  @Field(() => RepricingStrategyKind, { description: 'The strategy asked about.' })
  strategy!: RepricingStrategyKind;

  @Field(() => Money, { nullable: true, description: 'The recommended ask (held between the floor and any ceiling); null when the market gives the strategy nothing.' })
  price!: Money | null;

  @Field(() => Money, { nullable: true, description: 'The floor: the lowest ask netting the cost basis plus the minimum margin after fees.' })
  floor!: Money | null;

  @Field(() => Money, { nullable: true, description: 'Net proceeds of a sale at that price.' })
  expectedNet!: Money | null;

  @Field(() => Money, { nullable: true, description: 'expectedNet − the unit cost.' })
  expectedProfit!: Money | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'expectedProfit / price, 4 decimals.' })
  margin!: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'expectedProfit / unit cost, 4 decimals.' })
  roi!: Decimal | null;

  @Field(() => [RepricingGuard], { description: 'Guards that moved the target.' })
  guards!: RepricingGuard[];

  @Field({ description: 'How the price was derived, or why there is none.' })
  reason!: string;
}
