import { randomBytes } from 'node:crypto';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { toGlobalId } from '../../src/common/node';
import {
  CreateApiKeyDocument,
  LinkExternalRefDocument,
  NodeApiKeyDocument,
  PlatformsDocument,
  ProductBySkuDocument,
  ProductsWithSizesDocument,
  RevokeApiKeyDocument,
  UpsertProductsDocument,
  UpsertVariantsDocument,
  ViewerDocument,
  ViewerKeyIdsDocument,
} from '../generated/graphql';
import { startTestApp, wsExecute, type TestApp } from '../support/app';
import { countRows, productInput, seedProducts } from '../support/catalog';
import { describeWithRedis } from '../support/redis';

let t: TestApp;
let admin: { token: string; accountId: string };
let member: { token: string; accountId: string };
let productId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.createAccount({ admin: true });
  member = await t.createAccount();
  productId = (await seedProducts(t, admin.token, [productInput('AUTH-0001')]))[0].id;
});
afterAll(() => t?.stop());

const viewerId = async (token: string) => {
  const res = await t.request(ViewerDocument, {}, token);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.viewer!.id;
};
const createKey = async (token: string, input: { name: string; scopes?: string[] }) => {
  const res = await t.request(CreateApiKeyDocument, { input }, token);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.createApiKey;
};
const revokeKey = async (token: string, id: string) => {
  const res = await t.request(RevokeApiKeyDocument, { input: { id } }, token);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.revokeApiKey;
};
const postWith = async (authorization: string) => {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: '{ platforms { slug } }' }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
};

describe('anonymous callers', () => {
  it('read the public catalog; viewer is null', async () => {
    const platforms = await t.request(PlatformsDocument);
    expect(platforms.body.errors).toBeUndefined();
    expect(platforms.body.data!.platforms).toHaveLength(10);
    const products = await t.request(ProductsWithSizesDocument, { first: 5 });
    expect(products.body.errors).toBeUndefined();
    expect(products.body.data!.products.edges.map((e) => e.node.sku)).toEqual(['AUTH-0001']);
    const viewer = await t.request(ViewerDocument);
    expect(viewer.body.errors).toBeUndefined();
    expect(viewer.body.data!.viewer).toBeNull();
  });

  it('get UNAUTHENTICATED from every mutation', async () => {
    const mutations = [
      t.request(CreateApiKeyDocument, { input: { name: 'x' } }),
      t.request(RevokeApiKeyDocument, { input: { id: toGlobalId('ApiKey', '00000000-0000-4000-8000-000000000000') } }),
      t.request(UpsertProductsDocument, { input: { products: [productInput('ANON-0001')] } }),
      t.request(UpsertVariantsDocument, { input: { productId, variants: [{ sizeKey: '12' }] } }),
      t.request(LinkExternalRefDocument, { input: { platform: 'stockx', productId, externalId: 'anon-1' } }),
    ];
    for (const res of await Promise.all(mutations)) {
      expect(res.status).toBe(401);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/Authorization: Bearer/), extensions: { code: 'UNAUTHENTICATED' } })]);
    }
    expect((await t.request(ProductBySkuDocument, { sku: 'ANON-0001' })).body.data!.product).toBeNull();
  });
});

describe('bad credentials over HTTP', () => {
  it('answer 401 UNAUTHENTICATED with a clear message, never falling back to anonymous', async () => {
    const real = await createKey(member.token, { name: 'to be misused' });
    const prefix = real.apiKey!.prefix;
    const cases: Array<[string, RegExp]> = [
      ['Bearer not-a-key', /expected a token shaped like mg_<prefix>_<secret>/],
      ['Bearer mg_short', /expected a token shaped like mg_<prefix>_<secret>/],
      [`Bearer mg_${randomBytes(6).toString('hex')}_${randomBytes(32).toString('base64url')}`, /^Invalid API key\.$/],
      [`Bearer mg_${prefix}_${randomBytes(32).toString('base64url')}`, /^Invalid API key\.$/],
    ];
    for (const [authorization, message] of cases) {
      const res = await postWith(authorization);
      expect(res.status).toBe(401);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED' } })]);
    }
  });

  it('refuse a key sent without the Bearer scheme, saying how to send it', async () => {
    for (const authorization of [member.token, `Token ${member.token}`]) {
      const res = await postWith(authorization);
      expect(res.status).toBe(401);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/Authorization: Bearer <api key>/), extensions: { code: 'UNAUTHENTICATED' } }),
      ]);
    }
  });

  it('refuse a revoked key with 401 saying it was revoked', async () => {
    const created = await createKey(member.token, { name: 'short-lived' });
    expect(await viewerId(created.token!)).toBe(toGlobalId('Account', member.accountId));
    await revokeKey(member.token, created.apiKey!.id);
    const res = await postWith(`Bearer ${created.token}`);
    expect(res.status).toBe(401);
    expect(res.body.errors).toEqual([expect.objectContaining({ message: 'This API key has been revoked.', extensions: { code: 'UNAUTHENTICATED' } })]);
  });
});

describe('catalog writes need the ADMIN role', () => {
  it('answer FORBIDDEN naming the ADMIN role to a MEMBER and write nothing', async () => {
    const before = { products: await countRows(t, 'product'), variants: await countRows(t, 'variant'), refs: await countRows(t, 'external_ref') };
    const attempts = [
      t.request(UpsertProductsDocument, { input: { products: [productInput('MEMBER-0001')] } }, member.token),
      t.request(UpsertVariantsDocument, { input: { productId, variants: [{ sizeKey: '13' }] } }, member.token),
      t.request(LinkExternalRefDocument, { input: { platform: 'stockx', productId, externalId: 'member-1' } }, member.token),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('ADMIN role'), extensions: { code: 'FORBIDDEN' } })]);
    }
    expect({ products: await countRows(t, 'product'), variants: await countRows(t, 'variant'), refs: await countRows(t, 'external_ref') }).toEqual(before);
    expect((await t.request(ProductBySkuDocument, { sku: 'MEMBER-0001' })).body.data!.product).toBeNull();
    const product = (await t.request(ProductBySkuDocument, { sku: 'AUTH-0001' })).body.data!.product!;
    expect(product.variants.map((v) => v.sizeKey)).toEqual(['9', '10']);
    expect(product.externalRefs).toEqual([]);
  });
});

describe('API keys', () => {
  it('createApiKey returns the token once; the key works; only its hash is stored', async () => {
    const created = await createKey(member.token, { name: 'spreadsheet' });
    expect(created.errors).toEqual([]);
    expect(created.token).toMatch(/^mg_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({ name: 'spreadsheet', scopes: ['read', 'write'], prefix: created.token!.split('_')[1] });
    expect(await viewerId(created.token!)).toBe(toGlobalId('Account', member.accountId));

    const type = await t.request<{ __type: { fields: { name: string }[] } }, never>('{ __type(name: "ApiKey") { fields { name } } }');
    const fields = type.body.data!.__type.fields.map((f) => f.name);
    expect(fields).not.toContain('token');
    expect(fields.some((f) => /secret|hash/i.test(f))).toBe(false);
    const viewer = await t.request(ViewerDocument, {}, member.token);
    expect(JSON.stringify(viewer.body)).not.toContain(created.token!.split('_')[2]);
    const [row] = await t.app.orm.em.fork().getConnection().execute('select * from api_key where prefix = ?', [created.apiKey!.prefix]);
    expect(JSON.stringify(row)).not.toContain(created.token!.split('_')[2]);
  });

  it('a read-only key reads but cannot mutate; revoking a key makes it fail', async () => {
    const readOnly = await createKey(member.token, { name: 'dashboard', scopes: ['read'] });
    expect(readOnly.apiKey!.scopes).toEqual(['read']);
    expect(await viewerId(readOnly.token!)).toBe(toGlobalId('Account', member.accountId));
    const attempt = await t.request(CreateApiKeyDocument, { input: { name: 'escalate' } }, readOnly.token!);
    expect(attempt.body.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('read-only'), extensions: { code: 'FORBIDDEN' } })]);
    const adminReadOnly = await createKey(admin.token, { name: 'admin dashboard', scopes: ['read'] });
    const write = await t.request(UpsertProductsDocument, { input: { products: [productInput('RO-0001')] } }, adminReadOnly.token!);
    expect(write.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
    expect((await t.request(ProductBySkuDocument, { sku: 'RO-0001' })).body.data!.product).toBeNull();

    const revoked = await revokeKey(member.token, readOnly.apiKey!.id);
    expect(revoked.errors).toEqual([]);
    expect(revoked.apiKey).toMatchObject({ id: readOnly.apiKey!.id, revokedAt: expect.any(String) });
    expect((await postWith(`Bearer ${readOnly.token}`)).status).toBe(401);
    const again = await revokeKey(member.token, readOnly.apiKey!.id);
    expect(again.apiKey!.revokedAt).toBe(revoked.apiKey!.revokedAt);
  });

  it.each([
    ['an empty name', { name: '' }, { code: 'REQUIRED', field: ['name'] }],
    ['a blank name', { name: '   ' }, { code: 'REQUIRED', field: ['name'] }],
    ['a name over 100 characters', { name: 'x'.repeat(101) }, { code: 'INVALID', field: ['name'] }],
    ['an unknown scope', { name: 'k', scopes: ['read', 'admin'] }, { code: 'INVALID', field: ['scopes'] }],
    ['empty scopes', { name: 'k', scopes: [] }, { code: 'REQUIRED', field: ['scopes'] }],
  ])('createApiKey with %s answers a UserError and creates nothing', async (_name, input, expected) => {
    const before = await countRows(t, 'api_key');
    const res = await createKey(member.token, input);
    expect(res).toEqual({ token: null, apiKey: null, errors: [expect.objectContaining({ ...expected, message: expect.any(String) })] });
    expect(await countRows(t, 'api_key')).toBe(before);
  });

  it("revokeApiKey of another account's key answers exactly like a random id, and the key keeps working", async () => {
    const adminKey = await createKey(admin.token, { name: 'admin key' });
    const foreign = await t.request(RevokeApiKeyDocument, { input: { id: adminKey.apiKey!.id } }, member.token);
    const random = await t.request(RevokeApiKeyDocument, { input: { id: toGlobalId('ApiKey', '6f1c1d2e-0000-4000-8000-000000000000') } }, member.token);
    expect(foreign).toEqual(random);
    expect(foreign.body.data!.revokeApiKey).toEqual({ apiKey: null, errors: [{ code: 'NOT_FOUND', field: ['id'], message: 'No such API key.' }] });
    expect(await viewerId(adminKey.token!)).toBe(toGlobalId('Account', admin.accountId));
  });

  it("node(id) shows the viewer's own keys only; another account's key or account is null", async () => {
    const adminKeys = (await t.request(ViewerKeyIdsDocument, {}, admin.token)).body.data!.viewer!;
    const memberKeys = (await t.request(ViewerKeyIdsDocument, {}, member.token)).body.data!.viewer!;
    const own = await t.request(NodeApiKeyDocument, { id: memberKeys.apiKeys[0].id }, member.token);
    expect(own.body.data!.node).toMatchObject({ id: memberKeys.apiKeys[0].id, __typename: 'ApiKey' });
    for (const id of [adminKeys.apiKeys[0].id, adminKeys.id]) {
      const res = await t.request(NodeApiKeyDocument, { id }, member.token);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.node).toBeNull();
      expect((await t.request(NodeApiKeyDocument, { id })).body.data!.node).toBeNull();
    }
    expect(memberKeys.apiKeys.map((k) => k.id)).not.toContain(adminKeys.apiKeys[0].id);
  });
});

/** A graphql-ws client that connects at once and reports how its socket closed. */
function openSocket(wsUrl: string, token: string) {
  let onConnected!: () => void;
  let onClosed!: (event: { code: number; reason: string }) => void;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client: Client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: { Authorization: `Bearer ${token}` },
    onNonLazyError: () => undefined,
    on: { connected: () => onConnected(), closed: (event) => onClosed(event as { code: number; reason: string }) },
  });
  return { client, connected, closed };
}

describe('WebSocket authentication', () => {
  const viewerQuery = print(ViewerDocument);

  it('accepts a valid key in connectionParams', async () => {
    const result = await wsExecute<{ viewer: { id: string; email: string } }>(t.wsClient(member.token), viewerQuery);
    expect(result.errors).toBeUndefined();
    expect(result.data!.viewer.id).toBe(toGlobalId('Account', member.accountId));
    const anonymous = await wsExecute<{ viewer: null }>(t.wsClient(), viewerQuery);
    expect(anonymous.data!.viewer).toBeNull();
  });

  it('refuses malformed, unknown and revoked keys with close code 4403', async () => {
    const revoked = await createKey(member.token, { name: 'ws revoked' });
    await revokeKey(member.token, revoked.apiKey!.id);
    for (const token of ['not-a-key', `mg_${randomBytes(6).toString('hex')}_${randomBytes(32).toString('base64url')}`, revoked.token!]) {
      await expect(wsExecute(t.wsClient(token), viewerQuery)).rejects.toMatchObject({ code: 4403 });
    }
  });

  it("closes a key's open connections when the key is revoked, and only those", async () => {
    const doomed = await createKey(member.token, { name: 'ws doomed' });
    const other = await createKey(member.token, { name: 'ws survivor' });
    const a = openSocket(t.wsUrl, doomed.token!);
    const b = openSocket(t.wsUrl, other.token!);
    try {
      await Promise.all([a.connected, b.connected]);
      expect((await wsExecute<{ viewer: { id: string } }>(a.client, viewerQuery)).data!.viewer.id).toBe(toGlobalId('Account', member.accountId));
      await revokeKey(member.token, doomed.apiKey!.id);
      expect(await a.closed).toEqual(expect.objectContaining({ code: 4403, reason: 'API key revoked' }));
      expect((await wsExecute<{ viewer: { id: string } }>(b.client, viewerQuery)).data!.viewer.id).toBe(toGlobalId('Account', member.accountId));
    } finally {
      await Promise.all([a.client.dispose(), b.client.dispose()]);
    }
  });
});

describeWithRedis('revocation across gateways (Redis pub/sub)', (redisUrl) => {
  let one: TestApp;
  let two: TestApp;

  beforeAll(async () => {
    one = await startTestApp({ REDIS_URL: redisUrl });
    two = await startTestApp({ REDIS_URL: redisUrl }, { databaseUrl: one.app.config.database.url });
  });
  afterAll(async () => {
    await two?.stop();
    await one?.stop();
  });

  it('a key revoked on one gateway loses its WebSocket on another', async () => {
    const account = await one.createAccount();
    const create = await one.request(CreateApiKeyDocument, { input: { name: 'roaming' } }, account.token);
    const roaming = create.body.data!.createApiKey;
    const socket = openSocket(two.wsUrl, roaming.token!);
    try {
      await socket.connected;
      const viewer = await wsExecute<{ viewer: { id: string } }>(socket.client, print(ViewerDocument));
      expect(viewer.data!.viewer.id).toBe(toGlobalId('Account', account.accountId));
      const revoked = await one.request(RevokeApiKeyDocument, { input: { id: roaming.apiKey!.id } }, account.token);
      expect(revoked.body.data!.revokeApiKey.errors).toEqual([]);
      expect(await socket.closed).toEqual(expect.objectContaining({ code: 4403, reason: 'API key revoked' }));
    } finally {
      await socket.client.dispose();
    }
  });
});
