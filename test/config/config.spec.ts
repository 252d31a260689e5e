import { ConfigError, loadConfig } from '../../src/config/config';

const argv = ['node', 'main.js'];

function problemOf(env: Record<string, string>, args = argv): ConfigError {
  try {
    loadConfig(env, args);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)} ${args.join(' ')}`);
}

describe('loadConfig rejects bad values with a ConfigError naming the variable and the fix', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT="abc"', /whole number between 0 and 65535/],
    [{ PORT: '70000' }, 'PORT="70000"', /whole number between 0 and 65535/],
    [{ PORT: '-1' }, 'PORT="-1"', /whole number between 0 and 65535/],
    [{ PORT: '80.5' }, 'PORT="80.5"', /whole number between 0 and 65535/],
    [{ DATABASE_URL: 'not-a-url' }, 'DATABASE_URL="not-a-url"', /must be a URL such as postgres:\/\//],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL="mysql://x/y"', /postgres:\/\/ or postgresql:\/\/ scheme/],
    [{ DATABASE_URL: 'postgres://db.example:5432' }, 'DATABASE_URL=', /must name a database/],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL="http://x"', /redis:\/\/ or rediss:\/\/ scheme/],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL="localhost:6379"', /redis:\/\/ or rediss:\/\/ scheme|must be a URL/],
    [{ REDIS_URL: 'no url at all' }, 'REDIS_URL="no url at all"', /must be a URL such as redis:\/\//],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL="loud"', /must be one of fatal, error, warn, info, debug, trace, silent/],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV="staging"', /must be development, production or test/],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE="0"', /positive whole number/],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO="maybe"', /must be true or false/],
  ])('%j', (env, named, fix) => {
    const error = problemOf(env);
    expect(error.message).toContain(named);
    expect(error.message).toMatch(fix);
    expect(error.message).toMatch(/Fix the variables above \(see \.env\.example\)/);
  });

  it('lists every bad variable at once', () => {
    const error = problemOf({ PORT: 'abc', LOG_LEVEL: 'loud', REDIS_URL: 'http://x' });
    expect(error.problems).toHaveLength(3);
    for (const name of ['PORT=', 'LOG_LEVEL=', 'REDIS_URL=']) expect(error.message).toContain(name);
  });

  it('rejects --role=bogus naming the flag and the allowed roles', () => {
    const error = problemOf({}, [...argv, '--role=bogus']);
    expect(error.message).toContain('--role=bogus');
    expect(error.message).toMatch(/must be all, gateway or worker/);
  });

  it('does not read a whitespace-only PORT as port 0', () => {
    expect(loadConfig({ PORT: '  ' }, argv).port).toBe(4000);
  });
});

const KEY = Buffer.alloc(32, 1).toString('base64');

describe('loadConfig defaults', () => {
  it('starts every process with sensible defaults', () => {
    const config = loadConfig({}, argv);
    expect(config).toEqual({
      env: 'development',
      role: 'all',
      port: 4000,
      host: '0.0.0.0',
      logLevel: 'info',
      database: { url: undefined, poolSize: 10, embedded: { port: 5433, dir: '.data/postgres' } },
      redisUrl: undefined,
      autoMigrate: true,
      seedDemo: true,
      limits: { maxDepth: 10, maxCost: 5000, maxAliases: 15, maxDirectives: 20, maxTokens: 2000, maxBodyBytes: 1_048_576, anonymousPerMinute: 120, authFailuresPerMinute: 10, rateLimitKeyPrefix: 'mg_rl' },
      websocket: { maxConnectionsPerIp: 20, maxSubscriptionsPerSocket: 20, maxSubscriptionsPerAccount: 100, connectionInitTimeoutMs: 3000 },
      introspection: true,
      graphiql: true,
      metrics: { port: undefined, token: undefined },
      shutdownTimeoutMs: 10_000,
      encryption: { key: undefined, keyId: undefined, previousKeys: [] },
      sync: { ordersStaleAfterSeconds: 21_600, runStaleAfterSeconds: 300, providerBaseUrls: {} },
      jobs: { pollIntervalSeconds: 2 },
      market: { retentionDays: 90 },
      simulator: { enabled: true, intervalSeconds: 5, seed: 42, batchSize: 100 },
      productViews: { flushSeconds: 5 },
    });
  });

  it('treats empty variables as unset and reads valid ones', () => {
    const config = loadConfig(
      { PORT: '', LOG_LEVEL: 'warn', DATABASE_URL: 'postgresql://u:p@db:5432/marketgraph', REDIS_URL: 'rediss://cache:6380', NODE_ENV: 'production', SEED_DEMO: 'no', ENCRYPTION_KEY: KEY },
      [...argv, '--role=worker'],
    );
    expect(config).toMatchObject({
      port: 4000,
      logLevel: 'warn',
      role: 'worker',
      env: 'production',
      autoMigrate: false,
      seedDemo: false,
      database: { url: 'postgresql://u:p@db:5432/marketgraph' },
      redisUrl: 'rediss://cache:6380',
    });
    expect(loadConfig({ NODE_ENV: 'production', AUTO_MIGRATE: 'true', ENCRYPTION_KEY: KEY }, argv).autoMigrate).toBe(true);
  });

  it('turns introspection and GraphiQL off in production unless enabled, and reads the limits of both transports', () => {
    expect(loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: KEY }, argv)).toMatchObject({ introspection: false, graphiql: false });
    expect(loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: KEY, GRAPHQL_INTROSPECTION: 'true', GRAPHIQL: 'yes' }, argv)).toMatchObject({ introspection: true, graphiql: true });
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false', GRAPHIQL: '0' }, argv)).toMatchObject({ introspection: false, graphiql: false });
    const config = loadConfig(
      { AUTH_FAILURE_RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_KEY_PREFIX: 'blue:mg_rl', WS_MAX_CONNECTIONS_PER_IP: '4', WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '5', WS_MAX_SUBSCRIPTIONS_PER_ACCOUNT: '6', WS_CONNECTION_INIT_TIMEOUT_MS: '700', METRICS_PORT: '9464', METRICS_TOKEN: 'a'.repeat(32) },
      argv,
    );
    expect(config.limits).toMatchObject({ authFailuresPerMinute: 3, rateLimitKeyPrefix: 'blue:mg_rl' });
    expect(config.websocket).toEqual({ maxConnectionsPerIp: 4, maxSubscriptionsPerSocket: 5, maxSubscriptionsPerAccount: 6, connectionInitTimeoutMs: 700 });
    expect(config.metrics).toEqual({ port: 9464, token: 'a'.repeat(32) });
  });

  it('never echoes a METRICS_TOKEN that is too short', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'hunter2' }, argv)).toThrow(/METRICS_TOKEN="\[redacted\]": must be at least 16 characters/);
  });

  it('refuses to run in production without an encryption key, naming ENCRYPTION_KEY and how to make one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, argv)).toThrow(/ENCRYPTION_KEY is required[\s\S]*openssl rand -base64 32/);
  });
});
