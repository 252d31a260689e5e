import { z } from 'zod';
import type { HttpClient } from './http-client';

const tokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().positive().optional(),
  token_type: z.string().optional(),
});

/** Fresh OAuth2 tokens; the caller encrypts and stores them on the connection. */
export interface OAuthTokens {
  accessToken: string;
  /** Present when the platform rotates refresh tokens; otherwise keep the old one. */
  refreshToken?: string;
  expiresAt?: Date;
}

/** Client registration and grant for a refresh-token exchange. */
export interface RefreshGrant {
  path: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/**
 * OAuth2 refresh-token grant (RFC 6749 §6) over the shared client. A revoked or expired refresh
 * token answers `invalid_grant`, which the client classifies REAUTH_REQUIRED.
 */
export async function refreshOAuthToken(client: HttpClient, grant: RefreshGrant, now: () => number): Promise<OAuthTokens> {
  const { data } = await client.request({
    operation: 'oauth.refresh',
    method: 'POST',
    path: grant.path,
    form: { grant_type: 'refresh_token', client_id: grant.clientId, client_secret: grant.clientSecret, refresh_token: grant.refreshToken },
    schema: tokenResponse,
    idempotent: true,
  });
  return {
    accessToken: data.access_token,
    refreshToken: data.refresh_token,
    expiresAt: data.expires_in ? new Date(now() + data.expires_in * 1000) : undefined,
  };
}
