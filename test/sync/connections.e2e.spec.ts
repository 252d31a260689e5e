import { toGlobalId } from '../../src/common/node';
import {
  ConnectionsDocument,
  ConnectMarketplaceDocument,
  DisconnectMarketplaceDocument,
  SyncConnectionDocument,
  SyncNodeDocument,
  SyncRunsDocument,
} from '../generated/graphql';
import type { FakeUpstream } from '../providers/fake-upstream';
import { ALIAS_TOKENS, startAliasUpstream } from './support/alias-upstream';
import { liveSubscriptions, untilSubscriptions } from '../support/subscriptions';
import { startSyncApp, type SyncTestApp } from './support/sync-app';

let t: SyncTestApp;
let upstream: FakeUpstream;
let owner: { token: string; accountId: string };
let stranger: { token: string; accountId: string };
const errorsOf = (body: { errors?: readonly unknown[] }) => body.errors;

beforeAll(async () => {
  const alias = await startAliasUpstream();
  upstream = alias.upstream;
  // Gateway only: runs stay QUEUED, which is what these API tests look at.
  t = await startSyncApp({ env: { SYNC_PROVIDER_BASE_URLS: `alias=${alias.baseUrl}` } });
  owner = await t.createAccount();
  stranger = await t.createAccount();
});
afterAll(async () => {
  await t?.stop();
  await upstream?.stop();
});

const connect = (token: string, credentials: Record<string, unknown>, platform = 'alias', scope: 'SELLER_ACCOUNT' | 'MARKET_DATA' = 'SELLER_ACCOUNT') =>
  t.request(ConnectMarketplaceDocument, { input: { platform, scope, credentials } }, token);

describe('connectMarketplace', () => {
  it('checks the credentials with the platform, then stores them encrypted and shows only a hint', async () => {
    const res = await connect(owner.token, { accessToken: ALIAS_TOKENS.good });
    expect(errorsOf(res)).toBeUndefined();
    const { connection, errors } = res.data!.connectMarketplace;
    expect(errors).toEqual([]);
    expect(connection).toMatchObject({ scope: 'SELLER_ACCOUNT', status: 'CONNECTED', credentialHint: `…${ALIAS_TOKENS.good.slice(-4)}`, platform: { slug: 'alias' } });
    expect(upstream.hits('GET', '/api/v1/test').at(-1)!.headers.authorization).toBe(`Bearer ${ALIAS_TOKENS.good}`);

    const [row] = await t.sql<{ credentials: string; account_id: string }>('select credentials, account_id from marketplace_connection');
    expect(row.account_id).toBe(owner.accountId);
    expect(row.credentials).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(row.credentials).not.toContain(ALIAS_TOKENS.good);
  });

  it('refuses credentials the platform rejects, as a UserError, storing nothing', async () => {
    const before = await t.sql<{ n: number }>('select count(*)::int as n from marketplace_connection');
    const res = await connect(stranger.token, { accessToken: ALIAS_TOKENS.rejected });
    expect(errorsOf(res)).toBeUndefined();
    const { connection, errors } = res.data!.connectMarketplace;
    expect(connection).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['credentials'] })]);
    expect(errors[0].message).toMatch(/alias rejected the credentials/);
    expect(JSON.stringify(res)).not.toContain(ALIAS_TOKENS.rejected);
    expect(await t.sql('select count(*)::int as n from marketplace_connection')).toEqual(before);
  });

  it('refuses malformed credentials and unknown or unsupported platforms', async () => {
    const missing = await connect(stranger.token, { token: 'x' });
    expect(missing.data!.connectMarketplace.errors[0]).toMatchObject({ code: 'INVALID', field: ['credentials'] });
    expect(missing.data!.connectMarketplace.errors[0].message).toContain('accessToken');
    const nested = await connect(stranger.token, { accessToken: { nested: true } });
    expect(nested.data!.connectMarketplace.errors[0]).toMatchObject({ code: 'INVALID', field: ['credentials'] });
    const unknown = await connect(stranger.token, { accessToken: 'x' }, 'nowhere');
    expect(unknown.data!.connectMarketplace.errors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['platform'] });
    const manual = await connect(stranger.token, { accessToken: 'x' }, 'manual');
    expect(manual.data!.connectMarketplace.errors[0]).toMatchObject({ code: 'UNSUPPORTED', field: ['platform'] });
  });

  it('reconnecting replaces the credentials of the live connection instead of adding one', async () => {
    const first = (await connect(owner.token, { accessToken: ALIAS_TOKENS.good })).data!.connectMarketplace.connection!;
    const again = (await connect(owner.token, { accessToken: ALIAS_TOKENS.other })).data!.connectMarketplace.connection!;
    expect(again.id).toBe(first.id);
    expect(again.credentialHint).toBe(`…${ALIAS_TOKENS.other.slice(-4)}`);
    await connect(owner.token, { accessToken: ALIAS_TOKENS.good });
    const list = await t.request(ConnectionsDocument, {}, owner.token);
    expect(list.data!.connections.filter((c) => c.platform.slug === 'alias' && c.scope === 'SELLER_ACCOUNT')).toHaveLength(1);
  });

  it('needs an authenticated writer', async () => {
    const anonymous = await connect('', { accessToken: ALIAS_TOKENS.good });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('syncConnection', () => {
  it('collapses 20 rapid requests into ONE run and ONE job', async () => {
    const { token } = await t.createAccount();
    const connection = (await connect(token, { accessToken: ALIAS_TOKENS.good })).data!.connectMarketplace.connection!;
    const results = await Promise.all(Array.from({ length: 20 }, () => t.request(SyncConnectionDocument, { input: { id: connection.id, kind: 'ORDERS' } }, token)));
    const runIds = new Set(results.map((r) => r.data!.syncConnection.syncRun!.id));
    expect(results.every((r) => r.data!.syncConnection.errors.length === 0)).toBe(true);
    expect(runIds.size).toBe(1);
    const [run] = results[0].data!.syncConnection.syncRun ? [results[0].data!.syncConnection.syncRun] : [];
    expect(run).toMatchObject({ kind: 'ORDERS', trigger: 'MANUAL', status: 'QUEUED', connection: { id: connection.id }, platform: { slug: 'alias' } });

    const uuid = (await t.sql<{ id: string }>(`select id from marketplace_connection where credential_hint is not null order by created_at desc limit 1`))[0].id;
    expect(await t.sql(`select count(*)::int as n from sync_run where connection_id = $1`, [uuid])).toEqual([{ n: 1 }]);
    const jobs = await t.sql<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'orders.sync' and data->>'connectionId' = $1`, [uuid]);
    expect(jobs[0].n).toBe(1);
  });

  it('refuses kinds the connection or platform cannot sync', async () => {
    const connection = (await t.request(ConnectionsDocument, {}, owner.token)).data!.connections[0];
    const catalog = await t.request(SyncConnectionDocument, { input: { id: connection.id, kind: 'CATALOG' } }, owner.token);
    expect(catalog.data!.syncConnection).toMatchObject({ syncRun: null, errors: [{ code: 'UNSUPPORTED', field: ['kind'] }] });
    const market = await t.request(SyncConnectionDocument, { input: { id: connection.id, kind: 'MARKET_DATA' } }, owner.token);
    expect(market.data!.syncConnection.errors[0]).toMatchObject({ code: 'UNSUPPORTED' });
  });
});

describe('tenancy: another account\'s connection answers like a nonexistent one', () => {
  it('in node, syncConnection, disconnectMarketplace, syncRuns and syncRunUpdated', async () => {
    const mine = (await t.request(ConnectionsDocument, {}, owner.token)).data!.connections[0];
    const run = (await t.request(SyncConnectionDocument, { input: { id: mine.id, kind: 'LISTINGS' } }, owner.token)).data!.syncConnection.syncRun!;
    const ghostConnection = toGlobalId('MarketplaceConnection', '6b1f3c2a-9d4e-4f5a-8b7c-0d1e2f3a4b5c');
    const ghostRun = toGlobalId('SyncRun', '6b1f3c2a-9d4e-4f5a-8b7c-0d1e2f3a4b5c');

    const asStranger = async (connectionId: string, runId: string) => ({
      node: await t.request(SyncNodeDocument, { id: connectionId }, stranger.token),
      runNode: await t.request(SyncNodeDocument, { id: runId }, stranger.token),
      sync: await t.request(SyncConnectionDocument, { input: { id: connectionId, kind: 'ORDERS' } }, stranger.token),
      disconnect: await t.request(DisconnectMarketplaceDocument, { input: { id: connectionId } }, stranger.token),
      runs: await t.request(SyncRunsDocument, { filter: { connectionId } }, stranger.token),
    });
    expect(await asStranger(mine.id, run.id)).toEqual(await asStranger(ghostConnection, ghostRun));
    const seen = await asStranger(mine.id, run.id);
    expect(seen.node.data!.node).toBeNull();
    expect(seen.sync.data!.syncConnection.errors[0].code).toBe('NOT_FOUND');
    expect(seen.disconnect.data!.disconnectMarketplace.errors[0].code).toBe('NOT_FOUND');
    expect(seen.runs.data!.syncRuns.totalCount).toBe(0);

    const subscribe = async (runId: string) => {
      const client = t.wsClient(stranger.token);
      return new Promise<unknown>((resolve) =>
        client.subscribe({ query: 'subscription($id: ID) { syncRunUpdated(runId: $id) { id } }', variables: { id: runId } }, { next: resolve, error: resolve, complete: () => resolve('complete') }),
      );
    };
    expect(await subscribe(run.id)).toEqual(await subscribe(ghostRun));
    expect(JSON.stringify(await subscribe(run.id))).toContain('no such sync run');

    // The owner still sees it all.
    expect((await t.request(SyncNodeDocument, { id: mine.id }, owner.token)).data!.node).toMatchObject({ __typename: 'MarketplaceConnection', connectionStatus: 'CONNECTED' });
    expect((await t.request(SyncNodeDocument, { id: run.id }, owner.token)).data!.node).toMatchObject({ __typename: 'SyncRun', kind: 'LISTINGS', runStatus: 'QUEUED' });
  });
});

describe('syncRuns', () => {
  it('pages newest first with a constant number of SQL statements, whatever the page size', async () => {
    const { token, accountId } = await t.createAccount();
    const connection = (await connect(token, { accessToken: ALIAS_TOKENS.good })).data!.connectMarketplace.connection!;
    const [{ id: connectionId, platform_id }] = await t.sql<{ id: string; platform_id: string }>(`select id, platform_id from marketplace_connection where account_id = $1`, [accountId]);
    await t.sql(
      `insert into sync_run (id, account_id, connection_id, platform_id, kind, trigger, status, singleton_key, error, finished_at, created_at, updated_at)
       select gen_random_uuid(), $1, $2, $3, 'ORDERS', 'SCHEDULE', 'FAILED', 'done ' || n, 'boom', now(), now() - n * interval '1 minute', now()
       from generate_series(1, 30) as n`,
      [accountId, connectionId, platform_id],
    );
    let statements = 0;
    const count = (query: { sql: string }) => void (query.sql && statements++);
    t.app.orm.em.getKnex().on('query', count);
    const measure = async (first: number) => {
      statements = 0;
      const res = await t.request(SyncRunsDocument, { first }, token);
      expect(res.errors).toBeUndefined();
      return { statements, res };
    };
    const small = await measure(3);
    const large = await measure(25);
    t.app.orm.em.getKnex().off('query', count);
    expect(large.res.data!.syncRuns.edges).toHaveLength(25);
    expect(large.res.data!.syncRuns.totalCount).toBe(30);
    expect(large.statements).toBe(small.statements);
    expect(large.res.data!.syncRuns.edges.every((e) => e.node.connection?.id === connection.id && e.node.platform?.slug === 'alias')).toBe(true);

    const next = await t.request(SyncRunsDocument, { first: 25, after: large.res.data!.syncRuns.pageInfo.endCursor }, token);
    expect(next.data!.syncRuns.edges).toHaveLength(5);
    const finished = await t.request(SyncRunsDocument, { filter: { statuses: ['FAILED'], kinds: ['ORDERS'], connectionId: connection.id }, first: 1 }, token);
    expect(finished.data!.syncRuns.totalCount).toBe(30);
    const active = await t.request(SyncRunsDocument, { filter: { active: true } }, token);
    expect(active.data!.syncRuns.totalCount).toBe(0);
  });
});

describe('disconnectMarketplace', () => {
  it('erases the credentials, fails pending runs and ends the run streams', async () => {
    const { token } = await t.createAccount();
    const connection = (await connect(token, { accessToken: ALIAS_TOKENS.good })).data!.connectMarketplace.connection!;
    const run = (await t.request(SyncConnectionDocument, { input: { id: connection.id, kind: 'ORDERS' } }, token)).data!.syncConnection.syncRun!;
    const client = t.wsClient(token);
    const live = await liveSubscriptions(t.url);
    const events: Array<{ status: string }> = [];
    const ended = new Promise<void>((resolve, reject) =>
      client.subscribe<{ syncRunUpdated: { status: string } }>(
        { query: 'subscription($id: ID) { syncRunUpdated(runId: $id) { id status error } }', variables: { id: run.id } },
        { next: (value) => void events.push(value.data!.syncRunUpdated), error: reject, complete: resolve },
      ),
    );
    await untilSubscriptions(t.url, live + 1);
    const res = await t.request(DisconnectMarketplaceDocument, { input: { id: connection.id } }, token);
    expect(res.data!.disconnectMarketplace.connection).toMatchObject({ status: 'DISCONNECTED', disconnectedAt: expect.any(String) });
    await ended;
    expect(events.map((e) => e.status)).toEqual(['QUEUED', 'FAILED']);
    const [row] = await t.sql<{ credentials: string | null }>(`select credentials from marketplace_connection where credential_hint is not null and status = 'DISCONNECTED'`);
    expect(row.credentials).toBeNull();
    const again = await t.request(SyncConnectionDocument, { input: { id: connection.id, kind: 'ORDERS' } }, token);
    expect(again.data!.syncConnection.errors[0]).toMatchObject({ code: 'CONFLICT' });
  });
});
