import 'reflect-metadata';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { randomBytes } from 'node:crypto';
import { print, type ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import type { Logger } from 'pino';
import WebSocket from 'ws';
import { startApplication, type Application } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createAccountWithKey } from '../../src/domains/accounts';
import type { JobTask } from '../../src/jobs';
import { TestClock } from './clock';
import { createTestDatabase } from './database';
import { liveSubscriptions, untilSubscriptions } from './subscriptions';
import { waitFor } from './wait';

/** A gateway on a random port against a database of its own. */
export interface TestApp {
  url: string;
  wsUrl: string;
  app: Application;
  /** The app's clock: follows the system clock until a test freezes or advances it. */
  clock: TestClock;
  /** SQL statements issued since the app started (reset with `sql.reset()`). */
  sql: { count: number; statements: string[]; reset(): void };
  /**
   * Counts the statements `run` issues: waits until the pool is idle (nothing of an earlier request still in
   * flight), runs it, and waits for the pool to be idle again (its fire-and-forget statements count too).
   */
  countStatements<T>(run: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }>;
  /**
   * The statements of one request in the state of every request after a client's first: the viewer's key is in the
   * gateway's cache (a warm-up request put it there; the clock stays frozen meanwhile, so the entry cannot expire).
   */
  statementsOf<R, V>(document: TypedDocumentNode<R, V>, variables: V, token?: string): Promise<{ body: ExecutionResult<R>; count: number; statements: string[] }>;
  /** Creates an account and returns its API key. */
  createAccount(options?: { admin?: boolean; email?: string }): Promise<{ token: string; accountId: string }>;
  /** Posts an operation over HTTP. */
  request<R, V>(document: TypedDocumentNode<R, V> | string, variables?: V, token?: string): Promise<{ status: number; body: ExecutionResult<R> }>;
  /** Live subscriptions on the gateway (its `marketgraph_graphql_subscriptions` gauge). */
  liveSubscriptions(): Promise<number>;
  /** Waits until the gateway holds at least `count` live subscriptions: from then on they see every event published. */
  untilSubscriptions(count: number): Promise<void>;
  /** A graphql-ws client connected with the given token. */
  wsClient(token?: string): Client;
  stop(): Promise<void>;
}

/**
 * `databaseUrl` makes the app share another test app's database (it is then left for that app to drop);
 * `jobTasks` replaces the registered jobs (tests add their own). With ROLE=worker there is no HTTP server: `url` is ''.
 */
/** A fixed key for tests (production mode refuses to start without one). */
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

/** Rate-limit buckets of one app only (test files share one Redis and all call from 127.0.0.1), failed logins unlimited. */
const isolatedRateLimits = () => ({ AUTH_FAILURE_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_KEY_PREFIX: `mg_rl_test_${randomBytes(6).toString('hex')}` });

export async function startTestApp(env: Record<string, string> = {}, options: { databaseUrl?: string; jobTasks?: readonly JobTask[]; log?: Logger } = {}): Promise<TestApp> {
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await createTestDatabase();
  const config = loadConfig(
    { NODE_ENV: 'test', ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000', ...isolatedRateLimits(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED_DEMO: 'false', DATABASE_URL: database.url, DATABASE_POOL_SIZE: '4', ...env },
    ['node', 'test', `--role=${env.ROLE ?? 'gateway'}`],
  );
  const clock = new TestClock();
  const app = await startApplication(config, { jobTasks: options.jobTasks, clock, log: options.log });
  const sql = {
    count: 0,
    statements: [] as string[],
    reset() {
      this.count = 0;
      this.statements = [];
    },
  };
  app.orm.em.getKnex().on('query', (query: { sql: string }) => {
    sql.count++;
    sql.statements.push(query.sql);
  });
  const url = app.url ?? '';
  const wsUrl = url && `${url.replace(/^http/, 'ws')}/graphql`;
  const clients: Client[] = [];
  let accounts = 0;

  const pool = (app.orm.em.getKnex().client as { pool: { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number } }).pool;
  const poolIdle = () => waitFor('the database pool to be idle', () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() === 0, 10_000, 5);

  const testApp: TestApp = {
    url,
    wsUrl,
    app,
    clock,
    sql,
    async countStatements(run) {
      await poolIdle();
      sql.reset();
      const result = await run();
      await poolIdle();
      return { result, count: sql.count, statements: [...sql.statements] };
    },
    async statementsOf(document, variables, token) {
      const frozen = clock.isFrozen;
      clock.freeze();
      try {
        if (token) await testApp.request('{ __typename }', undefined, token);
        const { result, count, statements } = await testApp.countStatements(() => testApp.request(document, variables, token));
        return { body: result.body, count, statements };
      } finally {
        if (!frozen) clock.resume();
      }
    },
    async createAccount(options = {}) {
      const { account, token } = await createAccountWithKey(app.orm.em.fork(), {
        email: options.email ?? `user${++accounts}-${Date.now()}@example.com`,
        name: 'Test Reseller',
        role: options.admin ? 'ADMIN' : 'MEMBER',
      } as never);
      return { token, accountId: account.id };
    },
    async request(document, variables, token) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
      });
      return { status: response.status, body: (await response.json()) as never };
    },
    liveSubscriptions: () => liveSubscriptions(url),
    untilSubscriptions: (count) => untilSubscriptions(url, count),
    wsClient(token) {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        lazy: true,
        retryAttempts: 0,
        connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
      });
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.all(clients.map((c) => c.dispose()));
      await app.stop();
      await database.drop();
    },
  };
  return testApp;
}

/** Runs one operation over a graphql-ws client and returns its single result. */
export function wsExecute<R>(client: Client, query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<R>> {
  return new Promise((resolve, reject) => {
    let result: ExecutionResult<R> | undefined;
    client.subscribe<R>(
      { query, variables },
      { next: (value) => (result = value as ExecutionResult<R>), error: reject, complete: () => resolve(result!) },
    );
  });
}
