import type { ExecutionResult } from 'graphql';
import { Client } from 'pg';
import { withAdminClient } from '../support/database';
import { startTestApp, wsExecute, type TestApp } from '../support/app';

const PLATFORMS = '{ platforms { slug } }';

let t: TestApp;
let databaseName: string;
beforeAll(async () => {
  t = await startTestApp({ NODE_ENV: 'production' });
  databaseName = new URL(t.app.config.database.url!).pathname.slice(1);
});
afterAll(() => t?.stop());

const admin = (sql: string) => withAdminClient((client) => client.query(sql));
/** Statements on the gateway's database through a connection of the test's own, outside the pool under test. */
async function onTestDatabase(sql: string): Promise<void> {
  const client = new Client({ connectionString: t.app.config.database.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Puts a view in front of `platform` that terminates the backend reading it (like a failover or an
 * administrator's pg_terminate_backend) the first `times` times it is read.
 */
async function dropConnectionsOnRead(times: number | 'always'): Promise<() => Promise<void>> {
  await onTestDatabase('alter table platform rename to platform_stored');
  await onTestDatabase('create sequence platform_reads');
  await onTestDatabase(`create function platform_read_trips() returns boolean language plpgsql volatile as $$
    begin
      if ${times === 'always' ? 'true' : `nextval('platform_reads') <= ${times}`} then perform pg_terminate_backend(pg_backend_pid()); end if;
      return true;
    end $$`);
  await onTestDatabase('create view platform as select * from platform_stored where platform_read_trips()');
  return async () => {
    await onTestDatabase('drop view platform');
    await onTestDatabase('drop function platform_read_trips()');
    await onTestDatabase('drop sequence platform_reads');
    await onTestDatabase('alter table platform_stored rename to platform');
  };
}

it('retries a query once when its database connection is terminated under it, over HTTP and WebSocket', async () => {
  let restore = await dropConnectionsOnRead(1);
  try {
    const http = await t.request<{ platforms: Array<{ slug: string }> }, never>(PLATFORMS);
    expect(http.body.errors).toBeUndefined();
    expect(http.status).toBe(200);
    expect(http.body.data!.platforms.length).toBeGreaterThan(0);
  } finally {
    await restore();
  }
  restore = await dropConnectionsOnRead(1);
  try {
    const ws = (await wsExecute(t.wsClient(), PLATFORMS)) as ExecutionResult<{ platforms: unknown[] }>;
    expect(ws.errors).toBeUndefined();
    expect(ws.data!.platforms.length).toBeGreaterThan(0);
  } finally {
    await restore();
  }
});

it('answers 503 under application/graphql-response+json when the database connection keeps failing, and counts it', async () => {
  const restore = await dropConnectionsOnRead('always');
  try {
    const response = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PLATFORMS }) });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    const body = (await response.json()) as ExecutionResult;
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE' } })]);
    expect(JSON.stringify(body)).not.toMatch(/terminat|platform_stored|select/i);
  } finally {
    await restore();
  }
  const metrics = await (await fetch(`${t.url}/metrics`)).text();
  expect(metrics).toMatch(/^marketgraph_graphql_operations_total\{transport="http",type="query",outcome="unavailable"\} 1$/m);
  expect((await t.request<unknown, never>(PLATFORMS)).status).toBe(200);
});

it('never answers 200 with INTERNAL_SERVER_ERROR while the backends are terminated between and during requests', async () => {
  const terminate = () => admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${databaseName}' and pid <> pg_backend_pid()`);
  const outcomes: string[] = [];
  for (let round = 0; round < 5; round++) {
    const requests = Array.from({ length: 8 }, () => t.request<unknown, never>(PLATFORMS));
    await terminate();
    for (const res of await Promise.all(requests)) {
      outcomes.push(`${res.status} ${(res.body.errors?.[0]?.extensions?.code as string | undefined) ?? 'ok'}`);
    }
  }
  expect(outcomes.filter((o) => o !== '200 ok' && o !== '503 SERVICE_UNAVAILABLE')).toEqual([]);
});

it('/readyz turns 503 while the pool cannot connect, and ready again afterwards', async () => {
  expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
  await admin(`alter database ${databaseName} allow_connections false`);
  try {
    await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${databaseName}'`);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: { database: string } }).checks.database).toMatch(/^unreachable/);
  } finally {
    await admin(`alter database ${databaseName} allow_connections true`);
  }
  expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
});
