import { createContext } from '../../src/common/context';
import { refreshStaleOrders, requestVariantRefresh, setOrderSink } from '../../src/domains/sync';
import {
  ConnectionsDocument,
  ConnectMarketplaceDocument,
  LinkExternalRefDocument,
  SyncConnectionDocument,
  SyncNodeDocument,
  SyncRunsDocument,
  UpsertProductsDocument,
} from '../generated/graphql';
import type { FakeUpstream } from '../providers/fake-upstream';
import { ALIAS_TOKENS, startAliasUpstream, type AliasUpstreamOptions } from './support/alias-upstream';
import { startSyncApp, waitFor, type SyncTestApp } from './support/sync-app';
import { TEST_SINK_TABLES, testOrderSink } from './support/test-order-sink';

let t: SyncTestApp;
let upstream: FakeUpstream;
let aliasSettings: AliasUpstreamOptions;

interface RunRow {
  id: string;
  status: string;
  error: string | null;
  error_reason: string | null;
  fetched_count: number;
  written_count: number;
  failed_count: number;
  pages: number;
  attempts: number;
}

beforeAll(async () => {
  const alias = await startAliasUpstream({ pages: 3, perPage: 4 });
  upstream = alias.upstream;
  aliasSettings = alias.settings;
  // Gateway and worker in this process.
  t = await startSyncApp({ role: 'all', env: { SYNC_PROVIDER_BASE_URLS: `alias=${alias.baseUrl}` } });
  for (const ddl of TEST_SINK_TABLES) await t.sql(ddl);
  setOrderSink(testOrderSink);
});
afterAll(async () => {
  setOrderSink(undefined);
  await t?.stop();
  await upstream?.stop();
});

async function seller(token = ALIAS_TOKENS.good, scope: 'SELLER_ACCOUNT' | 'MARKET_DATA' = 'SELLER_ACCOUNT') {
  const account = await t.createAccount();
  const res = await t.request(ConnectMarketplaceDocument, { input: { platform: 'alias', scope, credentials: { accessToken: token } } }, account.token);
  const connection = res.data!.connectMarketplace.connection!;
  const [{ id: uuid }] = await t.sql<{ id: string }>(`select id from marketplace_connection where account_id = $1`, [account.accountId]);
  return { ...account, connection, uuid };
}

async function syncAndWait(who: { token: string; connection: { id: string } }, kind: 'ORDERS' | 'LISTINGS' | 'MARKET_DATA' = 'ORDERS'): Promise<RunRow> {
  const res = await t.request(SyncConnectionDocument, { input: { id: who.connection.id, kind } }, who.token);
  expect(res.data!.syncConnection.errors).toEqual([]);
  const runId = res.data!.syncConnection.syncRun!.id;
  const uuid = Buffer.from(runId, 'base64url').toString().split(':')[1];
  return waitFor(`run ${uuid} to finish`, async () => {
    const [row] = await t.sql<RunRow>(`select * from sync_run where id = $1`, [uuid]);
    return ['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(row.status) ? row : null;
  });
}

describe('orders.sync', () => {
  it('walks every page into the order store, one transaction per page, and records the cursor', async () => {
    const s = await seller();
    const run = await syncAndWait(s);
    expect(run).toMatchObject({ status: 'SUCCEEDED', error: null, fetched_count: 12, written_count: 12, failed_count: 0, pages: 3, attempts: 1 });
    expect(await t.sql(`select count(*)::int as n from test_synced_order where account_id = $1`, [s.accountId])).toEqual([{ n: 12 }]);
    expect(await t.sql(`select count(*)::int as n from test_sink_page where connection_id = $1`, [s.uuid])).toEqual([{ n: 3 }]);
    const [connection] = await t.sql<{ status: string; last_sync_at: Date; cursors: { orders: Record<string, string | null> } }>(
      `select status, last_sync_at, cursors from marketplace_connection where id = $1`,
      [s.uuid],
    );
    expect(connection.status).toBe('CONNECTED');
    expect(connection.last_sync_at).toBeInstanceOf(Date);
    expect(connection.cursors.orders).toMatchObject({ cursor: null, passStartedAt: null, since: expect.any(String), completedAt: expect.any(String) });
    // Unknown statuses are logged and kept raw.
    expect(t.logLines.some((l) => l.includes('unknown order status kept raw') && l.includes('ORDER_STATUS_SOMETHING_NEW'))).toBe(true);
    expect(await t.sql(`select raw_status from test_synced_order where external_order_number like '%-1-1' and account_id = $1`, [s.accountId])).toEqual([
      { raw_status: 'ORDER_STATUS_SOMETHING_NEW' },
    ]);
  });

  it('syncs again as a delta from the cursor and writes nothing twice', async () => {
    const s = await seller();
    await syncAndWait(s);
    upstream.reset();
    const again = await syncAndWait(s);
    expect(again).toMatchObject({ status: 'SUCCEEDED', fetched_count: 12, written_count: 0 });
    expect(await t.sql(`select max(writes)::int as w, count(*)::int as n from test_synced_order where account_id = $1`, [s.accountId])).toEqual([{ w: 1, n: 12 }]);
    const [first] = upstream.hits('GET', '/api/v1/orders');
    expect(first.query.get('pagination_token')).toBeNull();
  });

  it('marks the connection REAUTH_REQUIRED on 401, records the reason, and leaks no token', async () => {
    const s = await seller(ALIAS_TOKENS.other);
    aliasSettings.revoked = [ALIAS_TOKENS.other];
    try {
      const run = await syncAndWait(s);
      expect(run).toMatchObject({ status: 'FAILED', error_reason: 'UNAUTHORIZED' });
      expect(run.error).toMatch(/rejected the stored credentials/);
      expect(run.error).not.toContain(ALIAS_TOKENS.other);
      const [connection] = await t.sql<{ status: string; last_error: string }>(`select status, last_error from marketplace_connection where id = $1`, [s.uuid]);
      expect(connection.status).toBe('REAUTH_REQUIRED');
      expect(connection.last_error).not.toContain(ALIAS_TOKENS.other);
      const refused = await t.request(SyncConnectionDocument, { input: { id: s.connection.id, kind: 'ORDERS' } }, s.token);
      expect(refused.data!.syncConnection.errors[0]).toMatchObject({ code: 'CONFLICT' });
    } finally {
      aliasSettings.revoked = [];
    }
  });

  it('isolates failures: a connection that fails never stops another', async () => {
    const broken = await seller(ALIAS_TOKENS.other);
    const healthy = await seller(ALIAS_TOKENS.good);
    aliasSettings.revoked = [ALIAS_TOKENS.other];
    try {
      const [bad, good] = await Promise.all([syncAndWait(broken), syncAndWait(healthy)]);
      expect(bad.status).toBe('FAILED');
      expect(good).toMatchObject({ status: 'SUCCEEDED', fetched_count: 12 });
    } finally {
      aliasSettings.revoked = [];
    }
  });

  it('fails a run whose stored ciphertext was tampered with, clearly and without leaking anything', async () => {
    const s = await seller();
    const [{ credentials }] = await t.sql<{ credentials: string }>(`select credentials from marketplace_connection where id = $1`, [s.uuid]);
    const parts = credentials.split('.');
    const data = Buffer.from(parts[4], 'base64url');
    data[0] ^= 0xff;
    parts[4] = data.toString('base64url');
    await t.sql(`update marketplace_connection set credentials = $1 where id = $2`, [parts.join('.'), s.uuid]);
    const hits = upstream.requests.length;
    const run = await syncAndWait(s);
    expect(run).toMatchObject({ status: 'FAILED', error_reason: 'CREDENTIALS_UNREADABLE' });
    expect(run.error).toMatch(/failed authentication: the ciphertext was altered or belongs to another connection/);
    expect(upstream.requests.length).toBe(hits);
    const [connection] = await t.sql<{ status: string }>(`select status from marketplace_connection where id = $1`, [s.uuid]);
    expect(connection.status).toBe('REAUTH_REQUIRED');
  });

  it('streams the run to its owner until it is final', async () => {
    const s = await seller();
    aliasSettings.delayMs = 150;
    try {
      const res = await t.request(SyncConnectionDocument, { input: { id: s.connection.id, kind: 'ORDERS' } }, s.token);
      const runId = res.data!.syncConnection.syncRun!.id;
      const events: Array<{ status: string; pages: number; fetched: number }> = [];
      await new Promise<void>((resolve, reject) =>
        t.wsClient(s.token).subscribe<{ syncRunUpdated: { status: string; pages: number; fetched: number } }>(
          { query: 'subscription($id: ID) { syncRunUpdated(runId: $id) { id status pages fetched connection { id } } }', variables: { id: runId } },
          { next: (v) => void events.push(v.data!.syncRunUpdated), error: reject, complete: resolve },
        ),
      );
      expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', pages: 3, fetched: 12 });
      expect(events.some((e) => e.status === 'RUNNING' && e.pages > 0 && e.pages < 3)).toBe(true);
    } finally {
      aliasSettings.delayMs = 0;
    }
  });
});

describe('listings.sync', () => {
  it("walks the listings through the registered listing store (the selling domain's: listings it does not know are skipped and logged)", async () => {
    const s = await seller();
    const run = await syncAndWait(s, 'LISTINGS');
    expect(run).toMatchObject({ status: 'SUCCEEDED', fetched_count: 3, written_count: 0, pages: 2 });
    expect(t.logLines.filter((l) => l.includes('unknown to MarketGraph skipped') && l.includes(s.uuid) && l.includes('"externalListingId"')).length).toBe(3);
  });
});

describe('market data', () => {
  it('prices variants through a MARKET_DATA connection, mapping them to the platform through their ExternalRefs', async () => {
    const admin = await t.createAccount({ admin: true });
    const created = await t.request(
      UpsertProductsDocument,
      { input: { products: [{ sku: 'HQ7978-100', brand: 'Jordan', model: 'Air Jordan 5', name: 'Air Jordan 5 Grape', category: 'SNEAKERS', popularity: 80, variants: [{ sizeKey: '10.5' }, { sizeKey: '11' }] }] } },
      admin.token,
    );
    const productId = created.data!.upsertProducts.products[0].id;
    const link = await t.request(LinkExternalRefDocument, { input: { platform: 'alias', productId, externalId: 'air-jordan-5-retro-grape-2025-hq7978-100' } }, admin.token);
    expect(link.data!.linkExternalRef.errors).toEqual([]);
    const s = await seller(ALIAS_TOKENS.good, 'MARKET_DATA');
    const run = await syncAndWait(s, 'MARKET_DATA');
    expect(run).toMatchObject({ status: 'SUCCEEDED', fetched_count: 2, failed_count: 0 });
    const prices = await t.sql<{ size_key: string; source: string; lowest_ask: string }>(
      `select v.size_key, mp.source, mp.lowest_ask::text from market_price mp join variant v on v.id = mp.variant_id join platform p on p.id = mp.platform_id
       where p.slug = 'alias' order by v.size_key`,
    );
    expect(prices.map((p) => [p.size_key, p.source])).toEqual([
      ['10.5', 'API'],
      ['11', 'API'],
    ]);
    const [{ last_synced_at }] = await t.sql<{ last_synced_at: Date | null }>(`select last_synced_at from product where sku = 'HQ7978-100'`);
    expect(last_synced_at).toBeInstanceOf(Date);
  });

  it('requestVariantRefresh (the stale-read hook) enqueues one market.sync for the stale sizes', async () => {
    const variants = await t.sql<{ id: string }>(`select v.id from variant v join product p on p.id = v.product_id where p.sku = 'HQ7978-100'`);
    const ctx = createContext({ em: t.app.orm.em.fork(), viewer: null, requestId: 'test', log: t.app.log, pubsub: t.app.pubsub, clock: t.app.clock, jobs: t.app.jobs });
    await requestVariantRefresh(ctx, { variantIds: [...variants.map((v) => v.id), 'not-a-uuid'] });
    // The worker runs it through the MARKET_DATA connection (the simulator is off here).
    await waitFor('the on-demand market run', async () => {
      const rows = await t.sql<{ status: string }>(`select status from sync_run where kind = 'MARKET_DATA' and trigger = 'ON_DEMAND'`);
      return rows.length > 0 && rows.every((r) => ['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(r.status)) ? rows : null;
    });
    expect(await t.sql(`select status from sync_run where kind = 'MARKET_DATA' and trigger = 'ON_DEMAND'`)).toEqual([{ status: 'SUCCEEDED' }]);
  });
});

describe('refreshStaleOrders', () => {
  it("requests one orders sync per stale seller connection of the viewer, reusing an active run", async () => {
    const s = await seller();
    const viewerCtx = () =>
      createContext({
        em: t.app.orm.em.fork(),
        viewer: { accountId: s.accountId, role: 'MEMBER', scopes: ['read', 'write'], apiKeyId: 'k', baseCurrency: 'USD' },
        requestId: 'test',
        log: t.app.log,
        pubsub: t.app.pubsub,
        clock: t.app.clock,
        jobs: t.app.jobs,
      });
    const [first, second] = await Promise.all([refreshStaleOrders(viewerCtx()), refreshStaleOrders(viewerCtx())]);
    expect(first).toMatchObject({ stale: true, syncedAt: null, runIds: [expect.any(String)] });
    expect(second.runIds).toEqual(first.runIds);
    await waitFor('the on-demand orders run', async () => {
      const [row] = await t.sql<{ status: string; trigger: string }>(`select status, trigger from sync_run where id = $1`, [first.runIds[0]]);
      return row.status === 'SUCCEEDED' ? row : null;
    });
    const fresh = await refreshStaleOrders(viewerCtx());
    expect(fresh).toMatchObject({ stale: false, runIds: [], syncedAt: expect.any(Date) });
  });
});

describe('secrets', () => {
  it('never appear in logs, job payloads, run errors or stored rows', async () => {
    const secrets = Object.values(ALIAS_TOKENS);
    const s = await seller();
    await syncAndWait(s);
    const api = [
      await t.request(ConnectionsDocument, {}, s.token),
      await t.request(SyncRunsDocument, { first: 50 }, s.token),
      await t.request(SyncNodeDocument, { id: s.connection.id }, s.token),
      await t.request('{ connections { id credentialHint lastError externalAccountName } }', {}, s.token),
    ].map((body) => JSON.stringify(body));
    expect(api[0]).toContain(ALIAS_TOKENS.good.slice(-4));
    const jobs = await t.sql<{ text: string }>(`select coalesce(data::text, '') || coalesce(output::text, '') as text from pgboss.job union all select coalesce(data::text, '') || coalesce(output::text, '') from pgboss.archive`);
    expect(jobs.length).toBeGreaterThan(5);
    const runs = await t.sql<{ text: string }>(`select row_to_json(r)::text as text from sync_run r`);
    const connections = await t.sql<{ text: string }>(`select row_to_json(c)::text as text from marketplace_connection c`);
    const logs = t.logLines.join('\n');
    expect(logs.length).toBeGreaterThan(1000);
    for (const secret of secrets) {
      for (const text of [...jobs, ...runs, ...connections].map((r) => r.text).concat(api)) expect(text).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  });
});
