import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../../common/context';
import { Money } from '../../../common/money';
import { AllPlatformsLoader } from '../catalog.loaders';
import { Platform } from '../entities/platform.entity';
import { FeeSchedule, PlatformCapabilities } from './catalog.types';

@Resolver(() => Platform)
export class PlatformResolver {
  @Query(() => [Platform], { description: 'Every platform MarketGraph knows, with fees and capabilities.' })
  platforms(@Ctx() ctx: Context) {
    return ctx.loaders.get(AllPlatformsLoader).load('all');
  }

  @FieldResolver(() => FeeSchedule, { description: 'Seller and buyer fees.' })
  fees(@Root() p: Platform): FeeSchedule {
    const currency = p.defaultCurrency.trim();
    return {
      sellerFeeRate: p.sellerFeeRate,
      paymentProcessingRate: p.paymentProcessingRate,
      fixedFee: Money.of(p.fixedFee, currency)!,
      minimumFee: Money.of(p.minimumFee, currency)!,
      buyerFeeRate: p.buyerFeeRate,
    };
  }

  @FieldResolver(() => PlatformCapabilities, { description: 'What can be synced and automated on this platform.' })
  capabilities(@Root() p: Platform): PlatformCapabilities {
    return { marketData: p.supportsMarketData, listings: p.supportsListings, orders: p.supportsOrders };
  }
}
