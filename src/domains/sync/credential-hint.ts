/** Fields that hold the secret a reseller recognizes a connection by, most telling first. */
const PRIMARY_FIELDS = ['accessToken', 'apiKey', 'token', 'refreshToken', 'clientSecret', 'secret', 'password'];

/** Shortest secret whose tail may be shown: four characters of sixteen leak too little to help a guess. */
const MIN_HINTED_LENGTH = 16;

/** Every string value of a credentials object (nested ones included), for scrubbing text. */
export function credentialValues(credentials: unknown): string[] {
  if (typeof credentials === 'string') return [credentials];
  if (!credentials || typeof credentials !== 'object') return [];
  return Object.values(credentials).flatMap(credentialValues);
}

/**
 * A hint like "…7f3a": the last four characters of the main secret, so an owner can tell two connections
 * apart. Null when the secret is too short to show any of it safely.
 */
export function credentialHint(credentials: Record<string, unknown>): string | null {
  const named = PRIMARY_FIELDS.map((field) => credentials[field]).find((value): value is string => typeof value === 'string' && value.length > 0);
  const secret = named ?? credentialValues(credentials).sort((a, b) => b.length - a.length)[0];
  if (!secret || secret.length < MIN_HINTED_LENGTH) return null;
  return `…${secret.slice(-4)}`;
}
