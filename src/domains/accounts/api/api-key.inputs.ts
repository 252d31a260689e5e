import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../../common/errors';
import { ApiKey } from '../entities/api-key.entity';

@InputType({ description: 'A new API key for the viewer.' })
export class CreateApiKeyInput {
  @Field({ description: 'Label to recognise the key by, e.g. "spreadsheet".' })
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Scopes to grant: "read" and/or "write" (default both).' })
  scopes?: string[];
}

@ObjectType({ description: 'Result of createApiKey.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The new key, without its secret.' })
  apiKey?: ApiKey;

  @Field(() => String, { nullable: true, description: 'The full token, shown this once: store it now. Send it as Authorization: Bearer <token>.' })
  token?: string;

  @Field(() => [UserError], { description: 'Why the key was not created.' })
  errors!: UserError[];
}

@InputType({ description: 'The key to revoke.' })
export class RevokeApiKeyInput {
  @Field(() => ID, { description: 'Id of one of the viewer\'s keys.' })
  id!: string;
}

@ObjectType({ description: 'Result of revokeApiKey.' })
export class RevokeApiKeyPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The revoked key.' })
  apiKey?: ApiKey;

  @Field(() => [UserError], { description: 'Why the key was not revoked.' })
  errors!: UserError[];
}
