import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context, Viewer } from '../../common/context';
import { ErrorCode, unauthenticated, userError, type UserError } from '../../common/errors';
import { uuidOf } from '../../common/node';
import { Account } from './entities/account.entity';
import { ApiKey } from './entities/api-key.entity';
import { generateApiKeyToken, parseApiKeyToken, secretMatches } from './api-key-secret';
import { API_KEY_REVOKED, notifyApiKeyRevokedHere } from './accounts.topics';

export const API_KEY_SCOPES = ['read', 'write'] as const;
const LAST_USED_PRECISION_MS = 60_000;

/**
 * Resolves a bearer token to its viewer in one statement. No token → null (anonymous);
 * a malformed, unknown or revoked token → UNAUTHENTICATED, never silently anonymous.
 */
export async function authenticate(em: EntityManager, token: string | undefined): Promise<Viewer | null> {
  if (!token) return null;
  const parsed = parseApiKeyToken(token);
  if (!parsed) throw unauthenticated('Invalid API key: expected a token shaped like mg_<prefix>_<secret>.');
  // Raw rows carry timestamps as the driver returns them (strings), not Dates.
  const rows: Array<{ id: string; account_id: string; secret_hash: string; scopes: string[]; revoked_at: string | Date | null; last_used_at: string | Date | null; role: 'ADMIN' | 'MEMBER'; base_currency: string }> =
    await em.getConnection().execute(
      `select k.id, k.account_id, k.secret_hash, k.scopes, k.revoked_at, k.last_used_at, a.role, a.base_currency
         from api_key k join account a on a.id = k.account_id where k.prefix = ?`,
      [parsed.prefix],
    );
  const key = rows[0];
  if (!key || !secretMatches(parsed.secret, key.secret_hash)) throw unauthenticated('Invalid API key.');
  if (key.revoked_at) throw unauthenticated('This API key has been revoked.');
  if (!key.last_used_at || Date.now() - new Date(key.last_used_at).getTime() > LAST_USED_PRECISION_MS) {
    void em.getConnection().execute('update api_key set last_used_at = now() where id = ?', [key.id]).catch(() => undefined);
  }
  return { accountId: key.account_id, apiKeyId: key.id, role: key.role, scopes: key.scopes, baseCurrency: key.base_currency.trim() };
}

/** Issues a new key for the viewer; the token is returned once and never stored. */
export async function createApiKey(ctx: Context, input: { name: string; scopes?: string[] | null }): Promise<{ apiKey?: ApiKey; token?: string; errors: UserError[] }> {
  const errors: UserError[] = [];
  const name = input.name.trim();
  if (!name) errors.push(userError(ErrorCode.REQUIRED, 'Name must not be empty.', ['name']));
  if (name.length > 100) errors.push(userError(ErrorCode.INVALID, 'Name must be at most 100 characters.', ['name']));
  const scopes = [...new Set(input.scopes ?? API_KEY_SCOPES)];
  const unknown = scopes.filter((s) => !(API_KEY_SCOPES as readonly string[]).includes(s));
  if (unknown.length) errors.push(userError(ErrorCode.INVALID, `Unknown scope(s): ${unknown.join(', ')}. Use read and/or write.`, ['scopes']));
  if (!scopes.length) errors.push(userError(ErrorCode.REQUIRED, 'Grant at least one scope.', ['scopes']));
  if (errors.length) return { errors };
  const { token, prefix, secretHash } = generateApiKeyToken();
  const apiKey = ctx.em.create(ApiKey, { accountId: ctx.viewer!.accountId, name, prefix, secretHash, scopes });
  await ctx.em.flush();
  return { apiKey, token, errors };
}

/**
 * Revokes one of the viewer's keys and tells every gateway (through pub/sub) to close the streams
 * it opened; another account's key answers like a missing one.
 */
export async function revokeApiKey(ctx: Context, id: string): Promise<{ apiKey?: ApiKey; errors: UserError[] }> {
  const uuid = uuidOf(id, 'ApiKey');
  const apiKey = uuid ? await ctx.em.findOne(ApiKey, { id: uuid }) : null;
  if (!apiKey) return { errors: [userError(ErrorCode.NOT_FOUND, 'No such API key.', ['id'])] };
  if (!apiKey.revokedAt) {
    apiKey.revokedAt = new Date();
    await ctx.em.flush();
  }
  // Published again for an already revoked key: harmless, and it ends a stream that raced the first revocation.
  notifyApiKeyRevokedHere(apiKey.id);
  ctx.pubsub.publish(API_KEY_REVOKED, { apiKeyId: apiKey.id });
  return { apiKey, errors: [] };
}

/** The viewer's own account and keys. */
export const findViewerAccount = (ctx: Context) => (ctx.viewer ? ctx.em.findOne(Account, { id: ctx.viewer.accountId }) : null);
export const listApiKeys = (ctx: Context) => ctx.em.find(ApiKey, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
