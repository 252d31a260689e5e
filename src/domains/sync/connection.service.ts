import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Context } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { uuidOf } from '../../common/node';
import { PlatformBySlugLoader } from '../catalog';
import { credentialHint, credentialValues } from './credential-hint';
import { buildProvider } from './connection-provider';
import { ConnectionScope, ConnectionStatus } from './entities/sync.enums';
import { MarketplaceConnection } from './entities/marketplace-connection.entity';
import { isProviderError, ProviderErrorKind, type CredentialCheck } from './providers';
import { scrubSecrets } from './http/redact';
import { failActiveRunsOfConnection } from './sync-run.service';
import { syncRuntime } from './sync-runtime';
import { SYNC_CONNECTION_CLOSED } from './sync.topics';

/** Bounds of a credentials object: a handful of short fields, never a document. */
const MAX_CREDENTIAL_FIELDS = 20;
const MAX_CREDENTIAL_BYTES = 8 * 1024;
/** How long connecting waits for the platform to confirm the credentials. */
const VALIDATION_TIMEOUT_MS = 20_000;

/** What connectMarketplace receives. */
export interface ConnectMarketplaceArgs {
  platform: string;
  scope: ConnectionScope;
  credentials: Record<string, unknown>;
}

type ConnectionResult = { connection: MarketplaceConnection | null; errors: UserError[] };

const fail = (code: ErrorCode, message: string, field: string[]): ConnectionResult => ({ connection: null, errors: [userError(code, message, field)] });

function credentialShapeError(credentials: unknown): string | null {
  if (!credentials || typeof credentials !== 'object' || Array.isArray(credentials)) return 'Credentials must be an object of named fields.';
  const entries = Object.entries(credentials);
  if (!entries.length) return 'Credentials are empty.';
  if (entries.length > MAX_CREDENTIAL_FIELDS) return `Credentials may have at most ${MAX_CREDENTIAL_FIELDS} fields.`;
  if (Buffer.byteLength(JSON.stringify(credentials)) > MAX_CREDENTIAL_BYTES) return `Credentials may be at most ${MAX_CREDENTIAL_BYTES} bytes.`;
  if (entries.some(([, value]) => !['string', 'number', 'boolean'].includes(typeof value))) return 'Credential fields must be strings, numbers or booleans.';
  return null;
}

/** Asks the platform whether the credentials work; never returns or logs them. */
async function checkWithPlatform(ctx: Context, platform: string, connectionId: string, credentials: Record<string, unknown>): Promise<{ error: UserError } | { accountName: string | null }> {
  const secrets = credentialValues(credentials).map(String);
  const field = ['credentials'];
  let check: CredentialCheck;
  try {
    const provider = buildProvider({ id: connectionId, accountId: ctx.viewer!.accountId, platform }, credentials);
    if (!provider.validateCredentials) return { accountName: null };
    check = await provider.validateCredentials(AbortSignal.timeout(VALIDATION_TIMEOUT_MS));
  } catch (error) {
    if (!isProviderError(error)) throw error;
    const message = scrubSecrets(error.message, secrets);
    if (error.kind === ProviderErrorKind.RETRYABLE) {
      ctx.log.warn({ platform, reason: error.reason }, 'credential check could not reach the platform');
      return { error: userError(ErrorCode.CONFLICT, `${platform} could not be reached to check the credentials (${error.reason}); nothing was stored. Try again shortly.`, field) };
    }
    return { error: userError(ErrorCode.INVALID, `${platform} rejected the credentials: ${message}`, field) };
  }
  if (check.valid) return { accountName: check.accountName };
  return { error: userError(ErrorCode.INVALID, `${platform} rejected the credentials (${check.reason}): ${scrubSecrets(check.message, secrets)}`, field) };
}

/**
 * Connects one of the viewer's marketplace accounts: the credentials are checked against the platform first
 * (rejected ones are a UserError and nothing is stored), then encrypted bound to the account and connection.
 * Connecting again to the same platform and scope replaces the credentials of the live connection (reconnect).
 */
export async function connectMarketplace(ctx: Context, args: ConnectMarketplaceArgs): Promise<ConnectionResult> {
  const slug = args.platform.trim().toLowerCase();
  const platform = slug ? await ctx.loaders.get(PlatformBySlugLoader).load(slug) : null;
  if (!platform) return fail(ErrorCode.NOT_FOUND, `Unknown platform "${args.platform}".`, ['platform']);
  if (!syncRuntime().providers.has(platform.slug)) return fail(ErrorCode.UNSUPPORTED, `${platform.name} cannot be connected: MarketGraph has no adapter for its API.`, ['platform']);
  const shapeError = credentialShapeError(args.credentials);
  if (shapeError) return fail(ErrorCode.INVALID, shapeError, ['credentials']);

  const accountId = ctx.viewer!.accountId;
  const existing = await ctx.em.findOne(MarketplaceConnection, { platformId: platform.id, scope: args.scope, status: { $ne: ConnectionStatus.DISCONNECTED } });
  const connectionId = existing?.id ?? randomUUID();
  const check = await checkWithPlatform(ctx, platform.slug, connectionId, args.credentials);
  if ('error' in check) return { connection: null, errors: [check.error] };

  const ciphertext = syncRuntime().cipher.encryptJson(args.credentials, { accountId, connectionId });
  const connection =
    existing ??
    ctx.em.create(MarketplaceConnection, { id: connectionId, accountId, platformId: platform.id, scope: args.scope, status: ConnectionStatus.CONNECTED, cursors: {} });
  // New credentials may be another seller account: start the delta cursors over (upserts make a full re-read harmless).
  if (existing) connection.cursors = {};
  connection.credentials = ciphertext;
  connection.credentialHint = credentialHint(args.credentials);
  connection.externalAccountName = check.accountName;
  connection.status = ConnectionStatus.CONNECTED;
  connection.lastError = null;
  try {
    await ctx.em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      return fail(ErrorCode.CONFLICT, `A ${platform.name} connection with this scope was just made by another request; connect again to replace its credentials.`, ['platform']);
    }
    throw error;
  }
  ctx.log.info({ connectionId, platform: platform.slug, scope: args.scope, reconnected: !!existing }, 'marketplace connected');
  return { connection, errors: [] };
}

/** One of the viewer's connections by global id; another account's id answers exactly like a missing one. */
export async function findViewerConnection(ctx: Context, id: string): Promise<MarketplaceConnection | null> {
  const uuid = uuidOf(id, 'MarketplaceConnection');
  return uuid ? ctx.em.findOne(MarketplaceConnection, { id: uuid }) : null;
}

/** Disconnects: erases the credentials, fails the connection's pending runs and ends its streams on every gateway. */
export async function disconnectMarketplace(ctx: Context, args: { id: string }): Promise<ConnectionResult> {
  const connection = await findViewerConnection(ctx, args.id);
  if (!connection) return fail(ErrorCode.NOT_FOUND, 'No such marketplace connection.', ['id']);
  if (connection.status === ConnectionStatus.DISCONNECTED) return { connection, errors: [] };
  connection.status = ConnectionStatus.DISCONNECTED;
  connection.credentials = null;
  connection.disconnectedAt = ctx.clock.now();
  await ctx.em.flush();
  await failActiveRunsOfConnection(ctx, connection, 'The connection was disconnected by its owner.', 'DISCONNECTED');
  await ctx.pubsub.publish(SYNC_CONNECTION_CLOSED, connection.accountId, { connectionId: connection.id, status: connection.status });
  ctx.log.info({ connectionId: connection.id }, 'marketplace disconnected');
  return { connection, errors: [] };
}

/** The viewer's connections, disconnected ones included, oldest first. */
export async function listConnections(ctx: Context): Promise<MarketplaceConnection[]> {
  return ctx.em.find(MarketplaceConnection, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
}
