import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hotFunctions } from '../profile';
import type { Table } from '../scenario';
import { BENCH_DATABASE, BENCH_UNLIMITED, type BenchEnvironment } from '../environment';
import { freePort, spawnUntilReady, type StartedProcess } from './spawn-until-ready';

/** Settings a shell may carry that would change what is measured; every spawned server sets its own. */
const SCRUBBED = ['DATABASE_URL', 'REDIS_URL', 'PORT', 'HOST', 'NODE_ENV', 'AUTO_MIGRATE', 'SEED_DEMO', 'LOG_LEVEL', 'EMBEDDED_PG_DIR', 'EMBEDDED_PG_PORT', 'SIMULATOR_ENABLED', 'ENCRYPTION_KEY'];

/** A MarketGraph server running as its own process against the bench database. */
export interface SpawnedServer extends StartedProcess {
  url: string;
  /** ws://127.0.0.1:<port>/graphql */
  wsUrl: string;
  /** Resident set size of the process now, in bytes (from /proc/<pid>/status VmRSS). */
  rss(): number;
  /** With `cpuProfileDir`: the hot functions of the profile node wrote when the process exited (after stop()). */
  profile(title: string): Table | undefined;
}

/** Resident set size of a process in bytes, from /proc (Linux); NaN when unreadable. */
export function residentBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * `node -r @swc-node/register src/main.ts --role=<role>` on the bench database (already migrated by the
 * in-process gateway), production settings, a random ENCRYPTION_KEY, REDIS_URL and DATABASE_POOL_SIZE passed
 * through when set, LOG_LEVEL=warn, no demo seed. `extra` adds or overrides variables (e.g. SIMULATOR_ENABLED).
 */
export async function spawnGateway(
  env: BenchEnvironment,
  options: {
    role: 'gateway' | 'all';
    extra?: Record<string, string>;
    signal: AbortSignal;
    timeoutMs?: number;
    /** `node --cpu-prof` into this directory (written when the process exits). */
    cpuProfileDir?: string;
  },
): Promise<SpawnedServer> {
  await env.gateway(); // the bench database exists and is migrated
  const port = await freePort();
  const passed = Object.fromEntries(['REDIS_URL', 'DATABASE_POOL_SIZE'].filter((k) => process.env[k]).map((k) => [k, process.env[k]!]));
  const childEnv: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !SCRUBBED.includes(k))),
    ...passed,
    NODE_ENV: 'production',
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    DATABASE_URL: env.databaseUrl(BENCH_DATABASE),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    AUTO_MIGRATE: 'false',
    SIMULATOR_ENABLED: 'false',
    ...BENCH_UNLIMITED,
    ...options.extra,
  };
  const started = await spawnUntilReady({
    args: [...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []), '-r', '@swc-node/register', 'src/main.ts', `--role=${options.role}`],
    env: childEnv,
    port,
    timeoutMs: options.timeoutMs ?? 120_000,
    signal: options.signal,
  });
  const profile = (title: string): Table | undefined => {
    const dir = options.cpuProfileDir;
    const file = dir && existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.cpuprofile') && f.includes(`.${started.pid}.`)) : undefined;
    if (!dir || !file) return undefined;
    return hotFunctions(JSON.parse(readFileSync(path.join(dir, file), 'utf8')), `${title} (${path.join(dir, file)})`);
  };
  return { ...started, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/graphql`, rss: () => residentBytes(started.pid), profile };
}
