import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../../common/context';
import { ConnectionArgs, ConnectionType } from '../../../common/pagination';
import { Requirement } from '../../accounts';
import { Platform, PlatformByIdLoader, Product, ProductByIdLoader, Variant, VariantByIdLoader } from '../../catalog';
import { createPriceAlert, deletePriceAlert, listPriceAlerts } from '../alerts/price-alert.service';
import { PriceAlert } from '../entities/price-alert.entity';
import { CreatePriceAlertInput, CreatePriceAlertPayload, DeletePriceAlertInput, DeletePriceAlertPayload } from './price-alert.inputs';

export const PriceAlertConnection = ConnectionType(PriceAlert, 'PriceAlert', "A page of the viewer's price alerts.");

@Resolver(() => PriceAlert)
export class PriceAlertResolver {
  @Authorized()
  @Query(() => PriceAlertConnection, { description: "The viewer's price alerts, newest first." })
  priceAlerts(
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('active', () => Boolean, { nullable: true, description: 'Only active (true) or inactive (false) alerts.' }) active?: boolean,
  ) {
    return listPriceAlerts(ctx, page, { active }, info);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => CreatePriceAlertPayload, { description: 'Creates a price alert for the viewer; it fires on priceAlertTriggered.' })
  createPriceAlert(@Arg('input', { description: 'What to watch and the threshold.' }) input: CreatePriceAlertInput, @Ctx() ctx: Context) {
    return createPriceAlert(ctx, input);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => DeletePriceAlertPayload, { description: "Deletes one of the viewer's price alerts." })
  deletePriceAlert(@Arg('input', { description: 'The alert to delete.' }) input: DeletePriceAlertInput, @Ctx() ctx: Context) {
    return deletePriceAlert(ctx, input);
  }

  @FieldResolver(() => Product, { description: 'The product watched (for a size alert, its product).' })
  product(@Root() alert: PriceAlert, @Ctx() ctx: Context) {
    return ctx.loaders.get(ProductByIdLoader).load(alert.productId);
  }

  @FieldResolver(() => Variant, { nullable: true, description: 'The size watched; null when the alert covers every size.' })
  variant(@Root() alert: PriceAlert, @Ctx() ctx: Context) {
    return alert.variantId ? ctx.loaders.get(VariantByIdLoader).load(alert.variantId) : null;
  }

  @FieldResolver(() => Platform, { nullable: true, description: 'The platform watched; null for every platform.' })
  platform(@Root() alert: PriceAlert, @Ctx() ctx: Context) {
    return alert.platformId ? ctx.loaders.get(PlatformByIdLoader).load(alert.platformId) : null;
  }
}
