import type Decimal from 'decimal.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../../common/money';
import { CurrencyScalar, DateTimeScalar, DecimalScalar } from '../../../common/scalars';
import { PayoutBasis } from '../entities/market.enums';

@ObjectType('PlatformPayout', { description: 'What a seller would keep selling one size on one platform, after that platform\'s fees.' })
export class PlatformPayout {
  platformId!: string;

  @Field(() => PayoutBasis, { description: 'Which market price the sale is assumed at.' })
  basis!: PayoutBasis;

  @Field(() => Money, { description: 'The assumed sale price.' })
  price!: Money;

  @Field(() => Money, { description: 'Seller fee: the rate times the price, at least the minimum fee.' })
  sellerFee!: Money;

  @Field(() => Money, { description: 'Payment processing fee.' })
  processingFee!: Money;

  @Field(() => Money, { description: 'Fixed fee per sale.' })
  fixedFee!: Money;

  @Field(() => Money, { description: 'All seller-side fees.' })
  totalFees!: Money;

  @Field(() => Money, { description: 'Price minus fees: what the seller receives before shipping.' })
  net!: Money;

  @Field(() => DateTimeScalar, { description: 'When the price was observed.' })
  capturedAt!: Date;
}

@ObjectType('PlatformStats', { description: 'Market figures of one platform (in one currency) over recently updated prices.' })
export class PlatformStats {
  platformId!: string;

  @Field(() => CurrencyScalar, { description: 'Currency of the amounts.' })
  currency!: string;

  @Field(() => Int, { description: 'Sizes with prices observed in the window.' })
  quotes!: number;

  @Field(() => Int, { description: 'Sizes with at least one ask (a live listing) in the window.' })
  listings!: number;

  @Field(() => Money, { nullable: true, description: 'Average lowest ask.' })
  averageAsk!: Money | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Average effective seller fee rate at the lowest ask (minimum and fixed fees included), as a fraction.' })
  averageFeeRate!: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Average sales per day per size (30-day sales ÷ 30).' })
  averageSalesPerDay!: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Average volatility, 0 to 1.' })
  averageVolatility!: Decimal | null;
}

@ObjectType('MarketMove', { description: 'How far the lowest ask of one size on one platform moved over a period.' })
export class MarketMove {
  variantId!: string;
  productId!: string;
  platformId!: string;

  @Field(() => Money, { description: 'Lowest ask at the start of the period (the first observation in it).' })
  from!: Money;

  @Field(() => Money, { description: 'Latest lowest ask.' })
  to!: Money;

  @Field(() => DecimalScalar, { description: 'Change in percent, signed, two decimals.' })
  changePercent!: Decimal;

  @Field(() => DateTimeScalar, { description: 'When the starting price was observed.' })
  since!: Date;

  @Field(() => DateTimeScalar, { description: 'When the latest price was observed.' })
  at!: Date;
}
