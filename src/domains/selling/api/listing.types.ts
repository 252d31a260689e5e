import { Field, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../../common/errors';
import { Listing } from '../entities/listing.entity';
import { PricingHistory } from '../entities/pricing-history.entity';
import { PlatformSync } from '../listings/listing.enums';

@ObjectType({ description: 'Result of createListing, activateListing or deactivateListing.' })
export class ListingPayload {
  @Field(() => Listing, { nullable: true, description: 'The listing as it is now; null when nothing was changed.' })
  listing?: Listing | null;

  @Field(() => PlatformSync, { nullable: true, description: 'What happened on the marketplace itself; null when nothing was attempted.' })
  platformSync?: PlatformSync | null;

  @Field(() => String, { nullable: true, description: 'Explains platformSync, e.g. that the change is tracked in MarketGraph only because the account has no connection to that platform.' })
  note?: string | null;

  @Field(() => [UserError], { description: 'Why nothing was changed.' })
  errors!: UserError[];
}

@ObjectType({ description: 'Result of updateListingPrice.' })
export class UpdateListingPricePayload extends ListingPayload {
  @Field(() => PricingHistory, { nullable: true, description: 'The price change recorded with it; null when the price did not change.' })
  pricingHistory?: PricingHistory | null;
}

@ObjectType({ description: 'Outcome of one row of createListingsFromOpportunities.' })
export class BulkListingResult {
  @Field(() => Int, { description: 'Position of the row in the input.' })
  index!: number;

  @Field(() => Listing, { nullable: true, description: 'The listing created; null when the row was not written.' })
  listing?: Listing | null;

  @Field(() => PlatformSync, { nullable: true, description: 'What happened on the marketplace.' })
  platformSync?: PlatformSync | null;

  @Field(() => String, { nullable: true, description: 'Explains platformSync.' })
  note?: string | null;

  @Field(() => [UserError], { description: 'Why the row was not written.' })
  errors!: UserError[];
}

@ObjectType({ description: 'Result of createListingsFromOpportunities.' })
export class CreateListingsPayload {
  @Field(() => [Listing], { description: 'Listings created, in input order.' })
  listings!: Listing[];

  @Field(() => [BulkListingResult], { description: 'One result per input row.' })
  results!: BulkListingResult[];

  @Field(() => [UserError], { description: 'Every row error, with paths like ["listings", "2", "price"].' })
  errors!: UserError[];
}
