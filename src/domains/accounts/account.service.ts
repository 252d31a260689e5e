import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { Account, AccountRoleEnum } from './entities/account.entity';
import { ApiKey } from './entities/api-key.entity';
import { generateApiKeyToken } from './api-key-secret';

const newAccount = z.object({
  email: z.string().trim().toLowerCase().email('must be a valid email address'),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  role: z.nativeEnum(AccountRoleEnum).default(AccountRoleEnum.MEMBER),
  baseCurrency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD').default('USD'),
});

export type NewAccount = z.input<typeof newAccount>;

/** Creates an account and its first API key (full token returned once). Used by the CLI and tests. */
export async function createAccountWithKey(em: EntityManager, input: NewAccount): Promise<{ account: Account; token: string }> {
  const data = newAccount.parse(input);
  const fork = em.fork();
  if (await fork.count(Account, { email: data.email })) {
    throw new Error(`An account with email ${data.email} already exists.`);
  }
  const account = fork.create(Account, data);
  const { token, prefix, secretHash } = generateApiKeyToken();
  fork.create(ApiKey, { accountId: account.id, name: 'default', prefix, secretHash, scopes: ['read', 'write'] });
  await fork.flush();
  return { account, token };
}
