import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Zod still runs refinements after `.url()` fails, so they must not assume the value parses. */
const urlOrNull = (value: string): URL | null => (URL.canParse(value) ? new URL(value) : null);

const postgresUrl = z
  .string()
  .url('must be a URL such as postgres://user:password@host:5432/database')
  .refine((value) => !urlOrNull(value) || /^postgres(ql)?:$/.test(urlOrNull(value)!.protocol), 'must use the postgres:// or postgresql:// scheme')
  .refine((value) => !urlOrNull(value) || urlOrNull(value)!.pathname.length > 1, 'must name a database, e.g. postgres://host:5432/marketgraph');

const redisUrl = z
  .string()
  .url('must be a URL such as redis://127.0.0.1:6379')
  .refine((value) => !urlOrNull(value) || /^rediss?:$/.test(urlOrNull(value)!.protocol), 'must use the redis:// or rediss:// scheme');

const port = z.coerce
  .number({ invalid_type_error: 'must be a whole number between 0 and 65535' })
  .int('must be a whole number between 0 and 65535')
  .min(0, 'must be a whole number between 0 and 65535')
  .max(65535, 'must be a whole number between 0 and 65535');

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { errorMap: () => ({ message: 'must be true or false' }) })
  .transform((value) => ['true', '1', 'yes'].includes(value));

const positiveInt = (hint: string) =>
  z.coerce.number({ invalid_type_error: hint }).int(hint).positive(hint);

/** Variables whose value never appears in an error message, even when malformed. */
const SECRET_VARIABLES = new Set(['ENCRYPTION_KEY', 'ENCRYPTION_PREVIOUS_KEYS', 'METRICS_TOKEN']);

/** AES-256 keys: exactly 32 bytes, base64 or base64url (`openssl rand -base64 32`). */
const keyHint = 'must be 32 random bytes, base64-encoded (generate one with: openssl rand -base64 32)';
const isKey = (value: string) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(value.trim()) && Buffer.from(value.trim().replace(/-/g, '+').replace(/_/g, '/'), 'base64').length === 32;
const keyId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1–32 letters, digits, "-" or "_"');
/** `id:key,id:key` (or bare keys, whose id is derived from the key) — keys that may still decrypt older ciphertexts. */
const previousKeys = z.string().transform((value, ctx) =>
  value.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry, i) => {
    const colon = entry.indexOf(':');
    const [id, key] = colon < 0 ? [undefined, entry] : [entry.slice(0, colon), entry.slice(colon + 1)];
    if ((id !== undefined && !keyId.safeParse(id).success) || !isKey(key)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `entry ${i + 1} must be <keyId>:<base64 key> or <base64 key>; each key ${keyHint}` });
    }
    return { id, key };
  }),
);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { errorMap: () => ({ message: 'must be development, production or test' }) }).default('development'),
  PORT: port.default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(logLevels, { errorMap: () => ({ message: `must be one of ${logLevels.join(', ')}` }) }).default('info'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: positiveInt('must be a positive whole number of connections').default(10),
  EMBEDDED_PG_PORT: port.default(5433),
  EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
  REDIS_URL: redisUrl.optional(),
  AUTO_MIGRATE: flag.optional(),
  SEED_DEMO: flag.optional(),
  MAX_QUERY_DEPTH: positiveInt('must be a positive whole number').default(10),
  MAX_QUERY_COST: positiveInt('must be a positive whole number').default(5000),
  MAX_ALIASES: positiveInt('must be a positive whole number').default(15),
  MAX_DIRECTIVES: positiveInt('must be a positive whole number').default(20),
  MAX_TOKENS: positiveInt('must be a positive whole number').default(2000),
  MAX_BODY_BYTES: positiveInt('must be a positive number of bytes').default(1_048_576),
  ANONYMOUS_RATE_LIMIT_PER_MINUTE: positiveInt('must be a positive whole number of requests').default(120),
  AUTH_FAILURE_RATE_LIMIT_PER_MINUTE: positiveInt('must be a positive whole number of requests').default(10),
  RATE_LIMIT_KEY_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/, 'must be 1–64 letters, digits, "_", ":", "." or "-"').default('mg_rl'),
  WS_MAX_CONNECTIONS_PER_IP: positiveInt('must be a positive whole number of connections').default(20),
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: positiveInt('must be a positive whole number of subscriptions').default(20),
  WS_MAX_SUBSCRIPTIONS_PER_ACCOUNT: positiveInt('must be a positive whole number of subscriptions').default(100),
  WS_CONNECTION_INIT_TIMEOUT_MS: positiveInt('must be a positive number of milliseconds').default(3000),
  GRAPHQL_INTROSPECTION: flag.optional(),
  GRAPHIQL: flag.optional(),
  METRICS_PORT: port.optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (generate one with: openssl rand -hex 32)').optional(),
  SHUTDOWN_TIMEOUT_MS: positiveInt('must be a positive number of milliseconds').default(10_000),
  ENCRYPTION_KEY: z.string().refine(isKey, keyHint).optional(),
  ENCRYPTION_KEY_ID: keyId.optional(),
  ENCRYPTION_PREVIOUS_KEYS: previousKeys.optional(),
  ORDERS_STALE_AFTER_SECONDS: positiveInt('must be a positive whole number of seconds').default(21_600),
  SYNC_RUN_STALE_AFTER_SECONDS: positiveInt('must be a positive whole number of seconds').default(300),
  SYNC_PROVIDER_BASE_URLS: z.string().transform((value, ctx) => {
    const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]);
    for (const [platform, url] of entries) {
      if (!/^[a-z0-9-]+$/.test(platform) || !URL.canParse(url)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be <platform>=<url> pairs separated by commas, e.g. alias=http://127.0.0.1:9000/api/v1/' });
    }
    return Object.fromEntries(entries) as Record<string, string>;
  }).optional(),
  JOB_POLL_INTERVAL_SECONDS: z.coerce
    .number({ invalid_type_error: 'must be a number of seconds between 0.5 and 60' })
    .min(0.5, 'must be a number of seconds between 0.5 and 60')
    .max(60, 'must be a number of seconds between 0.5 and 60')
    .default(2),
  MARKET_RETENTION_DAYS: positiveInt('must be a positive whole number of days').default(90),
  SIMULATOR_ENABLED: flag.optional(),
  SIMULATOR_INTERVAL_SECONDS: positiveInt('must be a positive whole number of seconds').default(5),
  SIMULATOR_SEED: z.coerce
    .number({ invalid_type_error: 'must be a whole number between 0 and 4294967295' })
    .int('must be a whole number between 0 and 4294967295')
    .min(0, 'must be a whole number between 0 and 4294967295')
    .max(4_294_967_295, 'must be a whole number between 0 and 4294967295')
    .default(42),
  SIMULATOR_BATCH_SIZE: positiveInt('must be a positive whole number of variants').default(100),
  PRODUCT_VIEW_FLUSH_SECONDS: z.coerce
    .number({ invalid_type_error: 'must be a number of seconds between 0 and 300 (0: only at shutdown)' })
    .min(0, 'must be a number of seconds between 0 and 300 (0: only at shutdown)')
    .max(300, 'must be a number of seconds between 0 and 300 (0: only at shutdown)')
    .default(5),
});

export type Role = 'all' | 'gateway' | 'worker';

/** Validated configuration of one process; built once by {@link loadConfig}. */
export interface Config {
  env: 'development' | 'production' | 'test';
  role: Role;
  port: number;
  host: string;
  logLevel: (typeof logLevels)[number];
  database: { url?: string; poolSize: number; embedded: { port: number; dir: string } };
  redisUrl?: string;
  autoMigrate: boolean;
  seedDemo: boolean;
  limits: {
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    maxBodyBytes: number;
    anonymousPerMinute: number;
    /** Failed authentications per minute and IP; a stricter bucket than the anonymous one. */
    authFailuresPerMinute: number;
    /** Namespace of the rate-limit buckets in Redis (deployments or test runs sharing one Redis). */
    rateLimitKeyPrefix: string;
  };
  /** graphql-ws: connections per IP, subscriptions per socket and per account (per gateway), time allowed for connection_init. */
  websocket: { maxConnectionsPerIp: number; maxSubscriptionsPerSocket: number; maxSubscriptionsPerAccount: number; connectionInitTimeoutMs: number };
  /** Introspection and the GraphiQL page; both off in production unless enabled. */
  introspection: boolean;
  graphiql: boolean;
  /** `/metrics` on its own port (not on the API port) when `port` is set; behind `Authorization: Bearer <token>` when `token` is set. */
  metrics: { port?: number; token?: string };
  shutdownTimeoutMs: number;
  /** Marketplace credential encryption; without `key` (never in production) a per-install development key is used. */
  encryption: { key?: string; keyId?: string; previousKeys: Array<{ id?: string; key: string }> };
  sync: {
    /** The orders query asks for a sync of the viewer's connections whose last order sync is older than this. */
    ordersStaleAfterSeconds: number;
    /** A RUNNING sync run whose worker has not reported for this long is re-queued, or failed as "worker lost". */
    runStaleAfterSeconds: number;
    /** Platform slug → base URL override of its adapter (tests and local fakes; refused in production). */
    providerBaseUrls: Record<string, string>;
  };
  /** Background jobs (pg-boss): how often an idle worker polls each queue. */
  jobs: { pollIntervalSeconds: number };
  /** Market snapshots older than `retentionDays` are dropped with their weekly partitions. */
  market: { retentionDays: number };
  /** The simulated market feed: every `intervalSeconds`, one worker prices up to `batchSize` variants from `seed`. */
  simulator: { enabled: boolean; intervalSeconds: number; seed: number; batchSize: number };
  /** Product views (popularity) are counted in memory and written every `flushSeconds` (0: only at shutdown). */
  productViews: { flushSeconds: number };
}

/** Raised for invalid configuration; its message names every bad variable and how to fix it. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix the variables above (see .env.example) and start again.`);
    this.name = 'ConfigError';
  }
}

function roleFrom(argv: string[]): Role {
  const arg = argv.find((a) => a.startsWith('--role='));
  const role = arg?.slice('--role='.length) ?? 'all';
  if (role !== 'all' && role !== 'gateway' && role !== 'worker') {
    throw new ConfigError([`--role=${role}: must be all, gateway or worker`]);
  }
  return role;
}

/** Reads and validates the environment; throws {@link ConfigError} naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  // Whitespace-only counts as unset: z.coerce.number(' ') would otherwise read as 0.
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(blankless);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const shown = SECRET_VARIABLES.has(name) ? '"[redacted]"' : JSON.stringify(env[name]);
        return `${name}=${shown}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  if (!e.ENCRYPTION_KEY && e.NODE_ENV === 'production') {
    throw new ConfigError([`ENCRYPTION_KEY is required when NODE_ENV=production: it encrypts marketplace credentials and ${keyHint}`]);
  }
  if (e.ENCRYPTION_KEY_ID && !e.ENCRYPTION_KEY) throw new ConfigError(['ENCRYPTION_KEY_ID is set but ENCRYPTION_KEY is not: set both or neither']);
  // Pointing adapters elsewhere is for tests and local fakes; in production a connection only ever talks to its platform.
  if (e.SYNC_PROVIDER_BASE_URLS && e.NODE_ENV === 'production') throw new ConfigError(['SYNC_PROVIDER_BASE_URLS is not allowed when NODE_ENV=production']);
  return {
    env: e.NODE_ENV,
    role: roleFrom(argv),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE, embedded: { port: e.EMBEDDED_PG_PORT, dir: e.EMBEDDED_PG_DIR } },
    redisUrl: e.REDIS_URL,
    autoMigrate: e.AUTO_MIGRATE ?? e.NODE_ENV !== 'production',
    seedDemo: e.SEED_DEMO ?? e.NODE_ENV !== 'production',
    limits: {
      maxDepth: e.MAX_QUERY_DEPTH,
      maxCost: e.MAX_QUERY_COST,
      maxAliases: e.MAX_ALIASES,
      maxDirectives: e.MAX_DIRECTIVES,
      maxTokens: e.MAX_TOKENS,
      maxBodyBytes: e.MAX_BODY_BYTES,
      anonymousPerMinute: e.ANONYMOUS_RATE_LIMIT_PER_MINUTE,
      authFailuresPerMinute: e.AUTH_FAILURE_RATE_LIMIT_PER_MINUTE,
      rateLimitKeyPrefix: e.RATE_LIMIT_KEY_PREFIX,
    },
    websocket: {
      maxConnectionsPerIp: e.WS_MAX_CONNECTIONS_PER_IP,
      maxSubscriptionsPerSocket: e.WS_MAX_SUBSCRIPTIONS_PER_SOCKET,
      maxSubscriptionsPerAccount: e.WS_MAX_SUBSCRIPTIONS_PER_ACCOUNT,
      connectionInitTimeoutMs: e.WS_CONNECTION_INIT_TIMEOUT_MS,
    },
    introspection: e.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production',
    graphiql: e.GRAPHIQL ?? e.NODE_ENV !== 'production',
    metrics: { port: e.METRICS_PORT, token: e.METRICS_TOKEN },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    encryption: { key: e.ENCRYPTION_KEY, keyId: e.ENCRYPTION_KEY_ID, previousKeys: e.ENCRYPTION_PREVIOUS_KEYS ?? [] },
    sync: {
      ordersStaleAfterSeconds: e.ORDERS_STALE_AFTER_SECONDS,
      runStaleAfterSeconds: e.SYNC_RUN_STALE_AFTER_SECONDS,
      providerBaseUrls: e.SYNC_PROVIDER_BASE_URLS ?? {},
    },
    jobs: { pollIntervalSeconds: e.JOB_POLL_INTERVAL_SECONDS },
    market: { retentionDays: e.MARKET_RETENTION_DAYS },
    simulator: {
      // No real market-data provider is configured by environment yet, so development simulates by default.
      enabled: e.SIMULATOR_ENABLED ?? e.NODE_ENV === 'development',
      intervalSeconds: e.SIMULATOR_INTERVAL_SECONDS,
      seed: e.SIMULATOR_SEED,
      batchSize: e.SIMULATOR_BATCH_SIZE,
    },
    productViews: { flushSeconds: e.PRODUCT_VIEW_FLUSH_SECONDS },
  };
}
