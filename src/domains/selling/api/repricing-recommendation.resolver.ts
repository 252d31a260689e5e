import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type Decimal from 'decimal.js';
import type { Context } from '../../../common/context';
import { DecimalScalar } from '../../../common/scalars';
import { InventoryItem } from '../../inventory';
import { pricingRecommendations } from '../repricing/pricing-recommendation.service';
import { RepricingStrategyKind } from '../repricing/repricing-strategy';
import { PricingRecommendation } from './repricing.types';

@Resolver(() => InventoryItem)
export class InventoryPricingResolver {
  @FieldResolver(() => [PricingRecommendation], { description: 'Per platform with market data: the ask a strategy would set, with expected net, profit and margin after fees.' })
  pricingRecommendations(
    @Root() item: InventoryItem,
    @Ctx() ctx: Context,
    @Arg('strategy', () => RepricingStrategyKind, { description: 'The strategy to price with.' }) strategy: RepricingStrategyKind,
    @Arg('minimumMargin', () => DecimalScalar, { nullable: true, description: 'Profit after fees the floor protects (default 0).' }) minimumMargin?: Decimal,
  ) {
    return pricingRecommendations(ctx, item, { strategy, minimumMargin: minimumMargin ?? null });
  }
}
