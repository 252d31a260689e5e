import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatCount, formatMs } from '../report';
import type { Scenario, ScenarioContext, Table } from '../scenario';
import { freePort, repoRoot, spawnUntilReady, stopOrphanPostgres, type StopResult } from '../startup/spawn-until-ready';

const COLD_DATABASE = 'marketgraph_bench_coldstart';
const LATER_STARTS = 3;
const READY_TIMEOUT_MS = 90_000;
/** Longer than the server's own SHUTDOWN_TIMEOUT_MS (10 s) so its verdict, not ours, ends a slow stop. */
const STOP_GRACE_MS = 20_000;
/** Settings a shell may carry that would change what is measured; every start sets its own. */
const SCRUBBED = ['DATABASE_URL', 'REDIS_URL', 'PORT', 'HOST', 'NODE_ENV', 'AUTO_MIGRATE', 'SEED_DEMO', 'LOG_LEVEL', 'EMBEDDED_PG_DIR', 'EMBEDDED_PG_PORT'];

/** How one way of starting the server is launched, and where its database lives. */
interface Runner {
  label: string;
  /** Name in the summary line. */
  short: string;
  args: string[];
  /** Fresh database for the first start; returns the variables that point the process at it, and a cleanup. */
  prepare(context: ScenarioContext): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>;
}

const serverDatabase = (context: ScenarioContext) => async () => {
  const url = await context.env.createDatabase(COLD_DATABASE);
  return { env: { DATABASE_URL: url }, cleanup: () => context.env.dropDatabase(COLD_DATABASE) };
};

async function embeddedDatabase() {
  const root = mkdtempSync(path.join(tmpdir(), 'marketgraph-bench-pg-'));
  chmodSync(root, 0o755); // initdb runs as the postgres user when we are root
  const dir = path.join(root, 'pg');
  return {
    env: { EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(await freePort()) },
    cleanup: async () => {
      await stopOrphanPostgres(dir);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Source files changed since dist/ was last built (a stale build measures old code). The build
 * info file is the build's timestamp: incremental builds leave unchanged outputs untouched.
 */
function changedSinceBuild(compiled: string): number {
  const buildInfo = path.join(repoRoot(), 'dist/.tsbuildinfo.build');
  const built = statSync(existsSync(buildInfo) ? buildInfo : compiled).mtimeMs;
  const walk = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((n, entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return n + walk(file);
      return n + (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && statSync(file).mtimeMs > built ? 1 : 0);
    }, 0);
  return walk(path.join(repoRoot(), 'src'));
}

function runners(context: ScenarioContext): { runners: Runner[]; notes: string[] } {
  const compiled = path.join(repoRoot(), 'dist/src/main.js');
  const notes: string[] = [];
  const list: Runner[] = [];
  const fromSource = ['-r', '@swc-node/register', 'src/main.ts'];
  if (existsSync(compiled)) {
    const stale = changedSinceBuild(compiled);
    if (stale) notes.push(`${stale} file(s) in src/ changed since the last \`npm run build\`: the dist rows measure the code as built`);
    list.push({ label: 'node dist/src/main.js (DATABASE_URL)', short: 'dist', args: ['dist/src/main.js'], prepare: serverDatabase(context) });
  } else {
    notes.push('dist/src/main.js not found: run `npm run build` to measure the compiled server (what `npm start` runs)');
  }
  list.push({ label: 'node -r @swc-node/register src/main.ts (DATABASE_URL)', short: 'swc', args: fromSource, prepare: serverDatabase(context) });
  list.push({
    label: `${existsSync(compiled) ? 'node dist/src/main.js' : 'node -r @swc-node/register src/main.ts'} (embedded PostgreSQL)`,
    short: existsSync(compiled) ? 'dist+embedded' : 'swc+embedded',
    args: existsSync(compiled) ? ['dist/src/main.js'] : fromSource,
    prepare: embeddedDatabase,
  });
  return { runners: list, notes };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** Time from process spawn to the first /readyz 200, the way `npm start` starts (role all, demo seed on). */
export const coldStartScenario: Scenario = {
  name: 'cold-start',
  description: `spawn → /readyz 200: first start (fresh database: migrations + demo seed) and ${LATER_STARTS} later starts, per way of starting`,
  timeoutSeconds: 600,
  async run(context) {
    const { runners: list, notes } = runners(context);
    const table: Table = {
      title: 'cold-start — spawn → first /readyz 200 (ms); LOG_LEVEL=warn, no REDIS_URL, role all',
      columns: ['server', 'first start', 'later (median)', 'later min', 'later max', 'SIGTERM → exit (median)'],
      rows: [],
      notes: [
        'first start: empty database (embedded: no data directory, so initdb too) → migrations + demo catalog seed',
        `later starts: the same database again, already migrated and seeded (${LATER_STARTS} runs)`,
        ...notes,
      ],
    };
    const failures: string[] = [];
    const headlines: string[] = [];
    for (const runner of list) {
      if (context.signal.aborted) break;
      context.progress(`cold start: ${runner.label}`);
      const database = await runner.prepare(context);
      try {
        const timings: Array<{ readyMs: number } & StopResult> = [];
        for (let i = 0; i <= LATER_STARTS; i++) {
          const port = await freePort();
          const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !SCRUBBED.includes(k))), ...database.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
          const started = await spawnUntilReady({ args: runner.args, env, port, timeoutMs: READY_TIMEOUT_MS, signal: context.signal });
          timings.push({ readyMs: started.readyMs, ...(await started.stop(STOP_GRACE_MS)) });
        }
        const unclean = timings.filter((t) => t.killed || t.code !== 0);
        if (unclean.length) {
          const how = unclean.map((t) => (t.killed ? 'SIGKILLed after 20 s' : t.code === null ? `ended by ${t.signal}` : `exit ${t.code}`));
          const lastLines = unclean[0].output.trim().split('\n').slice(-3).map((line) => line.slice(0, 300));
          failures.push(
            `${runner.label}: ${unclean.length} of ${timings.length} stops after SIGTERM were not clean (${[...new Set(how)].join(', ')}; ` +
              `median ${formatMs(median(unclean.map((t) => t.shutdownMs)))} ms); last output of the first:\n${lastLines.join('\n')}`,
          );
        }
        const later = timings.slice(1).map((t) => t.readyMs);
        table.rows.push([
          runner.label,
          formatCount(timings[0].readyMs),
          formatCount(median(later)),
          formatCount(Math.min(...later)),
          formatCount(Math.max(...later)),
          `${formatMs(median(timings.map((t) => t.shutdownMs)))}${unclean.length ? ' (unclean)' : ''}`,
        ]);
        headlines.push(`${runner.short} first ${formatCount(timings[0].readyMs)} / later ${formatCount(median(later))} ms`);
      } catch (error) {
        failures.push(`${runner.label}: ${(error as Error).message}`);
        table.rows.push([runner.label, 'failed', '–', '–', '–', '–']);
      } finally {
        await database.cleanup();
      }
    }
    return { tables: [table], headline: headlines.join('; ') || 'no start measured', failures };
  },
};
