import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../../common/context';
import { Platform, PlatformByIdLoader, Product, ProductByIdLoader, Variant, VariantByIdLoader } from '../../catalog';
import type { PriceAlertPayload } from '../market.topics';
import { PriceAlertByIdLoader } from '../market.loaders';
import { PriceAlert } from '../entities/price-alert.entity';
import { priceAlertStream, priceChangeStream, type PriceChangeDelivery, type PriceChangeFilterArgs } from '../subscriptions/price-change-stream';
import { toPriceAlertEvent, toPriceChangeEvent } from '../subscriptions/price-event-objects';
import { PriceChangeFilter } from './market.args';
import { PriceAlertEvent, PriceChangeEvent } from './price-events.types';

@Resolver()
export class PriceSubscriptionResolver {
  @Subscription(() => PriceChangeEvent, {
    description: 'Price changes as they are ingested: per product when products or sizes are named, every change otherwise.',
    subscribe: ({ args, context }) => priceChangeStream(context as Context, args.filter as PriceChangeFilterArgs | undefined),
  })
  priceChanged(
    @Root() delivery: PriceChangeDelivery,
    @Ctx() ctx: Context,
    @Arg('filter', () => PriceChangeFilter, { nullable: true, description: 'Which changes to receive (default: all).' }) _filter?: PriceChangeFilter,
  ) {
    return toPriceChangeEvent(ctx, delivery);
  }

  @Authorized()
  @Subscription(() => PriceAlertEvent, {
    description: "The viewer's price alerts as they fire; only the viewer's own.",
    subscribe: ({ context }) => priceAlertStream(context as Context),
  })
  priceAlertTriggered(@Root() payload: PriceAlertPayload, @Ctx() ctx: Context) {
    return toPriceAlertEvent(ctx, payload);
  }
}

@Resolver(() => PriceChangeEvent)
export class PriceChangeEventResolver {
  @FieldResolver(() => Variant, { description: 'The size whose price changed.' })
  variant(@Root() event: PriceChangeEvent) {
    return event.scope().loaders.get(VariantByIdLoader).load(event.payload.variantId);
  }

  @FieldResolver(() => Product, { description: 'The product of that size.' })
  product(@Root() event: PriceChangeEvent) {
    return event.scope().loaders.get(ProductByIdLoader).load(event.payload.productId);
  }

  @FieldResolver(() => Platform, { description: 'The platform the price changed on.' })
  platform(@Root() event: PriceChangeEvent) {
    return event.scope().loaders.get(PlatformByIdLoader).load(event.payload.platformId);
  }
}

@Resolver(() => PriceAlertEvent)
export class PriceAlertEventResolver {
  @FieldResolver(() => PriceAlert, { nullable: true, description: 'The alert that fired; null if it was deleted since.' })
  alert(@Root() event: PriceAlertEvent) {
    return event.scope().loaders.get(PriceAlertByIdLoader).load(event.payload.alertId);
  }
}
