import { Authorized, Ctx, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../../common/context';
import { Listing } from '../entities/listing.entity';
import { listingChangeStream, listingOfChange, type ListingChangePayload } from '../listings/listing-events';

@Resolver()
export class ListingSubscriptionResolver {
  @Authorized()
  @Subscription(() => Listing, {
    description: "The viewer's listings as they change (created, repriced, activated, sold, platform operations finishing); only the viewer's own.",
    subscribe: ({ context }) => listingChangeStream(context as Context),
  })
  listingChanged(@Root() change: ListingChangePayload, @Ctx() ctx: Context) {
    return listingOfChange(ctx, change);
  }
}
