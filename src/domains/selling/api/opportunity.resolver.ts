import type Decimal from 'decimal.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../../common/context';
import { ConnectionArgs } from '../../../common/pagination';
import { DecimalScalar } from '../../../common/scalars';
import { Platform, PlatformByIdLoader, Product, ProductByIdLoader, Variant, VariantByIdLoader } from '../../catalog';
import { Listing } from '../entities/listing.entity';
import { Opportunity, OpportunityStatus } from '../entities/opportunity.entity';
import { ListingByIdLoader } from '../listings/listing.loaders';
import { OpportunityActedLoader } from '../opportunities/opportunity.loaders';
import { arbitrageOpportunities, statusFor } from '../opportunities/opportunity-query.service';
import { repricingOpportunities } from '../opportunities/repricing-opportunities.service';
import { OpportunityConnection, RepricingOpportunity } from './opportunity.types';

@Resolver(() => Opportunity)
export class OpportunityResolver {
  @Authorized()
  @Query(() => OpportunityConnection, { description: 'Open arbitrage opportunities across platforms, fees on both sides included, most profitable first.' })
  arbitrageOpportunities(
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('minProfit', () => DecimalScalar, { nullable: true, description: 'Only opportunities expected to earn at least this much.' }) minProfit?: Decimal,
    @Arg('minMarginPercent', () => DecimalScalar, { nullable: true, description: 'Only opportunities with at least this margin, in percent of the sale price (0–100).' }) minMarginPercent?: Decimal,
  ) {
    return arbitrageOpportunities(ctx, { minProfit, minMarginPercent }, page, info);
  }

  @Authorized()
  @Query(() => [RepricingOpportunity], { description: "The viewer's active listings priced more than minGapPercent above the market's lowest ask, on platforms where the size sells; largest gap first." })
  repricingOpportunities(
    @Ctx() ctx: Context,
    @Arg('minGapPercent', () => DecimalScalar, { nullable: true, description: 'Minimum gap above the lowest ask, in percent (default 5).' }) minGapPercent?: Decimal,
  ) {
    return repricingOpportunities(ctx, minGapPercent);
  }

  @FieldResolver(() => OpportunityStatus, { description: 'OPEN or EXPIRED as the market stands; ACTED once the viewer acted on it.' })
  async status(@Root() opportunity: Opportunity, @Ctx() ctx: Context) {
    return statusFor(opportunity, await ctx.loaders.get(OpportunityActedLoader).load(opportunity.id));
  }

  @FieldResolver(() => Variant, { description: 'The size to buy and sell.' })
  variant(@Root() opportunity: Opportunity, @Ctx() ctx: Context) {
    return ctx.loaders.get(VariantByIdLoader).load(opportunity.variantId);
  }

  @FieldResolver(() => Product, { description: 'Its product.' })
  product(@Root() opportunity: Opportunity, @Ctx() ctx: Context) {
    return ctx.loaders.get(ProductByIdLoader).load(opportunity.productId);
  }

  @FieldResolver(() => Platform, { description: 'Where to buy (at its lowest ask).' })
  buyPlatform(@Root() opportunity: Opportunity, @Ctx() ctx: Context) {
    return ctx.loaders.get(PlatformByIdLoader).load(opportunity.buyPlatformId);
  }

  @FieldResolver(() => Platform, { description: 'Where to sell (at its highest bid or last sale).' })
  sellPlatform(@Root() opportunity: Opportunity, @Ctx() ctx: Context) {
    return ctx.loaders.get(PlatformByIdLoader).load(opportunity.sellPlatformId);
  }
}

@Resolver(() => RepricingOpportunity)
export class RepricingOpportunityResolver {
  @FieldResolver(() => Listing, { description: 'The listing.' })
  listing(@Root() opportunity: RepricingOpportunity, @Ctx() ctx: Context) {
    return ctx.loaders.get(ListingByIdLoader).load(opportunity.listingUuid);
  }
}
