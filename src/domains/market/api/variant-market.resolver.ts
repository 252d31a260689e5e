import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../../common/context';
import { Product, Variant } from '../../catalog';
import { bestPlatform, productMarket, variantMarket, variantPriceHistory } from '../reads/market-read.service';
import { BestPlatformArgs, MarketQuoteArgs, PriceHistoryArgs } from './market.args';
import { PlatformPayout } from './market-analytics.types';
import { MarketQuote, PriceBucket } from './market-quote.type';

@Resolver(() => Variant)
export class VariantMarketResolver {
  @FieldResolver(() => [MarketQuote], { description: 'Latest prices of this size, one quote per platform, with freshness.' })
  market(@Root() variant: Variant, @Args() args: MarketQuoteArgs, @Ctx() ctx: Context) {
    return variantMarket(ctx, variant, args);
  }

  @FieldResolver(() => [PriceBucket], { description: 'Lowest-ask history of this size as open/high/low/close buckets with volume: one series per platform, in time order.' })
  priceHistory(@Root() variant: Variant, @Args() args: PriceHistoryArgs, @Ctx() ctx: Context) {
    return variantPriceHistory(ctx, variant.id, args);
  }

  @FieldResolver(() => PlatformPayout, { nullable: true, description: "The platform that pays the most for this size after its fees (minimum fees included); null without prices in the currency." })
  bestPlatform(@Root() variant: Variant, @Args() args: BestPlatformArgs, @Ctx() ctx: Context) {
    return bestPlatform(ctx, variant.id, args);
  }
}

@Resolver(() => Product)
export class ProductMarketResolver {
  @FieldResolver(() => [MarketQuote], { description: 'Latest prices of every size at once, in size order, one quote per size and platform. Reading them counts as a view of the product (popularity).' })
  market(@Root() product: Product, @Args() args: MarketQuoteArgs, @Ctx() ctx: Context) {
    return productMarket(ctx, product.id, args);
  }
}
