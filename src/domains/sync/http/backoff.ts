/** Exponential backoff settings. */
export interface BackoffPolicy {
  /** Ceiling of the first retry's delay (ms); doubles per attempt. */
  baseDelayMs: number;
  /** Ceiling of any single backoff delay (ms). */
  maxDelayMs: number;
}

/**
 * "Full jitter" backoff (AWS architecture blog): a uniformly random delay between 0 and
 * min(max, base · 2^(retry-1)). Spreads retries of many workers instead of synchronising them.
 * `retry` counts from 1; `random` returns [0, 1).
 */
export function fullJitterDelay(retry: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}
