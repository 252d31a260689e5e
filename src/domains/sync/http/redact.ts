const REDACTED = '[redacted]';

/** Shortest secret we scrub; shorter strings would blank out ordinary words. */
const MIN_SECRET_LENGTH = 6;

/**
 * Replaces every occurrence of a known secret (and its URL-encoded form) in `text`. A safety net
 * for upstream messages that echo what we sent them; the primary rule is never to put a
 * credential into a message in the first place.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(REDACTED);
  }
  // Bearer tokens we were never told about (an upstream echoing another header) still go.
  return out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/=]{6,}/gi, `$1 ${REDACTED}`);
}

/** Path of a URL without its query string (which may carry search terms or tokens), for logs and messages. */
export function pathOf(url: URL): string {
  return url.pathname;
}

/** Shortens free text from an upstream body to something fit for a one-line message. */
export function clip(text: string, max = 200): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
