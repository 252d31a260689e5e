import type { EntityManager } from '@mikro-orm/postgresql';
import { Platform } from '../../catalog';
import { ConnectionScope, ConnectionStatus, CredentialDecryptError, MarketplaceConnection, providerForConnection, syncRuntime } from '../../sync';
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
  if (!connection?.credentials || !syncRuntime().providers.has(platform.slug)) return null;
  try {
    return providerForConnection({ id: connection.id, accountId: connection.accountId, platform: platform.slug }, connection.credentials);
  } catch (error) {
    if (error instanceof CredentialDecryptError) return null;
    throw error;
  }
}
