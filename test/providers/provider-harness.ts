import pino from 'pino';
import { Writable } from 'node:stream';
import type { HttpPolicyOverrides } from '../../src/domains/sync/http/http-client';
import { createHttpRuntime, type HttpRuntime } from '../../src/domains/sync/http/http-runtime';
import { isProviderError, ProviderError, ProviderErrorKind, ProviderErrorReason } from '../../src/domains/sync/http/provider-error';
import type { FakeUpstream } from './fake-upstream';

/** Fixed start of the injected clock. */
export const T0 = Date.parse('2025-08-01T12:00:00.000Z');

/** Transport policy of contract tests: short timeouts, 3 attempts, a budget that never throttles. */
export const TEST_POLICY: HttpPolicyOverrides = {
  timeoutMs: 300,
  maxAttempts: 3,
  backoff: { baseDelayMs: 100, maxDelayMs: 1_000 },
  maxResponseBytes: 256 * 1024,
  rateLimit: { points: 100_000, durationSeconds: 1 },
};

/** A runtime whose sleep records and returns at once, whose clock advances only by those sleeps, and whose log lines are kept. */
export interface TestRuntime {
  runtime: HttpRuntime;
  sleeps: number[];
  logLines: string[];
  clock: { now: number };
}

export function createTestRuntime(options: { realSleep?: boolean } = {}): TestRuntime {
  const sleeps: number[] = [];
  const logLines: string[] = [];
  const clock = { now: T0 };
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const logger = pino({ level: 'trace' }, destination);
  const runtime = createHttpRuntime({
    logger,
    now: () => clock.now,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.now += ms;
      if (options.realSleep) await new Promise((resolve) => setTimeout(resolve, ms));
    },
  });
  return { runtime, sleeps, logLines, clock };
}

/** Runs `call` expecting a {@link ProviderError}; returns it. */
export async function providerError(call: () => Promise<unknown>): Promise<ProviderError> {
  try {
    await call();
  } catch (error) {
    if (isProviderError(error)) return error;
    throw error;
  }
  throw new Error('expected a ProviderError, the call succeeded');
}

/** Fails when any secret shows up in an error message, a serialized error or a log line. */
export function expectNoSecrets(secrets: string[], texts: string[]): void {
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}

/** Everything one fault-matrix case needs about a provider call. */
export interface FaultTarget {
  upstream: FakeUpstream;
  test: TestRuntime;
  /** The HTTP method and path the call hits first. */
  method: string;
  path: string | RegExp;
  /** Makes the call (a fresh provider each time is fine). */
  call: () => Promise<unknown>;
  /** Asserts the successful result after retries. */
  verify: (result: unknown) => void;
  secrets: string[];
}

/**
 * The documented outcome of every injected fault, shared by all providers' contract specs:
 * - 429 with Retry-After (seconds or HTTP date): waits at least that long (injected sleep), then succeeds;
 * - 500 / 503: retried with backoff, succeeds; persistent 500 ends RETRYABLE after maxAttempts;
 * - timeout (never answers): retried, ends RETRYABLE/TIMEOUT when it keeps hanging;
 * - truncated body: retried (RETRYABLE/TRUNCATED_BODY) then succeeds;
 * - malformed JSON in a complete 2xx body: PERMANENT/MALFORMED_RESPONSE at once, no retry;
 * - 401: REAUTH_REQUIRED at once, no retry;
 * - oversize body: PERMANENT/RESPONSE_TOO_LARGE, no retry;
 * - no credential appears in any error message or log line.
 */
export function describeFaultMatrix(name: string, target: () => FaultTarget): void {
  describe(`${name} under injected faults`, () => {
    const errors: string[] = [];
    afterEach(() => {
      const seen = errors.splice(0);
      const t = target();
      expectNoSecrets(t.secrets, [...seen, ...t.test.logLines]);
    });
    const expectError = async (t: FaultTarget) => {
      const error = await providerError(t.call);
      errors.push(error.message, JSON.stringify(error), String(error.stack));
      return error;
    };

    it('honours Retry-After in seconds on 429, then succeeds', async () => {
      const t = target();
      t.upstream.inject(t.method, t.path, { kind: 'rateLimited', retryAfter: '2' });
      t.verify(await t.call());
      expect(t.upstream.hits(t.method, t.path)).toHaveLength(2);
      expect(Math.max(...t.test.sleeps)).toBeGreaterThanOrEqual(2000);
    });

    it('honours Retry-After as an HTTP date on 503, then succeeds', async () => {
      const t = target();
      t.upstream.inject(t.method, t.path, { kind: 'unavailable', retryAfter: new Date(t.test.clock.now + 5000).toUTCString() });
      t.verify(await t.call());
      expect(Math.max(...t.test.sleeps)).toBeGreaterThanOrEqual(4000);
    });

    it('retries 500s with backoff and succeeds', async () => {
      const t = target();
      t.upstream.inject(t.method, t.path, { kind: 'serverError' }, 2);
      t.verify(await t.call());
      expect(t.upstream.hits(t.method, t.path)).toHaveLength(3);
      expect(t.test.sleeps.length).toBeGreaterThanOrEqual(2);
    });

    it('gives up RETRYABLE after maxAttempts of 500s', async () => {
      const t = target();
      t.upstream.inject(t.method, t.path, { kind: 'serverError' }, 10);
      const error = await expectError(t);
      expect(error).toMatchObject({ kind: ProviderErrorKind.RETRYABLE, reason: ProviderErrorReason.UPSTREAM_UNAVAILABLE, status: 500, attempts: 3 });
      expect(t.upstream.hits(t.method, t.path)).toHaveLength(3);
    });

    it('retries a request that never answers, then succeeds', async () => {
      const t = target();
      t.upstream.inject(t.method, t.path, { kind: 'hang' });
      t.verify(await t.call());
      expect(t.upstream.hits(t.method, t.path)).toHaveLength(2);
    });

    it('ends RETRYABLE/TIMEOUT when the platform keeps hanging', async () => {
      const t = target();
      t.upstream.inject(t.method, t.path, { kind: 'hang' }, 10);
      const error = await expectError(t);
      expect(error).toMatchObject({ kind: ProviderErrorKind.RETRYABLE, reason: ProviderErrorReason.TIMEOUT, attempts: 3 });
    });

    it('retries a truncated body, then succeeds', async () => {
      const t = target();
      t.upstream.inject(t.method, t.path, { kind: 'truncated' });
      t.verify(await t.call());
      expect(t.upstream.hits(t.method, t.path)).toHaveLength(2);
    });

    it('fails PERMANENT on malformed JSON without retrying', async () => {
      const t = target();
      t.upstream.inject(t.method, t.path, { kind: 'malformedJson' }, 10);
      const error = await expectError(t);
      expect(error).toMatchObject({ kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.MALFORMED_RESPONSE, attempts: 1 });
      expect(t.upstream.hits(t.method, t.path)).toHaveLength(1);
    });

    it('fails REAUTH_REQUIRED on 401 without retrying, the echoed token scrubbed', async () => {
      const t = target();
      t.upstream.inject(t.method, t.path, { kind: 'unauthorized' }, 10);
      const error = await expectError(t);
      expect(error).toMatchObject({ kind: ProviderErrorKind.REAUTH_REQUIRED, reason: ProviderErrorReason.UNAUTHORIZED, status: 401, attempts: 1 });
      expect(error.message).toContain('[redacted]');
      expect(t.upstream.hits(t.method, t.path)).toHaveLength(1);
      expect(t.test.sleeps).toHaveLength(0);
    });

    it('aborts an oversize body and fails PERMANENT', async () => {
      const t = target();
      t.upstream.inject(t.method, t.path, { kind: 'oversize', bytes: 2 * 1024 * 1024 }, 10);
      const error = await expectError(t);
      expect(error).toMatchObject({ kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.RESPONSE_TOO_LARGE, attempts: 1 });
    });
  });
}
