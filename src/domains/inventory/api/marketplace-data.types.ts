import type Decimal from 'decimal.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../../common/money';
import { DateTimeScalar, DecimalScalar, JSONObjectScalar } from '../../../common/scalars';
import { Platform } from '../../catalog';
import { PriceBasis } from '../entities/inventory.enums';

@ObjectType({ simpleResolvers: true, description: "An inventory item's view of one platform: our ask, the market there, the platform's fees and what a sale would net. Computed on read from the latest market prices, never stored." })
export class MarketplaceData {
  @Field(() => Platform, { description: 'The platform.' })
  platform!: Platform;

  @Field(() => Money, { nullable: true, description: "The item's own ask on this platform (its live listing), if any." })
  ourAsk!: Money | null;

  @Field(() => Money, { nullable: true, description: "The market's lowest ask." })
  lowestAsk!: Money | null;

  @Field(() => Money, { nullable: true, description: "The market's highest bid." })
  highestBid!: Money | null;

  @Field(() => Money, { nullable: true, description: 'The last sale.' })
  lastSale!: Money | null;

  @Field(() => Int, { nullable: true, description: 'Sales in the last 7 days.' })
  salesLast7Days!: number | null;

  @Field(() => Int, { nullable: true, description: 'Sales in the last 30 days.' })
  salesLast30Days!: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Sales per day (7-day count / 7, else 30-day count / 30), 2 decimals.' })
  salesPerDay!: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Price volatility, 0 (calm) to 1 (wild).' })
  volatility!: Decimal | null;

  @Field(() => DecimalScalar, { description: "The platform's seller fee rate (commission) as a fraction." })
  sellerFeeRate!: Decimal;

  @Field(() => DecimalScalar, { nullable: true, description: 'Every seller-side fee of a sale at the estimate price, as a fraction of it (minimum and fixed fees included), 4 decimals.' })
  feeRate!: Decimal | null;

  @Field(() => PriceBasis, { nullable: true, description: 'The price the estimate is built on: our ask, else the lowest ask, else the last sale, else the highest bid.' })
  estimateBasis!: PriceBasis | null;

  @Field(() => Money, { nullable: true, description: 'What one unit would net after fees at the estimate price; null when there is no price at all.' })
  estimatedNet!: Money | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the market prices were captured; null without market data.' })
  capturedAt!: Date | null;

  @Field(() => JSONObjectScalar, { description: 'Platform-specific details: kind, data source, buyer fee and what a buyer pays, minimum-fee and fixed-fee effects, previous prices.' })
  platformData!: Record<string, unknown>;
}

@ObjectType({ simpleResolvers: true, description: 'What an item is worth on one platform, net of its fees, and the profit that would realize.' })
export class PlatformValuation {
  @Field(() => Platform, { description: 'The platform.' })
  platform!: Platform;

  @Field(() => PriceBasis, { description: 'The price the valuation is built on (the requested basis, else the next available).' })
  basis!: PriceBasis;

  @Field(() => Money, { description: 'Unit price on that basis.' })
  price!: Money;

  @Field(() => Money, { description: 'What one unit nets after the seller fees.' })
  unitNet!: Money;

  @Field(() => Money, { description: 'unitNet × units still available.' })
  marketValue!: Money;

  @Field(() => Money, { nullable: true, description: 'marketValue − cost of the available units; null when the market and the purchase are in different currencies.' })
  unrealizedProfit!: Money | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Unit profit / unit price, 4 decimals; null when currencies differ or the price is zero.' })
  margin!: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Unit profit / unit cost, 4 decimals; null when currencies differ or the cost is zero.' })
  roi!: Decimal | null;
}

@ObjectType({ simpleResolvers: true, description: "An item's market value per platform, net of fees, with the best platform." })
export class ItemValuation {
  @Field(() => Int, { description: 'Units valued (those not sold yet).' })
  units!: number;

  @Field(() => Money, { description: 'Cost of the units valued.' })
  costBasis!: Money;

  @Field(() => [PlatformValuation], { description: 'One valuation per platform with a price, by platform slug.' })
  platforms!: PlatformValuation[];

  @Field(() => PlatformValuation, { nullable: true, description: 'The platform netting the most (among those in the purchase currency); null without prices.' })
  best!: PlatformValuation | null;
}
