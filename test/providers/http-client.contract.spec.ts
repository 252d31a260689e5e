import Redis from 'ioredis';
import { createServer } from 'node:net';
import { z } from 'zod';
import { HttpClient, type HttpPolicyOverrides } from '../../src/domains/sync/http/http-client';
import { createHttpRuntime, type HttpRuntime } from '../../src/domains/sync/http/http-runtime';
import { ProviderErrorKind, ProviderErrorReason } from '../../src/domains/sync/http/provider-error';
import { FakeUpstream } from './fake-upstream';
import { createTestRuntime, expectNoSecrets, providerError, TEST_POLICY, type TestRuntime } from './provider-harness';
import { itWithRedis } from '../support/redis';

const secret = 'client-spec-token-5e4d3c2b1a';
const ok = z.object({ ok: z.literal(true) });

describe('HttpClient', () => {
  let upstream: FakeUpstream;
  let other: FakeUpstream;
  let test: TestRuntime;

  const client = (policy: HttpPolicyOverrides = {}, runtime: HttpRuntime = test.runtime, connectionId = 'conn-1', platform = 'fake') =>
    new HttpClient({
      platform,
      connectionId,
      baseUrl: `${upstream.url}/api`,
      authHeaders: { authorization: `Bearer ${secret}` },
      secrets: [secret],
      runtime,
      policy: { ...TEST_POLICY, ...policy },
    });

  beforeAll(async () => {
    upstream = await FakeUpstream.start('http-client');
    other = await FakeUpstream.start('http-client');
    other.route('GET', '/stolen', () => ({ json: { ok: true } }));
    upstream
      .route('GET', '/api/ok', () => ({ json: { ok: true } }))
      .route('POST', '/api/ok', () => ({ json: { ok: true } }))
      .route('GET', '/api/wrong-shape', () => ({ json: { ok: 'yes', items: 3 } }))
      .route('GET', '/api/declared-huge', () => {
        const text = JSON.stringify({ ok: true, pad: 'x'.repeat(300 * 1024) });
        return { text, headers: { 'content-length': String(Buffer.byteLength(text)) } };
      })
      .route('GET', '/api/redirect', () => ({ status: 302, headers: { location: `${other.url}/stolen` } }));
  });
  afterAll(async () => {
    await upstream.stop();
    await other.stop();
  });
  beforeEach(() => {
    upstream.reset();
    other.reset();
    test = createTestRuntime();
  });

  it('joins paths onto the base URL and encodes query values, arrays repeated', async () => {
    await client().request({ operation: 't', method: 'GET', path: 'ok', query: { a: 'x y', b: [1, 2], skip: undefined, none: null }, schema: ok });
    const [req] = upstream.hits('GET', '/api/ok');
    expect(req.query.getAll('b')).toEqual(['1', '2']);
    expect(req.query.get('a')).toBe('x y');
    expect(req.query.has('skip') || req.query.has('none')).toBe(false);
  });

  it('refuses to send credentials to another host, even via an absolute next-page link', async () => {
    const error = await providerError(() => client().request({ operation: 't', method: 'GET', path: `${other.url}/stolen`, schema: ok }));
    expect(error).toMatchObject({ kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.INVALID_REQUEST });
    expect(other.requests).toHaveLength(0);
  });

  it('does not follow redirects (the Location could be anywhere)', async () => {
    const error = await providerError(() => client().request({ operation: 't', method: 'GET', path: 'redirect', schema: ok }));
    expect(error).toMatchObject({ kind: ProviderErrorKind.PERMANENT, status: 302, attempts: 1 });
    expect(other.requests).toHaveLength(0);
  });

  it('fails PERMANENT/INVALID_RESPONSE on a schema mismatch, naming the fields, without retrying', async () => {
    const error = await providerError(() => client().request({ operation: 't', method: 'GET', path: 'wrong-shape', schema: ok }));
    expect(error).toMatchObject({ kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.INVALID_RESPONSE, attempts: 1 });
    expect(error.message).toContain('ok:');
    expect(upstream.hits('GET', '/api/wrong-shape')).toHaveLength(1);
  });

  it('rejects a body whose Content-Length exceeds the cap before reading it', async () => {
    const error = await providerError(() => client({ maxResponseBytes: 64 * 1024 }).request({ operation: 't', method: 'GET', path: 'declared-huge', schema: ok }));
    expect(error).toMatchObject({ kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.RESPONSE_TOO_LARGE });
  });

  it('defers instead of sleeping when Retry-After exceeds what we wait in-process', async () => {
    upstream.inject('GET', '/api/ok', { kind: 'rateLimited', retryAfter: '3600' });
    const error = await providerError(() => client().request({ operation: 't', method: 'GET', path: 'ok', schema: ok }));
    expect(error).toMatchObject({ kind: ProviderErrorKind.RETRYABLE, reason: ProviderErrorReason.RATE_LIMITED, retryAfterMs: 3_600_000, attempts: 1 });
    expect(test.sleeps).toHaveLength(0);
  });

  it('backs off with full jitter between retries (deterministic random = 0.5)', async () => {
    upstream.inject('GET', '/api/ok', { kind: 'serverError' }, 2);
    await client().request({ operation: 't', method: 'GET', path: 'ok', schema: ok });
    // base 100 ms doubling: ceilings 100 then 200, times 0.5.
    expect(test.sleeps).toEqual([50, 100]);
  });

  it('does not resend a POST after a timeout, but does resend a GET', async () => {
    upstream.inject('POST', '/api/ok', { kind: 'hang' });
    const error = await providerError(() => client().request({ operation: 't', method: 'POST', path: 'ok', body: {}, schema: ok }));
    expect(error).toMatchObject({ kind: ProviderErrorKind.RETRYABLE, reason: ProviderErrorReason.TIMEOUT, attempts: 1 });
    upstream.inject('GET', '/api/ok', { kind: 'hang' });
    await expect(client().request({ operation: 't', method: 'GET', path: 'ok', schema: ok })).resolves.toMatchObject({ attempts: 2 });
  });

  it('resends even a POST when the connection was refused (nothing reached the platform)', async () => {
    const port = await closedPort();
    const refused = new HttpClient({ platform: 'fake', connectionId: 'c', baseUrl: `http://127.0.0.1:${port}`, authHeaders: {}, secrets: [], runtime: test.runtime, policy: TEST_POLICY });
    const error = await providerError(() => refused.request({ operation: 't', method: 'POST', path: 'x', body: {}, schema: ok }));
    expect(error).toMatchObject({ kind: ProviderErrorKind.RETRYABLE, reason: ProviderErrorReason.NETWORK, attempts: 3 });
  });

  it('stops at once when the caller cancels, without retrying', async () => {
    upstream.inject('GET', '/api/ok', { kind: 'hang' }, 5);
    const controller = new AbortController();
    const pending = providerError(() => client({ timeoutMs: 10_000 }).request({ operation: 't', method: 'GET', path: 'ok', schema: ok, signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const error = await pending;
    expect(error).toMatchObject({ reason: ProviderErrorReason.CANCELLED, attempts: 1 });
    expect(upstream.hits('GET', '/api/ok')).toHaveLength(1);
  });

  it('spends a request budget per connection: one connection waits, another does not', async () => {
    const real = createTestRuntime({ realSleep: true });
    const policy = { rateLimit: { points: 2, durationSeconds: 1 } };
    const a = client(policy, real.runtime, 'conn-a');
    const b = client(policy, real.runtime, 'conn-b');
    for (let i = 0; i < 2; i++) await a.request({ operation: 't', method: 'GET', path: 'ok', schema: ok });
    await b.request({ operation: 't', method: 'GET', path: 'ok', schema: ok });
    expect(real.sleeps).toHaveLength(0);
    await a.request({ operation: 't', method: 'GET', path: 'ok', schema: ok });
    expect(real.sleeps.length).toBeGreaterThan(0);
    expect(real.sleeps[0]).toBeGreaterThan(0);
    expect(real.sleeps[0]).toBeLessThanOrEqual(1000);
  });

  itWithRedis('shares the budget across processes through Redis', async (url) => {
    const redis = new Redis(url, { maxRetriesPerRequest: 1 });
    const platform = `fake-${process.pid}-${Date.now()}`;
    try {
      const runtimeOf = (sleeps: number[]) =>
        createHttpRuntime({
          logger: test.runtime.logger,
          redis,
          sleep: async (ms) => {
            sleeps.push(ms);
            await new Promise((resolve) => setTimeout(resolve, ms));
          },
        });
      const sleepsA: number[] = [];
      const sleepsB: number[] = [];
      const policy = { rateLimit: { points: 2, durationSeconds: 1 } };
      const processA = client(policy, runtimeOf(sleepsA), 'conn-shared', platform);
      const processB = client(policy, runtimeOf(sleepsB), 'conn-shared', platform);
      await processA.request({ operation: 't', method: 'GET', path: 'ok', schema: ok });
      await processA.request({ operation: 't', method: 'GET', path: 'ok', schema: ok });
      await processB.request({ operation: 't', method: 'GET', path: 'ok', schema: ok });
      expect(sleepsA).toHaveLength(0);
      expect(sleepsB.length).toBeGreaterThan(0);
    } finally {
      const keys = await redis.keys(`mg:provider:${platform}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
  });

  it('never logs or throws the credential, even at trace level', async () => {
    upstream.inject('GET', '/api/ok', { kind: 'unauthorized' });
    const error = await providerError(() => client().request({ operation: 't', method: 'GET', path: 'ok', schema: ok }));
    await client().request({ operation: 't', method: 'GET', path: 'ok', schema: ok });
    expectNoSecrets([secret], [error.message, JSON.stringify(error), String(error.stack), ...test.logLines]);
    expect(test.logLines.some((l) => l.includes('"path":"/api/ok"'))).toBe(true);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
