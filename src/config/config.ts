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
  SHUTDOWN_TIMEOUT_MS: positiveInt('must be a positive number of milliseconds').default(10_000),
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
  };
  shutdownTimeoutMs: number;
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
        return `${name}=${JSON.stringify(env[name])}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
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
    },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}
