import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../../common/context';
import { InventoryItem } from '../../inventory';
import { Listing } from '../entities/listing.entity';
import { ListingsByInventoryItemLoader } from '../listings/listing.loaders';

@Resolver(() => InventoryItem)
export class InventoryItemListingsResolver {
  @FieldResolver(() => [Listing], { description: "The item's listings on every platform (any status), newest first." })
  listings(@Root() item: InventoryItem, @Ctx() ctx: Context) {
    return ctx.loaders.get(ListingsByInventoryItemLoader).load(item.id);
  }
}
