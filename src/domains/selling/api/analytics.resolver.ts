import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../../common/context';
import { CurrencyScalar, DateTimeScalar } from '../../../common/scalars';
import { Platform, PlatformByIdLoader, Product, ProductByIdLoader } from '../../catalog';
import { Period } from '../analytics/period';
import { profitAnalytics, returnRatesByMarketplace, salesSummary, topProductsByMarketplace } from '../analytics/sales-analytics.service';
import { MarketplaceReturnRate, MarketplaceTopProducts, ProductSales, ProfitAnalytics, SalesBucket, SalesGrouping } from './analytics.types';

@ArgsType()
class SalesWindowArgs {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Orders placed at or after this time (default: 30 days before `to`).' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Orders placed before this time (default: now). At most 3,660 days after `from`.' })
  to?: Date | null;
}

@ArgsType()
class SalesSummaryArgs extends SalesWindowArgs {
  @Field(() => SalesGrouping, { description: 'How to group the orders.' })
  groupBy!: SalesGrouping;

  @Field(() => CurrencyScalar, { nullable: true, description: "Currency of the amounts (default: the viewer's base currency); orders are converted at their order date's rate." })
  currency?: string | null;
}

@ArgsType()
class TopProductsArgs extends SalesWindowArgs {
  @Field(() => Int, { nullable: true, description: 'Products per platform (1 to 50, default 5).' })
  limit?: number | null;
}

@Resolver()
export class AnalyticsResolver {
  @Authorized()
  @Query(() => ProfitAnalytics, { description: "The viewer's sales, payouts and profit over a period, in the base currency." })
  profitAnalytics(@Arg('period', () => Period, { description: 'The reporting window.' }) period: Period, @Ctx() ctx: Context) {
    return profitAnalytics(ctx, period);
  }

  @Authorized()
  @Query(() => [SalesBucket], { description: "The viewer's sales grouped by marketplace, day, month or product." })
  salesSummary(@Args() args: SalesSummaryArgs, @Ctx() ctx: Context) {
    return salesSummary(ctx, args);
  }

  @Authorized()
  @Query(() => [MarketplaceTopProducts], { description: "The viewer's best-selling products on each platform, by revenue in the base currency." })
  topProductsByMarketplace(@Args() args: TopProductsArgs, @Ctx() ctx: Context) {
    return topProductsByMarketplace(ctx, args);
  }

  @Authorized()
  @Query(() => [MarketplaceReturnRate], { description: "Return rate of the viewer's orders on each platform." })
  returnRatesByMarketplace(@Args() args: SalesWindowArgs, @Ctx() ctx: Context) {
    return returnRatesByMarketplace(ctx, args);
  }
}

@Resolver(() => SalesBucket)
export class SalesBucketResolver {
  @FieldResolver(() => Platform, { nullable: true, description: 'MARKETPLACE: the platform of the bucket.' })
  platform(@Root() bucket: SalesBucket, @Ctx() ctx: Context) {
    return bucket.platformUuid ? ctx.loaders.get(PlatformByIdLoader).load(bucket.platformUuid) : null;
  }

  @FieldResolver(() => Product, { nullable: true, description: 'PRODUCT: the product of the bucket; null for unmatched lines.' })
  product(@Root() bucket: SalesBucket, @Ctx() ctx: Context) {
    return bucket.productUuid ? ctx.loaders.get(ProductByIdLoader).load(bucket.productUuid) : null;
  }
}

@Resolver(() => MarketplaceTopProducts)
export class MarketplaceTopProductsResolver {
  @FieldResolver(() => Platform, { description: 'The platform.' })
  platform(@Root() entry: MarketplaceTopProducts, @Ctx() ctx: Context) {
    return ctx.loaders.get(PlatformByIdLoader).load(entry.platformUuid);
  }
}

@Resolver(() => ProductSales)
export class ProductSalesResolver {
  @FieldResolver(() => Product, { nullable: true, description: 'The product; null for lines not matched to a product.' })
  product(@Root() entry: ProductSales, @Ctx() ctx: Context) {
    return entry.productUuid ? ctx.loaders.get(ProductByIdLoader).load(entry.productUuid) : null;
  }
}

@Resolver(() => MarketplaceReturnRate)
export class MarketplaceReturnRateResolver {
  @FieldResolver(() => Platform, { description: 'The platform.' })
  platform(@Root() entry: MarketplaceReturnRate, @Ctx() ctx: Context) {
    return ctx.loaders.get(PlatformByIdLoader).load(entry.platformUuid);
  }
}
