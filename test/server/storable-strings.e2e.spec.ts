import { PassThrough } from 'node:stream';
import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import { createLogger } from '../../src/common/logger';
import { startTestApp, wsExecute, type TestApp } from '../support/app';

const CREATE_KEY = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token errors { code } } }';

let t: TestApp;
let member: { token: string };
beforeAll(async () => {
  t = await startTestApp();
  member = await t.createAccount();
});
afterAll(() => t?.stop());

async function wsErrors(app: TestApp, token: string, query: string, variables?: Record<string, unknown>): Promise<readonly GraphQLFormattedError[]> {
  try {
    return (await wsExecute(app.wsClient(token), query, variables)).errors ?? [];
  } catch (errors) {
    return errors as GraphQLFormattedError[];
  }
}

describe('strings PostgreSQL cannot store', () => {
  const cases: Array<[string, string, Record<string, unknown> | undefined]> = [
    ['NUL in a variable', CREATE_KEY, { input: { name: 'a\u0000b' } }],
    ['an unpaired surrogate in a variable', CREATE_KEY, { input: { name: 'x\ud800y' } }],
    ['NUL in a literal', 'mutation { createApiKey(input: { name: "a\\u0000b" }) { token } }', undefined],
    ['NUL in a list element', 'mutation($s: [String!]) { createApiKey(input: { name: "ok", scopes: $s }) { token } }', { s: ['read', 'w\u0000'] }],
  ];

  it.each(cases)('%s is BAD_USER_INPUT over HTTP (400)', async (_name, query, variables) => {
    const res = await t.request<unknown, never>(query, variables as never, member.token);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/must not contain NUL/), extensions: { code: 'BAD_USER_INPUT' } })]);
  });

  it.each(cases)('%s is BAD_USER_INPUT over WebSocket', async (_name, query, variables) => {
    const errors = await wsErrors(t, member.token, query, variables);
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/must not contain NUL/), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });

  it('keeps strings with paired surrogates (emoji) and other control characters', async () => {
    const res = await t.request<{ createApiKey: { token: string | null } }, never>(CREATE_KEY, { input: { name: 'sneakers 👟\t' } } as never, member.token);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.createApiKey.token).toMatch(/^mg_/);
  });
});

describe('logs in production', () => {
  let prod: TestApp;
  let logged = '';
  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk) => (logged += String(chunk)));
    prod = await startTestApp({ NODE_ENV: 'production' }, { log: createLogger('info', {}, stream) });
  });
  afterAll(() => prod?.stop());

  it('a failing INSERT logs the statement without its parameter values, and no credentials', async () => {
    const { token } = await prod.createAccount();
    const connection = prod.app.orm.em.fork().getConnection();
    await connection.execute(`create function refuse_api_key() returns trigger language plpgsql as $$ begin raise exception 'api_key is read-only today'; end $$`);
    await connection.execute('create trigger refuse_api_key before insert on api_key for each row execute function refuse_api_key()');
    const marker = `marker-${Date.now()}`;
    try {
      const res = await prod.request<unknown, never>(CREATE_KEY, { input: { name: marker } } as never, token);
      expect((res.body as ExecutionResult).errors).toEqual([expect.objectContaining({ extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
    } finally {
      await connection.execute('drop trigger refuse_api_key on api_key');
      await connection.execute('drop function refuse_api_key()');
    }
    expect(logged).toContain('api_key is read-only today');
    expect(logged).toContain('insert into');
    expect(logged).not.toContain(marker);
    // No key hash (64 hex digits), no token, no bearer header.
    expect(logged).not.toMatch(/[0-9a-f]{64}/);
    expect(logged).not.toContain(token.split('_')[2]);
    expect(logged).not.toMatch(/Bearer mg_/);
  });
});
