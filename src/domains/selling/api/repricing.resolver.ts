import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../../common/context';
import { DateTimeScalar } from '../../../common/scalars';
import { Requirement } from '../../accounts';
import { Listing } from '../entities/listing.entity';
import { ListingByIdLoader } from '../listings/listing.loaders';
import { repriceListings } from '../repricing/reprice-listings.service';
import { setRepricingRule } from '../repricing/repricing-rule.service';
import { strategyPerformance } from '../repricing/strategy-performance.service';
import { RepriceListingsInput, SetRepricingRuleInput } from './repricing.inputs';
import { RepriceListingsPayload, RepricingDecision, RepricingRulePayload, StrategyPerformance } from './repricing.types';

@Resolver(() => RepricingDecision)
export class RepricingResolver {
  @Authorized(Requirement.WRITE)
  @Mutation(() => RepricingRulePayload, { description: "Creates or replaces a listing's repricing rule." })
  setRepricingRule(@Arg('input', { description: 'The listing and its rule.' }) input: SetRepricingRuleInput, @Ctx() ctx: Context) {
    return setRepricingRule(ctx, input);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => RepriceListingsPayload, { description: "Runs the repricer over the viewer's listings now and returns a decision per listing; dryRun writes nothing." })
  repriceListings(@Arg('input', { description: 'Which listings, and whether to write.' }) input: RepriceListingsInput, @Ctx() ctx: Context) {
    return repriceListings(ctx, input);
  }

  @Authorized()
  @Query(() => [StrategyPerformance], { description: 'Listings, sales, average margin and days to sale per repricing strategy, over listings created in the period.' })
  strategyPerformance(
    @Ctx() ctx: Context,
    @Arg('from', () => DateTimeScalar, { nullable: true, description: 'Listings created at or after this time (default: all).' }) from?: Date,
    @Arg('to', () => DateTimeScalar, { nullable: true, description: 'Listings created before this time (default: now).' }) to?: Date,
  ) {
    return strategyPerformance(ctx, { from, to });
  }

  @FieldResolver(() => Listing, { nullable: true, description: 'The listing decided on.' })
  listing(@Root() decision: RepricingDecision, @Ctx() ctx: Context) {
    return ctx.loaders.get(ListingByIdLoader).load(decision.decision.listingId);
  }
}
