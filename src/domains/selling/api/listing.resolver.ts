import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../../common/context';
import { Money } from '../../../common/money';
import { ConnectionArgs, ConnectionType } from '../../../common/pagination';
import { Platform, PlatformByIdLoader, Variant, VariantByIdLoader } from '../../catalog';
import { InventoryItem, InventoryItemByIdLoader } from '../../inventory';
import { Listing } from '../entities/listing.entity';
import { PricingHistory } from '../entities/pricing-history.entity';
import { RepricingRule } from '../entities/repricing-rule.entity';
import { ListingByIdLoader, PricingHistoryByListingLoader, RepricingRuleByListingLoader } from '../listings/listing.loaders';
import { effectiveListingFloor, listListings } from '../listings/listing.service';
import { ListingFilter } from './listing-filter.input';

export const ListingConnection = ConnectionType(Listing, 'Listing', "A page of the viewer's listings.");
const MAX_HISTORY = 100;

@Resolver(() => Listing)
export class ListingResolver {
  @Authorized()
  @Query(() => ListingConnection, { description: "The viewer's listings, newest first." })
  listings(
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ListingFilter, { nullable: true, description: 'Conditions to narrow the list.' }) filter?: ListingFilter,
  ) {
    return listListings(ctx, filter, page, info);
  }

  @FieldResolver(() => InventoryItem, { description: 'The item offered.' })
  inventoryItem(@Root() listing: Listing, @Ctx() ctx: Context) {
    return ctx.loaders.get(InventoryItemByIdLoader).load(listing.inventoryItemId);
  }

  @FieldResolver(() => Variant, { description: 'The size offered.' })
  variant(@Root() listing: Listing, @Ctx() ctx: Context) {
    return ctx.loaders.get(VariantByIdLoader).load(listing.variantId);
  }

  @FieldResolver(() => Platform, { description: 'Where it is offered.' })
  platform(@Root() listing: Listing, @Ctx() ctx: Context) {
    return ctx.loaders.get(PlatformByIdLoader).load(listing.platformId);
  }

  @FieldResolver(() => RepricingRule, { nullable: true, description: 'How it is repriced; null when it has no rule.' })
  repricingRule(@Root() listing: Listing, @Ctx() ctx: Context) {
    return ctx.loaders.get(RepricingRuleByListingLoader).load(listing.id);
  }

  @FieldResolver(() => Money, { description: 'The effective floor: the rule\'s explicit floor, else the lowest ask netting cost basis + minimum margin after fees.' })
  floorPrice(@Root() listing: Listing, @Ctx() ctx: Context) {
    return effectiveListingFloor(ctx, listing);
  }

  @FieldResolver(() => [PricingHistory], { description: 'Its applied price changes, newest first.' })
  pricingHistory(
    @Root() listing: Listing,
    @Ctx() ctx: Context,
    @Arg('last', () => Int, { defaultValue: 20, description: `How many of the latest changes (at most ${MAX_HISTORY}; default 20).` }) last: number,
  ) {
    return ctx.loaders.get(PricingHistoryByListingLoader).load({ listingId: listing.id, limit: Math.max(0, Math.min(MAX_HISTORY, last)) });
  }
}

@Resolver(() => RepricingRule)
export class RepricingRuleResolver {
  @FieldResolver(() => Listing, { description: 'The listing this rule reprices.' })
  listing(@Root() rule: RepricingRule, @Ctx() ctx: Context) {
    return ctx.loaders.get(ListingByIdLoader).load(rule.listingId);
  }
}

@Resolver(() => PricingHistory)
export class PricingHistoryResolver {
  @FieldResolver(() => Listing, { description: 'The listing whose price changed.' })
  listing(@Root() history: PricingHistory, @Ctx() ctx: Context) {
    return ctx.loaders.get(ListingByIdLoader).load(history.listingId);
  }
}
