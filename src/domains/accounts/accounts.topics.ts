/** Topic on which every gateway hears about revoked keys, so it closes the streams they opened. */
export const API_KEY_REVOKED = 'API_KEY_REVOKED';

declare module '../../common/pubsub' {
  interface Topics {
    /** An API key was revoked; every gateway closes the WebSocket connections it authenticated. */
    API_KEY_REVOKED: { apiKeyId: string };
  }
}
