/** The Redis of the tests that need one (REDIS_URL), or undefined. */
export const redisUrl: string | undefined = process.env.REDIS_URL || undefined;

/**
 * In CI a missing REDIS_URL fails the run (the README promises these tests there); locally the test skips and
 * says why, so `npm test` works without Redis.
 */
function redisFor(name: string): string | undefined {
  if (redisUrl) return redisUrl;
  if (process.env.CI) throw new Error(`CI must set REDIS_URL (e.g. redis://127.0.0.1:6379): "${name}" needs a real Redis.`);
  console.warn(`[tests] REDIS_URL is not set: skipping "${name}" (set REDIS_URL=redis://127.0.0.1:6379 to run it).`);
  return undefined;
}

/** `describe` for a suite that needs a real Redis. */
export function describeWithRedis(name: string, suite: (url: string) => void): void {
  const url = redisFor(name);
  if (url) describe(name, () => suite(url));
  else describe.skip(name, () => suite(''));
}

/** `it` for a test that needs a real Redis. */
export function itWithRedis(name: string, test: (url: string) => Promise<void>, timeoutMs?: number): void {
  const url = redisFor(name);
  if (url) it(name, () => test(url), timeoutMs);
  else it.skip(name, () => test(''));
}
