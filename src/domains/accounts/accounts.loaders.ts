import { entityByIdLoader } from '../../common/loaders';
import { Account } from './entities/account.entity';
import { ApiKey } from './entities/api-key.entity';

/** The viewer's API keys by id (tenant-filtered). */
export const ApiKeyByIdLoader = entityByIdLoader(ApiKey, (ctx) => (ctx.viewer ? {} : null));

/** Accounts by id, visible only to themselves. */
export const AccountByIdLoader = entityByIdLoader(Account, (ctx) => (ctx.viewer ? { id: ctx.viewer.accountId } : null));
