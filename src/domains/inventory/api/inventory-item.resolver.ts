import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../../common/context';
import { ConnectionArgs, ConnectionType } from '../../../common/pagination';
import { Requirement } from '../../accounts';
import { Variant, VariantByIdLoader } from '../../catalog';
import { InventoryItem } from '../entities/inventory-item.entity';
import { PriceBasis } from '../entities/inventory.enums';
import { addInventoryItem, listInventory, removeInventoryItem, updateInventoryItem } from '../inventory.service';
import { marketplaceData, valuation } from '../marketplace/marketplace.service';
import { AddInventoryItemInput, InventoryFilter, InventoryItemPayload, RemoveInventoryItemInput, UpdateInventoryItemInput } from './inventory.inputs';
import { ItemValuation, MarketplaceData } from './marketplace-data.types';

export const InventoryItemConnection = ConnectionType(InventoryItem, 'InventoryItem', "A page of the viewer's inventory.");

@Resolver(() => InventoryItem)
export class InventoryItemResolver {
  @Authorized()
  @Query(() => InventoryItemConnection, { description: "The viewer's inventory, newest first." })
  inventory(
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => InventoryFilter, { nullable: true, description: 'Conditions to narrow the list.' }) filter?: InventoryFilter,
  ) {
    return listInventory(ctx, filter, page, info);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => InventoryItemPayload, { description: "Adds units of one size to the viewer's inventory." })
  addInventoryItem(@Arg('input', { description: 'The size, quantity, unit price and purchase date.' }) input: AddInventoryItemInput, @Ctx() ctx: Context) {
    return addInventoryItem(ctx, input);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => InventoryItemPayload, { description: "Changes one of the viewer's inventory items." })
  updateInventoryItem(@Arg('input', { description: 'The item and the fields to change.' }) input: UpdateInventoryItemInput, @Ctx() ctx: Context) {
    return updateInventoryItem(ctx, input);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => InventoryItemPayload, { description: 'Takes an item out of the inventory (status REMOVED); sold or listed items cannot be removed.' })
  removeInventoryItem(@Arg('input', { description: 'The item.' }) input: RemoveInventoryItemInput, @Ctx() ctx: Context) {
    return removeInventoryItem(ctx, input);
  }

  @FieldResolver(() => Variant, { description: 'The size this item is.' })
  variant(@Root() item: InventoryItem, @Ctx() ctx: Context) {
    return ctx.loaders.get(VariantByIdLoader).load(item.variantId);
  }

  @FieldResolver(() => [MarketplaceData], { description: 'Per platform: our ask, the market, the fees and the estimated net of a sale; computed from the latest prices.' })
  marketplaceData(
    @Root() item: InventoryItem,
    @Ctx() ctx: Context,
    @Arg('platforms', () => [String], { nullable: true, description: 'Only these platforms (slugs); default every platform with a price or a listing.' }) platforms?: string[],
  ) {
    return marketplaceData(ctx, item, platforms);
  }

  @FieldResolver(() => ItemValuation, { description: 'Market value and unrealized profit of the unsold units per platform, net of fees.' })
  valuation(
    @Root() item: InventoryItem,
    @Ctx() ctx: Context,
    @Arg('basis', () => PriceBasis, { defaultValue: PriceBasis.LOWEST_ASK, description: 'Price to value at (default LOWEST_ASK); platforms without it fall back to our ask, lowest ask, last sale, highest bid.' }) basis: PriceBasis,
  ) {
    return valuation(ctx, item, basis);
  }
}
