import type { EntityManager } from '@mikro-orm/postgresql';
import { Platform } from '../../catalog';
import { ConnectionScope, ConnectionStatus, MarketplaceConnection, syncRuntime } from '../../sync';
import type { ListingChannel } from './listing-channel';

/**
 * The default listing channel: the provider of the account's connected SELLER_ACCOUNT connection on the platform,
 * built from its decrypted credentials (bound to account and connection). No connection, no adapter for the
 * platform, or credentials that no longer decrypt: no channel, and the change stays local.
 */
export async function connectionChannel(em: EntityManager, target: { accountId: string; platform: string }): Promise<ListingChannel | null> {
  const platform = await em.findOne(Platform, { slug: target.platform }, { filters: false });
  if (!platform) return null;
  const connection = await em.findOne(
    MarketplaceConnection,
    { accountId: target.accountId, platformId: platform.id, scope: ConnectionScope.SELLER_ACCOUNT, status: ConnectionStatus.CONNECTED },
    { filters: false },
  );
  if (!connection?.credentials) return null;
  const runtime = syncRuntime();
  if (!runtime.providers.has(platform.slug)) return null;
  const credentials = runtime.cipher.decryptJson(connection.credentials, { accountId: connection.accountId, connectionId: connection.id });
  return runtime.providers.create(platform.slug, {
    connectionId: connection.id,
    credentials,
    settings: runtime.settingsFor(platform.slug),
    runtime: runtime.http,
    production: runtime.production,
  });
}
