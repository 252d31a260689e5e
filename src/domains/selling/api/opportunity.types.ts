import type Decimal from 'decimal.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../common/pagination';
import { CurrencyScalar, DecimalScalar } from '../../../common/scalars';
import { Opportunity } from '../entities/opportunity.entity';

export const OpportunityConnection = ConnectionType(Opportunity, 'Opportunity', 'A page of open arbitrage opportunities, most profitable first.');

@ObjectType({ description: "One of the viewer's active listings asking noticeably more than the market's lowest ask where that size sells." })
export class RepricingOpportunity {
  listingUuid!: string;

  @Field(() => CurrencyScalar, { description: 'Currency of every amount (the listing\'s).' })
  currency!: string;

  @Field(() => DecimalScalar, { description: 'The listing\'s current ask.' })
  ask!: Decimal;

  @Field(() => DecimalScalar, { description: "The market's lowest ask for the size on the listing's platform." })
  marketLowestAsk!: Decimal;

  @Field(() => DecimalScalar, { description: '(ask − lowest ask) / lowest ask × 100, to 2 places.' })
  gapPercent!: Decimal;

  @Field(() => Int, { nullable: true, description: 'Sales of the size on the platform in the last 7 days.' })
  sales7d!: number | null;

  @Field(() => Int, { description: 'Sales of the size on the platform in the last 30 days.' })
  sales30d!: number;

  @Field(() => DecimalScalar, { description: "Payout if it sold at the market's lowest ask, after the platform's fees." })
  netAtMarket!: Decimal;

  @Field(() => DecimalScalar, { description: 'That payout minus the listing\'s cost basis.' })
  profitAtMarket!: Decimal;
}
