import type { ZodType, ZodTypeDef } from 'zod';
import { ProviderError, ProviderErrorKind, ProviderErrorReason } from './provider-error';

/**
 * Paging state handed to the sync engine as an opaque string (base64url JSON) and given back on
 * the next call; the engine stores it on the connection without understanding it.
 */
export function encodeCursor(state: unknown): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor}; a foreign or stale cursor fails PERMANENT. */
export function decodeCursor<T>(platform: string, cursor: string, schema: ZodType<T, ZodTypeDef, unknown>): T {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new ProviderError(`${platform}: the sync cursor is not one this provider issued; restart the sync without a cursor`, {
    kind: ProviderErrorKind.PERMANENT,
    reason: ProviderErrorReason.INVALID_REQUEST,
    platform,
  });
}
