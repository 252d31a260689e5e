import type { MarketplaceProvider } from './providers/provider';
import { syncRuntime } from './sync-runtime';

/** The owner and id a connection's ciphertext is bound to, plus where to send its requests. */
export interface ConnectionRef {
  id: string;
  accountId: string;
  /** Platform slug. */
  platform: string;
}

/** Builds the adapter of one connection from already-decrypted credentials; malformed ones throw a ProviderError. */
export function buildProvider(connection: ConnectionRef, credentials: unknown): MarketplaceProvider {
  const runtime = syncRuntime();
  return runtime.providers.create(connection.platform, {
    connectionId: connection.id,
    credentials,
    settings: runtime.settingsFor(connection.platform),
    runtime: runtime.http,
    production: runtime.production,
  });
}

/** Decrypts a stored ciphertext (bound to this account and connection; throws CredentialDecryptError otherwise) and builds the adapter. */
export function providerForConnection(connection: ConnectionRef, ciphertext: string): MarketplaceProvider {
  const credentials = syncRuntime().cipher.decryptJson(ciphertext, { accountId: connection.accountId, connectionId: connection.id });
  return buildProvider(connection, credentials);
}
