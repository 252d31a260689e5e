import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../../common/context';
import type { ItemListingView } from '../../inventory';
import { LIVE_LISTING_STATUSES } from './listing.enums';
import { ListingsByInventoryItemLoader } from './listing.loaders';

/** The live listings of items as inventory's marketplace data reads them ("our ask"), through the batched loader. */
export const ItemListingViewsLoader: LoaderFactory<string, ItemListingView[]> = (ctx) =>
  new DataLoader(async (itemIds) => {
    const lists = await ctx.loaders.get(ListingsByInventoryItemLoader).loadMany(itemIds);
    return lists.map((list) =>
      list instanceof Error
        ? list
        : list
            .filter((l) => LIVE_LISTING_STATUSES.includes(l.status))
            .map((l) => ({ listingId: l.id, platformId: l.platformId, askPrice: l.askPrice, currency: l.currency, status: l.status })),
    );
  });
