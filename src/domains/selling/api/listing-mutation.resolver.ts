import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../../common/context';
import { Requirement } from '../../accounts';
import { createListingsFromOpportunities } from '../listings/bulk-listings.service';
import { createListing } from '../listings/listing-create.service';
import { ListingSource } from '../listings/listing.enums';
import { activateListing, deactivateListing } from '../listings/listing-status.service';
import { updateListingPrice } from '../listings/listing.service';
import { CreateListingInput, CreateListingsFromOpportunitiesInput, ListingStatusInput, UpdateListingPriceInput } from './listing.inputs';
import { CreateListingsPayload, ListingPayload, UpdateListingPricePayload } from './listing.types';

@Resolver()
export class ListingMutationResolver {
  @Authorized(Requirement.WRITE)
  @Mutation(() => ListingPayload, { description: 'Lists one of the viewer\'s items on a platform at a price or priced by a strategy; never below the fee-aware floor.' })
  createListing(@Arg('input', { description: 'The item, the platform, the price and/or the repricing rule.' }) input: CreateListingInput, @Ctx() ctx: Context) {
    return createListing(ctx, { ...input, createdFrom: ListingSource.MANUAL }, input.activate);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => CreateListingsPayload, { description: 'Lists many items at once, from arbitrage opportunities or explicit rows, each with a strategy.' })
  createListingsFromOpportunities(@Arg('input', { description: 'The rows and the error policy.' }) input: CreateListingsFromOpportunitiesInput, @Ctx() ctx: Context) {
    return createListingsFromOpportunities(ctx, input);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => UpdateListingPricePayload, { description: "Sets a listing's ask (optimistic locking on expectedVersion; never below the floor)." })
  updateListingPrice(@Arg('input', { description: 'The listing, the new ask and the version it is based on.' }) input: UpdateListingPriceInput, @Ctx() ctx: Context) {
    return updateListingPrice(ctx, input);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => ListingPayload, { description: 'Puts a draft or inactive listing up for sale, on the platform itself when the account is connected there.' })
  activateListing(@Arg('input', { description: 'The listing.' }) input: ListingStatusInput, @Ctx() ctx: Context) {
    return activateListing(ctx, input);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => ListingPayload, { description: 'Takes a listing down, on the platform itself when the account is connected there.' })
  deactivateListing(@Arg('input', { description: 'The listing.' }) input: ListingStatusInput, @Ctx() ctx: Context) {
    return deactivateListing(ctx, input);
  }
}
