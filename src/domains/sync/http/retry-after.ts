/**
 * Milliseconds to wait according to a `Retry-After` header: either delta-seconds ("120") or an
 * HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT") measured against `nowMs`. Undefined when absent or
 * unparseable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.max(0, Math.ceil(Number(trimmed) * 1000));
  // An HTTP date always names its month; without this "-5" would parse as the year -5.
  if (!/[A-Za-z]{3}/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
