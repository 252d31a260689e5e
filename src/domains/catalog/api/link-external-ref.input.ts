import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../../common/errors';
import { ExternalRef } from '../entities/external-ref.entity';

@InputType({ description: "Links a platform's identifier to a product or to one of its variants (give exactly one)." })
export class LinkExternalRefInput {
  @Field({ description: 'Platform slug, e.g. "stockx".' })
  platform!: string;

  @Field(() => ID, { nullable: true, description: 'The product the id identifies.' })
  productId?: string;

  @Field(() => ID, { nullable: true, description: 'The variant the id identifies.' })
  variantId?: string;

  @Field({ description: "The platform's identifier." })
  externalId!: string;
}

@ObjectType({ description: 'Result of linkExternalRef.' })
export class LinkExternalRefPayload {
  @Field(() => ExternalRef, { nullable: true, description: 'The link, new or existing.' })
  externalRef?: ExternalRef | null;

  @Field(() => [UserError], { description: 'Why the link was not made.' })
  errors!: UserError[];
}
