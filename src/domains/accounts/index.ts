import { registerNodeType } from '../../common/node';
import { AccountResolver } from './api/account.resolver';
import { AccountByIdLoader, ApiKeyByIdLoader } from './accounts.loaders';
import { Account } from './entities/account.entity';
import { ApiKey } from './entities/api-key.entity';

registerNodeType(ApiKey, 'ApiKey', { loader: ApiKeyByIdLoader });
registerNodeType(Account, 'Account', { loader: AccountByIdLoader });

export const accountEntities = [Account, ApiKey];
export const accountResolvers = [AccountResolver] as const;
export { authChecker, Requirement } from './auth-checker';
export { authenticate } from './api-key.service';
export { API_KEY_REVOKED, onApiKeyRevokedHere } from './accounts.topics';
export { createAccountWithKey } from './account.service';
