import { ConnectMarketplaceDocument, SyncConnectionDocument } from '../generated/graphql';
import type { FakeUpstream } from '../providers/fake-upstream';
import { ALIAS_TOKENS, startAliasUpstream, type AliasUpstreamOptions } from './support/alias-upstream';
import { startSyncApp, waitFor, type SyncTestApp } from './support/sync-app';
import { TEST_SINK_TABLES } from './support/test-order-sink';
import { WorkerProcess } from './support/worker-process';

jest.setTimeout(180_000);

const PAGES = 6;
const PER_PAGE = 5;

let t: SyncTestApp;
let upstream: FakeUpstream;
let alias: { baseUrl: string; settings: AliasUpstreamOptions };
const workers: WorkerProcess[] = [];

interface RunRow {
  id: string;
  status: string;
  error: string | null;
  error_reason: string | null;
  pages: number;
  attempts: number;
  fetched_count: number;
  worker: string | null;
}

beforeAll(async () => {
  const started = await startAliasUpstream({ pages: PAGES, perPage: PER_PAGE, delayMs: 400 });
  upstream = started.upstream;
  alias = started;
  // The gateway runs in this process; every worker is a real child process.
  t = await startSyncApp({ env: { SYNC_PROVIDER_BASE_URLS: `alias=${alias.baseUrl}` } });
  for (const ddl of TEST_SINK_TABLES) await t.sql(ddl);
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(async () => {
  await t?.stop();
  await upstream?.stop();
});

const worker = () => {
  const w = WorkerProcess.start({ DATABASE_URL: t.databaseUrl, SYNC_PROVIDER_BASE_URLS: `alias=${alias.baseUrl}` });
  workers.push(w);
  return w;
};

async function seller() {
  const account = await t.createAccount();
  const res = await t.request(ConnectMarketplaceDocument, { input: { platform: 'alias', credentials: { accessToken: ALIAS_TOKENS.good } } }, account.token);
  const connection = res.data!.connectMarketplace.connection!;
  const [{ id: uuid }] = await t.sql<{ id: string }>(`select id from marketplace_connection where account_id = $1`, [account.accountId]);
  return { ...account, connection, uuid };
}

async function requestSync(s: Awaited<ReturnType<typeof seller>>): Promise<string> {
  const res = await t.request(SyncConnectionDocument, { input: { id: s.connection.id, kind: 'ORDERS' } }, s.token);
  return Buffer.from(res.data!.syncConnection.syncRun!.id, 'base64url').toString().split(':')[1];
}

const runOf = async (id: string) => (await t.sql<RunRow>(`select * from sync_run where id = $1`, [id]))[0];
const finalRun = (id: string, timeoutMs = 90_000) =>
  waitFor(`run ${id} to finish`, async () => {
    const run = await runOf(id);
    return ['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(run.status) ? run : null;
  }, timeoutMs, 250);

/** Every page of the connection committed exactly once, and every order stored once. */
async function expectEachPageOnce(s: { uuid: string; accountId: string }) {
  const pages = await t.sql<{ first_order: string; n: number }>(`select first_order, count(*)::int as n from test_sink_page where connection_id = $1 group by first_order`, [s.uuid]);
  expect(pages).toHaveLength(PAGES);
  expect(pages.every((p) => p.n === 1)).toBe(true);
  expect(await t.sql(`select count(*)::int as n, max(writes)::int as writes from test_synced_order where account_id = $1`, [s.accountId])).toEqual([{ n: PAGES * PER_PAGE, writes: 1 }]);
}

describe('a worker killed mid-run (SIGKILL)', () => {
  it('is replaced: after a restart the run resumes from its last committed page and completes with no duplicates', async () => {
    const s = await seller();
    const first = worker();
    const runId = await requestSync(s);
    const atKill = await waitFor('two committed pages', async () => {
      const run = await runOf(runId);
      return run.status === 'RUNNING' && run.pages >= 2 ? run : null;
    }, 90_000, 50);
    await first.kill();
    const left = await runOf(runId);
    expect(left.status).toBe('RUNNING');
    expect(left.pages).toBeLessThan(PAGES);

    const second = worker();
    await second.ready();
    const run = await finalRun(runId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', pages: PAGES, attempts: 2, fetched_count: PAGES * PER_PAGE });
    expect(atKill.pages).toBeGreaterThanOrEqual(2);
    await expectEachPageOnce(s);
    // The restarted worker asked for the page after the last committed one, not the first.
    const tokens = upstream.hits('GET', '/api/v1/orders').map((r) => r.query.get('pagination_token'));
    expect(tokens.filter((tk) => tk === null)).toHaveLength(1);
  });
});

describe('two workers', () => {
  it('process each page once, even when both hold a job for the same run and one of them dies', async () => {
    const sellers = [await seller(), await seller(), await seller()];
    const [a, b] = [worker(), worker()];
    await Promise.all([a.ready(), b.ready()]);
    const runIds = await Promise.all(sellers.map(requestSync));
    // Duplicate jobs for the same connections, so both workers compete for the same runs.
    for (const s of sellers) {
      for (let i = 0; i < 2; i++) await t.app.jobs.send('orders.sync', { connectionId: s.uuid }, { singletonKey: `duplicate-${s.uuid}-${i}` });
    }
    const underWay = await waitFor('a run under way', async () => {
      const runs = await Promise.all(runIds.map(runOf));
      return runs.find((r) => r.status === 'RUNNING' && r.pages >= 1 && r.pages < PAGES - 1);
    }, 90_000, 50);
    // Kill whichever worker holds that run.
    const holder = [a, b].find((w) => underWay.worker?.endsWith(`:${w.pid}`))!;
    expect(holder).toBeDefined();
    await holder.kill();
    const runs = await Promise.all(runIds.map((id) => finalRun(id)));
    expect(runs.map((r) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    const takenOver = runs.find((r) => r.id === underWay.id)!;
    expect(takenOver.attempts).toBe(2);
    expect(takenOver.worker).not.toBe(underWay.worker);
    for (const s of sellers) await expectEachPageOnce(s);
    expect(await t.sql(`select count(*)::int as n from sync_run where status in ('QUEUED', 'RUNNING')`)).toEqual([{ n: 0 }]);
  });
});

describe('database connections dropped mid-run', () => {
  it('the run recovers (or fails with a reason) and no page is half-written or doubled', async () => {
    const s = await seller();
    const w = worker();
    await w.ready();
    const runId = await requestSync(s);
    await waitFor('two committed pages', async () => {
      const run = await runOf(runId);
      return run.status === 'RUNNING' && run.pages >= 2 ? run : null;
    }, 90_000, 50);
    const killed = await t.sql<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
    );
    expect(killed[0].n).toBeGreaterThan(0);
    const run = await finalRun(runId);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.pages).toBe(PAGES);
    await expectEachPageOnce(s);
    // The worker's log reaches us through a pipe, possibly after the run's rows: wait for the line, don't race it.
    await waitFor('the worker to log the dropped connection', () => w.lines.some((l) => /database connection lost; retrying|heartbeat failed|job queue error/.test(l)), 10_000);
  });
});
