import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../../common/context';
import { createApiKey, findViewerAccount, listApiKeys, revokeApiKey } from '../api-key.service';
import { Requirement } from '../auth-checker';
import { Account } from '../entities/account.entity';
import { ApiKey } from '../entities/api-key.entity';
import { CreateApiKeyInput, CreateApiKeyPayload, RevokeApiKeyInput, RevokeApiKeyPayload } from './api-key.inputs';

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, { nullable: true, description: 'The authenticated account, or null for anonymous callers.' })
  viewer(@Ctx() ctx: Context) {
    return findViewerAccount(ctx);
  }

  @FieldResolver(() => [ApiKey], { description: 'The account\'s API keys, revoked ones included. Only visible to the account itself.' })
  apiKeys(@Ctx() ctx: Context) {
    return listApiKeys(ctx);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => CreateApiKeyPayload, { description: 'Creates an API key for the viewer; the token is returned once.' })
  createApiKey(@Arg('input', { description: 'Name and scopes of the new key.' }) input: CreateApiKeyInput, @Ctx() ctx: Context) {
    return createApiKey(ctx, input);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => RevokeApiKeyPayload, { description: 'Revokes one of the viewer\'s API keys; open subscriptions using it are closed.' })
  revokeApiKey(@Arg('input', { description: 'The key to revoke.' }) input: RevokeApiKeyInput, @Ctx() ctx: Context) {
    return revokeApiKey(ctx, input.id);
  }
}
