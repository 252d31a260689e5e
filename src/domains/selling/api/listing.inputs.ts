import type Decimal from 'decimal.js';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ErrorPolicy } from '../../../common/error-policy';
import { DateTimeScalar, DecimalScalar } from '../../../common/scalars';
import { RepricingStrategyKind } from '../repricing/repricing-strategy';
import { RepricingRuleInput } from './repricing.inputs';

@InputType({ description: 'Offers one of the viewer\'s inventory items on a platform at a fixed price or with a repricing strategy.' })
export class CreateListingInput {
  @Field(() => ID, { description: 'The inventory item to sell.' })
  inventoryItemId!: string;

  @Field({ description: 'Platform slug, e.g. "stockx".' })
  platform!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'The ask. Without it, the rule\'s strategy prices the listing from the market.' })
  price?: Decimal | null;

  @Field(() => RepricingRuleInput, { nullable: true, description: 'How to reprice it (default: FIXED at the price). Its floor defaults to the lowest ask that nets cost basis + minimum margin after fees.' })
  rule?: RepricingRuleInput | null;

  @Field(() => DecimalScalar, { nullable: true, description: "Cost basis in the platform's currency (default: the item's unit purchase price; required when the item was bought in another currency)." })
  costBasis?: Decimal | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the platform should take the listing down by itself.' })
  expiresAt?: Date | null;

  @Field(() => Boolean, { defaultValue: true, description: 'Put it up for sale now (default) or keep it as a DRAFT.' })
  activate: boolean = true;
}

@InputType({ description: 'One listing to create from an arbitrage opportunity (or, without one, from an explicit size and platform).' })
export class OpportunityListingInput {
  @Field(() => ID, { nullable: true, description: 'The opportunity acted on: its size and sell platform are used, and it is marked ACTED for the viewer.' })
  opportunityId?: string | null;

  @Field(() => ID, { nullable: true, description: "Without an opportunity: the size (must be the item's)." })
  variantId?: string | null;

  @Field(() => String, { nullable: true, description: 'Without an opportunity: the platform slug to sell on.' })
  platform?: string | null;

  @Field(() => ID, { description: 'The inventory item bought to sell.' })
  inventoryItemId!: string;

  @Field(() => RepricingStrategyKind, { defaultValue: RepricingStrategyKind.COMPETITIVE, description: 'Repricing strategy (default COMPETITIVE).' })
  strategy: RepricingStrategyKind = RepricingStrategyKind.COMPETITIVE;

  @Field(() => DecimalScalar, { nullable: true, description: 'Starting ask (default: what the strategy asks on the current market).' })
  price?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Profit after fees the floor protects (default 0: never sell at a loss).' })
  minimumMargin?: Decimal | null;
}

@InputType({ description: 'Creates many listings at once.' })
export class CreateListingsFromOpportunitiesInput {
  @Field(() => [OpportunityListingInput], { description: 'The listings (at most 200).' })
  listings!: OpportunityListingInput[];

  @Field(() => ErrorPolicy, { defaultValue: ErrorPolicy.REJECT_EVERYTHING, description: 'What to do when some rows are invalid.' })
  errorPolicy: ErrorPolicy = ErrorPolicy.REJECT_EVERYTHING;

  @Field(() => Boolean, { defaultValue: true, description: 'Put them up for sale now (default) or keep them as DRAFTs.' })
  activate: boolean = true;
}

@InputType({ description: "Sets a listing's ask; rejected when someone changed the listing since `expectedVersion`." })
export class UpdateListingPriceInput {
  @Field(() => ID, { description: 'The listing.' })
  id!: string;

  @Field(() => DecimalScalar, { description: 'The new ask; never below the floor.' })
  price!: Decimal;

  @Field(() => Int, { description: 'The listing version the change is based on (Listing.version).' })
  expectedVersion!: number;
}

@InputType({ description: 'A listing to put up for sale or take down.' })
export class ListingStatusInput {
  @Field(() => ID, { description: 'The listing.' })
  id!: string;
}
