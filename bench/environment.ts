import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import pino from 'pino';
import { startApplication, type Application } from '../src/app';
import { loadConfig } from '../src/config/config';
import { createAccountWithKey } from '../src/domains/accounts';
import { AccountRoleEnum } from '../src/domains/accounts/entities/account.entity';
import { createWeekPartitions } from '../src/domains/market/partitions/snapshot-partitions.service';
import { loadCatalog, loadMarketHistory, type CatalogSpec, type CatalogStats, type MarketHistorySpec, type MarketHistoryStats } from './dataset';

/** PostgreSQL server used when DATABASE_URL is unset. */
export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/** The database every in-process scenario shares; created at first use, dropped at the end. */
export const BENCH_DATABASE = 'marketgraph_bench';
/** High enough that the per-key limiter (ten times this, per minute) never answers 429 during a run. */
/**
 * Abuse limits a load must never trip (the bench measures the gateway, not its protection): rates, failed logins,
 * and WebSocket connections and subscriptions from the one address every bench client comes from.
 */
export const BENCH_UNLIMITED = {
  ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000000',
  AUTH_FAILURE_RATE_LIMIT_PER_MINUTE: '1000000000',
  WS_MAX_CONNECTIONS_PER_IP: '1000000',
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '1000000',
  WS_MAX_SUBSCRIPTIONS_PER_ACCOUNT: '1000000',
};
/** Variables passed through from the shell to the in-process gateway when set. */
const PASSED_THROUGH = ['DATABASE_POOL_SIZE', 'REDIS_URL'] as const;

/** The in-process gateway of a run and the API key its load is sent with. */
export interface BenchGateway {
  app: Application;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** Bearer token of a MEMBER account created for the run. */
  token: string;
  /** Bearer token of an ADMIN account, for admin mutations (catalog writes, ingest). */
  adminToken: string;
}

/**
 * Everything scenarios share, created lazily and torn down once by {@link close}: the bench
 * database, the real gateway started in this process against it, an API key, and the dataset.
 */
export class BenchEnvironment {
  readonly serverUrl: string;
  private readonly databases = new Set<string>();
  private pool?: Pool;
  private gatewayStarting?: Promise<BenchGateway>;
  private loadedCatalog?: { key: string; stats: CatalogStats };
  private loadedHistory?: { key: string; stats: MarketHistoryStats };

  constructor(serverUrl = process.env.DATABASE_URL || DEFAULT_SERVER_URL) {
    this.serverUrl = serverUrl;
  }

  /** URL of another database on the same server. */
  databaseUrl(name: string): string {
    const url = new URL(this.serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  /** Runs statements on the server's maintenance connection (CREATE/DROP DATABASE). */
  async admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.serverUrl, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  /** Creates an empty database (dropping a leftover of a crashed run first); dropped again by {@link close}. */
  async createDatabase(name: string): Promise<string> {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Bad database name ${name}`);
    this.databases.add(name);
    await this.admin(async (client) => {
      await client.query(`drop database if exists ${name} with (force)`);
      await client.query(`create database ${name}`);
    });
    return this.databaseUrl(name);
  }

  async dropDatabase(name: string): Promise<void> {
    await this.admin((client) => client.query(`drop database if exists ${name} with (force)`));
    this.databases.delete(name);
  }

  /** The real gateway (role gateway: no in-process workers) on a random port, migrated through AUTO_MIGRATE. */
  gateway(): Promise<BenchGateway> {
    this.gatewayStarting ??= this.startGateway();
    return this.gatewayStarting;
  }

  private async startGateway(): Promise<BenchGateway> {
    const databaseUrl = await this.createDatabase(BENCH_DATABASE);
    const passed = Object.fromEntries(PASSED_THROUGH.filter((name) => process.env[name]).map((name) => [name, process.env[name]!]));
    const config = loadConfig(
      {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        PORT: '0',
        HOST: '127.0.0.1',
        SEED_DEMO: 'false',
        AUTO_MIGRATE: 'true',
        ...BENCH_UNLIMITED,
        // Required in production; nothing the bench encrypts outlives its database.
        ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        DATABASE_URL: databaseUrl,
        ...passed,
      },
      ['node', 'bench', '--role=gateway'],
    );
    // The gateway's own warnings go to stderr so stdout carries only the tables.
    const log = pino({ level: config.logLevel, base: { service: 'marketgraph', role: 'bench-gateway' } }, pino.destination(2));
    const app = await startApplication(config, { log });
    try {
      const member = await createAccountWithKey(app.orm.em.fork(), { email: 'bench@marketgraph.invalid', name: 'Benchmark' });
      const admin = await createAccountWithKey(app.orm.em.fork(), { email: 'bench-admin@marketgraph.invalid', name: 'Benchmark admin', role: AccountRoleEnum.ADMIN });
      return { app, url: app.url!, token: member.token, adminToken: admin.token };
    } catch (error) {
      await app.stop();
      throw error;
    }
  }

  /** A small pool on the bench database for dataset loading and checks (the schema exists once the gateway is up). */
  async database(): Promise<Pool> {
    await this.gateway();
    this.pool ??= new Pool({ connectionString: this.databaseUrl(BENCH_DATABASE), max: 2 });
    return this.pool;
  }

  /**
   * Makes the bench database hold exactly `spec`'s catalog: loads it once, reuses it for later
   * scenarios asking for the same spec, and reloads (after emptying the catalog) for another one.
   */
  async catalog(spec: CatalogSpec): Promise<CatalogStats> {
    const key = `${spec.products}x${spec.sizesPerProduct}`;
    if (this.loadedCatalog?.key === key) return this.loadedCatalog.stats;
    const pool = await this.database();
    const client = await pool.connect();
    try {
      if (this.loadedCatalog) await client.query('truncate product cascade');
      this.loadedCatalog = undefined;
      // The history belongs to the products it was generated for.
      if (this.loadedHistory) await client.query('truncate market_snapshot, market_price');
      this.loadedHistory = undefined;
      const stats = await loadCatalog(client, spec);
      this.loadedCatalog = { key, stats };
      return stats;
    } finally {
      client.release();
    }
  }

  /**
   * Makes the market tables hold `spec`'s history (for the catalog loaded with {@link catalog}, which must come
   * first): loads it once and reuses it for later scenarios asking for the same spec. Scenarios may add newer
   * ticks on top (ingest, fan-out, sync); they never remove history.
   */
  async marketHistory(spec: MarketHistorySpec): Promise<MarketHistoryStats> {
    const key = JSON.stringify(spec);
    if (this.loadedHistory?.key === key) return this.loadedHistory.stats;
    if (!this.loadedCatalog) throw new Error('marketHistory(spec) needs a catalog: call env.catalog(spec) first');
    const { app } = await this.gateway();
    const pool = await this.database();
    const client = await pool.connect();
    try {
      if (this.loadedHistory) await client.query('truncate market_snapshot, market_price');
      this.loadedHistory = undefined;
      const stats = await loadMarketHistory(client, spec, (weeks) => createWeekPartitions(app.orm.em.fork(), weeks));
      this.loadedHistory = { key, stats };
      return stats;
    } finally {
      client.release();
    }
  }

  /** Stops the gateway and drops every database the run created; safe to call more than once. */
  async close(): Promise<void> {
    const problems: string[] = [];
    const gateway = this.gatewayStarting;
    this.gatewayStarting = undefined;
    if (gateway) await gateway.then((g) => g.app.stop(), () => undefined).catch((e) => problems.push(`stopping the gateway: ${(e as Error).message}`));
    await this.pool?.end().catch(() => undefined);
    this.pool = undefined;
    for (const name of [...this.databases]) {
      await this.dropDatabase(name).catch((e) => problems.push(`dropping ${name}: ${(e as Error).message}`));
    }
    if (problems.length) throw new Error(`cleanup incomplete: ${problems.join('; ')}`);
  }
}
