import 'reflect-metadata';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type ExecutionResult } from 'graphql';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { Client as PgClient } from 'pg';
import pino from 'pino';
import { Writable } from 'node:stream';
import WebSocket from 'ws';
import { startApplication, type Application } from '../../../src/app';
import { loadConfig } from '../../../src/config/config';
import { createAccountWithKey } from '../../../src/domains/accounts';
import { createTestDatabase } from '../../support/database';
export { waitFor } from '../../support/wait';

/** A fixed 32-byte key, so a gateway in the test and worker processes it spawns share it. */
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

/** Environment every sync test process shares (besides DATABASE_URL and the provider base URLs). */
export const SYNC_TEST_ENV = {
  NODE_ENV: 'test',
  ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
  SEED_DEMO: 'false',
  SIMULATOR_ENABLED: 'false',
  JOB_POLL_INTERVAL_SECONDS: '0.5',
  SYNC_RUN_STALE_AFTER_SECONDS: '3',
};

/** A MarketGraph process in this test (gateway, worker or both) whose every log line is kept. */
export interface SyncTestApp {
  app: Application;
  url: string;
  databaseUrl: string;
  logLines: string[];
  createAccount(options?: { admin?: boolean }): Promise<{ token: string; accountId: string }>;
  request<R, V>(document: TypedDocumentNode<R, V> | string, variables?: V, token?: string): Promise<ExecutionResult<R>>;
  wsClient(token: string): WsClient;
  /** Runs SQL on a connection of its own (survives pg_terminate_backend of the app's connections). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

let accounts = 0;

/** Starts the real application against a fresh (or the given) test database, logging at trace level into memory. */
export async function startSyncApp(options: { env?: Record<string, string>; role?: 'gateway' | 'worker' | 'all'; databaseUrl?: string } = {}): Promise<SyncTestApp> {
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await createTestDatabase();
  const role = options.role ?? 'gateway';
  const config = loadConfig(
    { ...SYNC_TEST_ENV, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'trace', DATABASE_URL: database.url, DATABASE_POOL_SIZE: '6', ...options.env },
    ['node', 'test', `--role=${role}`],
  );
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const app = await startApplication(config, { log: pino({ level: 'trace' }, destination) });
  const clients: WsClient[] = [];
  const sql = async <T>(text: string, params: unknown[] = []) => {
    const client = new PgClient({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  return {
    app,
    url: app.url ?? '',
    databaseUrl: database.url,
    logLines,
    sql,
    async createAccount(options = {}) {
      const email = `sync${++accounts}-${process.pid}-${Date.now()}@example.com`;
      const { account, token } = await createAccountWithKey(app.orm.em.fork(), { email, name: 'Sync Tester', role: options.admin ? 'ADMIN' : 'MEMBER' } as never);
      return { token, accountId: account.id };
    },
    async request(document, variables, token) {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
      });
      return (await response.json()) as never;
    },
    wsClient(token) {
      const client = createClient({ url: `${app.url!.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0, connectionParams: { Authorization: `Bearer ${token}` } });
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.all(clients.map((c) => c.dispose()));
      await app.stop();
      await database.drop();
    },
  };
}

