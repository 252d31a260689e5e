import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../../common/context';
import { Platform, PlatformByIdLoader, Product, ProductByIdLoader, Variant, VariantByIdLoader } from '../../catalog';
import { MarketMove, PlatformPayout, PlatformStats } from './market-analytics.types';
import { MarketQuote, PriceBucket } from './market-quote.type';

@Resolver(() => MarketQuote)
export class MarketQuoteResolver {
  @FieldResolver(() => Platform, { description: 'The platform quoting these prices.' })
  platform(@Root() quote: MarketQuote, @Ctx() ctx: Context) {
    return ctx.loaders.get(PlatformByIdLoader).load(quote.platformId);
  }

  @FieldResolver(() => Variant, { description: 'The size quoted.' })
  variant(@Root() quote: MarketQuote, @Ctx() ctx: Context) {
    return ctx.loaders.get(VariantByIdLoader).load(quote.variantId);
  }
}

@Resolver(() => PriceBucket)
export class PriceBucketResolver {
  @FieldResolver(() => Platform, { description: 'The platform of this series.' })
  platform(@Root() bucket: PriceBucket, @Ctx() ctx: Context) {
    return ctx.loaders.get(PlatformByIdLoader).load(bucket.platformId);
  }
}

@Resolver(() => PlatformPayout)
export class PlatformPayoutResolver {
  @FieldResolver(() => Platform, { description: 'The platform paying out.' })
  platform(@Root() payout: PlatformPayout, @Ctx() ctx: Context) {
    return ctx.loaders.get(PlatformByIdLoader).load(payout.platformId);
  }
}

@Resolver(() => PlatformStats)
export class PlatformStatsResolver {
  @FieldResolver(() => Platform, { description: 'The platform described.' })
  platform(@Root() stats: PlatformStats, @Ctx() ctx: Context) {
    return ctx.loaders.get(PlatformByIdLoader).load(stats.platformId);
  }
}

@Resolver(() => MarketMove)
export class MarketMoveResolver {
  @FieldResolver(() => Platform, { description: 'The platform the price moved on.' })
  platform(@Root() move: MarketMove, @Ctx() ctx: Context) {
    return ctx.loaders.get(PlatformByIdLoader).load(move.platformId);
  }

  @FieldResolver(() => Variant, { description: 'The size whose price moved.' })
  variant(@Root() move: MarketMove, @Ctx() ctx: Context) {
    return ctx.loaders.get(VariantByIdLoader).load(move.variantId);
  }

  @FieldResolver(() => Product, { description: 'The product of that size.' })
  product(@Root() move: MarketMove, @Ctx() ctx: Context) {
    return ctx.loaders.get(ProductByIdLoader).load(move.productId);
  }
}
