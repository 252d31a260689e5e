/** Topic on which every gateway hears about revoked keys, so it closes the streams they opened. */
export const API_KEY_REVOKED = 'API_KEY_REVOKED';

declare module '../../common/pubsub' {
  interface Topics {
    /** An API key was revoked; every gateway closes the WebSocket connections it authenticated. */
    API_KEY_REVOKED: { apiKeyId: string };
  }
}

type RevocationListener = (apiKeyId: string) => void;
const localListeners = new Set<RevocationListener>();

/**
 * Hears revocations made in this process synchronously, before the mutation answers, so a cached
 * viewer can never outlive its key here; other processes hear them through API_KEY_REVOKED.
 */
export function onApiKeyRevokedHere(listener: RevocationListener): () => void {
  localListeners.add(listener);
  return () => localListeners.delete(listener);
}

export function notifyApiKeyRevokedHere(apiKeyId: string): void {
  for (const listener of localListeners) listener(apiKeyId);
}
