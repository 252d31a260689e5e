import type Decimal from 'decimal.js';
import { Field, ObjectType } from 'type-graphql';
import { Money } from '../../../common/money';
import { DecimalScalar } from '../../../common/scalars';

@ObjectType({ description: "A platform's seller and buyer fees; net payout = price − seller fee (at least the minimum) − processing − fixed fee." })
export class FeeSchedule {
  @Field(() => DecimalScalar, { description: 'Seller transaction fee as a fraction of the sale price, e.g. "0.0900".' })
  sellerFeeRate!: Decimal;

  @Field(() => DecimalScalar, { description: 'Payment processing fee as a fraction of the sale price.' })
  paymentProcessingRate!: Decimal;

  @Field(() => Money, { description: 'Fixed fee per sale.' })
  fixedFee!: Money;

  @Field(() => Money, { description: 'Minimum seller fee per sale.' })
  minimumFee!: Money;

  @Field(() => DecimalScalar, { description: 'Fee the buyer pays on top of the price, as a fraction.' })
  buyerFeeRate!: Decimal;
}

@ObjectType({ description: 'What MarketGraph can do with a platform.' })
export class PlatformCapabilities {
  @Field({ description: 'Market prices (asks, bids, sales) can be synced.' })
  marketData!: boolean;

  @Field({ description: 'Listings can be created and repriced.' })
  listings!: boolean;

  @Field({ description: 'Orders can be synced.' })
  orders!: boolean;
}
