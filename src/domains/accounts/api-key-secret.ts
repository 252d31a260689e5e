import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN = /^mg_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** A freshly generated key: the full token is shown once; only prefix and hash are stored. */
export function generateApiKeyToken(): { token: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { token: `mg_${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

/** Splits a presented token; null when it is not shaped like one of ours. */
export function parseApiKeyToken(token: string): { prefix: string; secret: string } | null {
  const match = TOKEN.exec(token);
  return match ? { prefix: match[1], secret: match[2] } : null;
}

/** SHA-256 is enough for 256-bit random secrets (no password stretching needed). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
