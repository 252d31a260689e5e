import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApp, wsExecute, type TestApp } from '../support/app';
import { productInput } from '../support/catalog';

let t: TestApp;
beforeAll(async () => {
  // Dozens of anonymous requests: keep the per-IP anonymous limit out of the way.
  t = await startTestApp({ ANONYMOUS_RATE_LIMIT_PER_MINUTE: '10000' });
});
afterAll(() => t?.stop());

/** `products { edges { node { variants { product { variants ... } } } } }` nested to the given depth. */
function deepQuery(depth: number): string {
  let inner = 'sku';
  let level = 3;
  while (level + 2 <= depth) {
    inner = `variants { product { ${inner} } }`;
    level += 2;
  }
  return `{ products(first: 1) { edges { node { ${inner} } } } }`;
}
const aliasQuery = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: platforms { slug }`).join(' ')} }`;
const tokensQuery = (n: number) => `{ platforms { ${'slug '.repeat(n)}} }`;
const directivesQuery = (n: number) => `{ platforms { ${'slug @include(if: true) '.repeat(n)}} }`;

/** The errors of an operation, however the transport reports them (rejected subscribe or errors in the result). */
async function wsErrors(query: string, app: TestApp = t): Promise<readonly GraphQLFormattedError[]> {
  try {
    const result = await wsExecute(app.wsClient(), query);
    return result.errors ?? [];
  } catch (errors) {
    return errors as GraphQLFormattedError[];
  }
}
async function httpPost(query: string, app: TestApp = t) {
  const res = await app.request<unknown, never>(query);
  return { status: res.status, errors: res.body.errors ?? [], data: res.body.data };
}

describe('operation limits over HTTP and WebSocket', () => {
  const rejected: Array<[string, string, RegExp, string]> = [
    ['a query deeper than MAX_QUERY_DEPTH (10)', deepQuery(13), /depth/i, 'GRAPHQL_VALIDATION_FAILED'],
    ['more than 15 aliases', aliasQuery(16), /aliases/i, 'GRAPHQL_VALIDATION_FAILED'],
    ['more than 20 directives', directivesQuery(21), /directives/i, 'GRAPHQL_VALIDATION_FAILED'],
    ['more than MAX_TOKENS (2000) tokens', tokensQuery(2100), /tokens/i, 'GRAPHQL_PARSE_FAILED'],
    ['products(first: 1000)', '{ products(first: 1000) { totalCount } }', /first must be between 0 and 100/, 'BAD_USER_INPUT'],
  ];

  it.each(rejected)('HTTP rejects %s', async (_name, query, message, code) => {
    const res = await httpPost(query);
    expect(res.status).toBe(400);
    expect(res.data ?? null).toBeNull();
    expect(res.errors[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code } });
  });

  it.each(rejected)('WebSocket rejects %s', async (_name, query, message, code) => {
    const errors = await wsErrors(query);
    expect(errors[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code } });
  });

  it('accepts operations at the limits on both transports', async () => {
    for (const query of [deepQuery(9), aliasQuery(15), directivesQuery(20), '{ products(first: 100) { totalCount } }']) {
      expect((await httpPost(query)).errors).toEqual([]);
      expect(await wsErrors(query)).toEqual([]);
    }
  });
});

describe('HTTP transport rules', () => {
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${t.url}/graphql`, { method: 'POST', headers, body });

  it('refuses batched operations (a JSON array body)', async () => {
    const res = await post(JSON.stringify([{ query: '{ platforms { slug } }' }, { query: '{ platforms { name } }' }]));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [expect.objectContaining({ message: expect.stringMatching(/batching/i), extensions: { code: 'BAD_REQUEST' } })] });
  });

  it('refuses a mutation over GET and runs nothing', async () => {
    const admin = await t.createAccount({ admin: true });
    const mutation = `mutation { upsertProducts(input: { products: [{ sku: "GET-0001", brand: "B", model: "M", name: "N", category: SNEAKERS }] }) { errors { code } } }`;
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent(mutation)}`, {
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${admin.token}` },
    });
    expect(res.status).toBe(405);
    expect((await res.json()).errors[0].message).toMatch(/GET requests only support query operations/);
    expect((await httpPost('{ product(sku: "GET-0001") { id } }')).data).toEqual({ product: null });
  });

  it('blocks CSRF-able requests: text/plain POST, or GET without a preflight header', async () => {
    const admin = await t.createAccount({ admin: true });
    const mutation = { query: `mutation { upsertProducts(input: { products: [{ sku: "CSRF-0001", brand: "B", model: "M", name: "N", category: SNEAKERS }] }) { errors { code } } }` };
    const plain = await post(JSON.stringify(mutation), { 'content-type': 'text/plain', authorization: `Bearer ${admin.token}` });
    expect(plain.status).toBe(400);
    expect((await plain.json()).errors[0].message).toMatch(/Cross-Site Request Forgery/);
    expect((await httpPost('{ product(sku: "CSRF-0001") { id } }')).data).toEqual({ product: null });

    const simpleGet = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ platforms { slug } }')}`, { headers: { accept: 'application/json' } });
    expect(simpleGet.status).toBe(400);
    expect((await simpleGet.json()).errors[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses a body larger than MAX_BODY_BYTES with 413 as JSON, and malformed JSON with 400', async () => {
    const big = await post(JSON.stringify({ query: '{ platforms { slug } }', variables: { padding: 'x'.repeat(1_100_000) } }));
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toMatch(/application\/json/);
    expect(await big.json()).toEqual({ errors: [{ message: expect.stringContaining('MAX_BODY_BYTES'), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });

    const malformed = await post('{"query": ');
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(JSON.parse(text)).toEqual({ errors: [{ message: 'Request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    expect(text).not.toMatch(/node_modules|at /);
  });
});

describe('WebSocket transport rules', () => {
  it('closes a connection whose message is larger than MAX_BODY_BYTES (1009)', async () => {
    const client = createClient({ url: t.wsUrl, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0 });
    try {
      const padding = 'x'.repeat(1_100_000);
      await expect(wsExecute(client, `{ platforms { slug } }`, { padding })).rejects.toMatchObject({ code: 1009 });
    } finally {
      await client.dispose();
    }
  });
});

describe('errors in production (NODE_ENV=production)', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => prod?.stop());

  const misspelled = [
    ['a field', '{ platform { slug } }'],
    ['an argument', '{ products(frist: 1) { totalCount } }'],
    ['an enum value', '{ products(orderBy: { field: POPULAR }) { totalCount } }'],
    ['an input field', '{ products(filter: { serch: "x" }) { totalCount } }'],
  ];

  it.each(misspelled)('outside production, misspelling %s gets a suggestion (control)', async (_what, query) => {
    expect((await httpPost(query)).errors[0].message).toMatch(/Did you mean/);
    expect((await wsErrors(query))[0].message).toMatch(/Did you mean/);
  });

  it.each(misspelled)('in production, misspelling %s gets no suggestion over HTTP or WebSocket', async (_what, query) => {
    const http = await httpPost(query, prod);
    const ws = await wsErrors(query, prod);
    for (const error of [http.errors[0], ws[0]]) {
      expect(error.message).not.toMatch(/Did you mean|POPULARITY|"platforms"|"first"|"search"/);
      expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('masks internal errors over HTTP and WebSocket', async () => {
    const connection = prod.app.orm.em.fork().getConnection();
    await connection.execute('alter table platform rename to platform_moved_away');
    try {
      const http = await prod.request<unknown, never>('{ platforms { slug } }');
      const ws = (await wsExecute(prod.wsClient(), '{ platforms { slug } }')) as ExecutionResult;
      for (const errors of [http.body.errors, ws.errors]) {
        expect(errors).toEqual([{ message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['platforms'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      }
      expect(JSON.stringify(http.body)).not.toMatch(/platform_moved_away|relation|select|stack/i);
    } finally {
      await connection.execute('alter table platform_moved_away rename to platform');
    }
    expect((await prod.request<unknown, never>('{ platforms { slug } }')).body.errors).toBeUndefined();
  });

  it('keeps expected errors (auth, bad input) readable in production', async () => {
    const admin = await prod.createAccount({ admin: true });
    const res = await prod.request<unknown, never>('{ products(first: 1000) { totalCount } }', undefined, admin.token);
    expect(res.body.errors![0]).toEqual(expect.objectContaining({ message: expect.stringContaining('first must be between'), extensions: { code: 'BAD_USER_INPUT' } }));
    const write = await prod.request<{ upsertProducts: { errors: unknown[] } }, { input: unknown }>(
      'mutation($input: UpsertProductsInput!) { upsertProducts(input: $input) { errors { code } } }',
      { input: { products: [productInput('PROD-0001')] } },
      admin.token,
    );
    expect(write.body.data!.upsertProducts.errors).toEqual([]);
  });
});

describe('operations endpoints', () => {
  it('serves /healthz, /readyz with checks, and /metrics with marketgraph_ metrics', async () => {
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });

    await httpPost('{ platforms { slug } }');
    const metrics = await fetch(`${t.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/^marketgraph_http_request_duration_seconds_count\{.*route="\/graphql".*\} \d+/m);
    expect(text).toMatch(/^marketgraph_graphql_operations_total\{transport="http",type="query",outcome="ok"\} \d+/m);
    expect(text).toMatch(/^marketgraph_websocket_connections \d+/m);
    expect(text).toMatch(/^marketgraph_process_cpu_user_seconds_total /m);
  });

  it('echoes a valid x-request-id and issues one otherwise', async () => {
    const given = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-abc.123' },
      body: JSON.stringify({ query: '{ platforms { slug } }' }),
    });
    expect(given.headers.get('x-request-id')).toBe('trace-abc.123');
    const issued = await fetch(`${t.url}/healthz`);
    expect(issued.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
