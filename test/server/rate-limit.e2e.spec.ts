import { randomBytes } from 'node:crypto';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { CreateApiKeyDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  // Buckets of this file only (the Redis is shared); callers are told apart by X-Forwarded-For (trusted from loopback).
  t = await startTestApp({ ANONYMOUS_RATE_LIMIT_PER_MINUTE: '3', AUTH_FAILURE_RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_KEY_PREFIX: `mg_rl_test_${randomBytes(4).toString('hex')}` });
});
afterAll(() => t?.stop());

let lastIp = 0;
/** A caller address no other test uses. */
const freshIp = () => `198.51.100.${++lastIp}`;

const post = (options: { token?: string; authorization?: string; ip?: string; query?: string; variables?: unknown } = {}) =>
  fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': options.ip ?? '203.0.113.1',
      ...(options.authorization ? { authorization: options.authorization } : options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query: options.query ?? '{ __typename }', variables: options.variables }),
  });

const statuses = async (n: number, send: () => Promise<Response>) => {
  const seen: number[] = [];
  for (let i = 0; i < n; i++) seen.push((await send()).status);
  return seen;
};

const madeUpToken = (prefix = randomBytes(6).toString('hex')) => `mg_${prefix}_${randomBytes(32).toString('base64url')}`;

it('limits anonymous callers per minute with 429, Retry-After and a hint to authenticate', async () => {
  const ip = freshIp();
  expect(await statuses(3, () => post({ ip }))).toEqual([200, 200, 200]);
  const refused = await post({ ip });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  const body = (await refused.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
  expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
  expect(body.errors[0].message).toMatch(/API key for a higher limit/);
});

it('gives an account ten times the anonymous budget, counted apart from anonymous traffic', async () => {
  const ip = freshIp();
  const { token } = await t.createAccount();
  expect((await statuses(30, () => post({ token, ip }))).every((s) => s === 200)).toBe(true);
  expect((await post({ token, ip })).status).toBe(429);
  expect((await post({ ip })).status).toBe(200);
});

it('charges an account, not a key: a second key of the same account shares the budget', async () => {
  const ip = freshIp();
  const { token } = await t.createAccount();
  const created = await post({ token, ip, query: print(CreateApiKeyDocument), variables: { input: { name: 'second' } } });
  const second = ((await created.json()) as { data: { createApiKey: { token: string } } }).data.createApiKey.token;
  const seen = await statuses(29, () => post({ token: second, ip }));
  expect(seen.every((s) => s === 200)).toBe(true);
  expect((await post({ token, ip })).status).toBe(429);
  expect((await post({ token: second, ip })).status).toBe(429);
});

it("a made-up secret with a victim's key prefix does not lock the victim out", async () => {
  const victim = await t.createAccount();
  const prefix = victim.token.split('_')[1];
  const attacker = freshIp();
  const seen = await statuses(40, () => post({ token: madeUpToken(prefix), ip: attacker }));
  expect(seen.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(seen.slice(5).every((s) => s === 429)).toBe(true);
  expect((await post({ token: victim.token, ip: freshIp() })).status).toBe(200);
});

it('charges every failed authentication to the caller IP, whatever token it made up', async () => {
  const ip = freshIp();
  expect(await statuses(5, () => post({ token: madeUpToken(), ip }))).toEqual([401, 401, 401, 401, 401]);
  const refused = await post({ token: madeUpToken(), ip });
  expect(refused.status).toBe(429);
  expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('RATE_LIMITED');
  expect((await post({ token: 'not-a-key', ip })).status).toBe(429);
  // Another caller is not affected.
  expect((await post({ token: madeUpToken(), ip: freshIp() })).status).toBe(401);
});

it('puts /reports/* behind the same limiter', async () => {
  const ip = freshIp();
  const get = () => fetch(`${t.url}/reports/tax.csv?year=2026`, { headers: { 'x-forwarded-for': ip } });
  expect(await statuses(3, get)).toEqual([401, 401, 401]);
  expect((await get()).status).toBe(429);
});

describe('WebSocket operations share the HTTP buckets', () => {
  /** A graphql-ws client whose upgrade request comes from `ip` (through the trusted loopback proxy). */
  function clientFrom(ip: string, token?: string): Client {
    class FromIp extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { 'x-forwarded-for': ip } });
      }
    }
    return createClient({ url: t.wsUrl, webSocketImpl: FromIp, lazy: true, retryAttempts: 0, connectionParams: token ? { Authorization: `Bearer ${token}` } : {} });
  }
  const run = (client: Client, query = '{ __typename }') =>
    new Promise<unknown>((resolve, reject) => {
      let result: unknown;
      client.subscribe({ query }, { next: (value) => (result = value), error: reject, complete: () => resolve(result) });
    });

  it('an anonymous socket cannot run more operations than the anonymous limit; it is closed with 4429', async () => {
    const client = clientFrom(freshIp());
    try {
      for (let i = 0; i < 3; i++) expect(await run(client)).toEqual({ data: { __typename: 'Query' } });
      await expect(run(client)).rejects.toMatchObject({ code: 4429 });
    } finally {
      await client.dispose();
    }
  });

  it('a client that spent its HTTP budget cannot continue over WebSocket', async () => {
    const ip = freshIp();
    expect(await statuses(3, () => post({ ip }))).toEqual([200, 200, 200]);
    const client = clientFrom(ip);
    try {
      await expect(run(client)).rejects.toMatchObject({ code: 4429 });
    } finally {
      await client.dispose();
    }
  });

  it('an account that spent its budget over WebSocket is refused over HTTP', async () => {
    const ip = freshIp();
    const { token } = await t.createAccount();
    const client = clientFrom(ip, token);
    try {
      for (let i = 0; i < 30; i++) await run(client);
      await expect(run(client)).rejects.toMatchObject({ code: 4429 });
    } finally {
      await client.dispose();
    }
    expect((await post({ token, ip: freshIp() })).status).toBe(429);
  });
});
