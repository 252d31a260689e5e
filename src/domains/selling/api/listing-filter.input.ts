import { Field, ID, InputType } from 'type-graphql';
import { ListingStatus } from '../listings/listing.enums';
import { RepricingStrategyKind } from '../repricing/repricing-strategy';

@InputType({ description: 'Narrows the listings; all given conditions must hold.' })
export class ListingFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these listings.' })
  ids?: string[] | null;

  @Field(() => [ListingStatus], { nullable: true, description: 'Only these statuses.' })
  statuses?: ListingStatus[] | null;

  @Field(() => [String], { nullable: true, description: 'Only these platforms (slugs).' })
  platforms?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only listings of these inventory items.' })
  inventoryItemIds?: string[] | null;

  @Field(() => [RepricingStrategyKind], { nullable: true, description: 'Only listings whose rule uses one of these strategies.' })
  strategies?: RepricingStrategyKind[] | null;
}
