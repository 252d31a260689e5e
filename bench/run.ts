import './node-env';
import 'reflect-metadata';
import os from 'node:os';
import { BenchEnvironment, DEFAULT_SERVER_URL } from './environment';
import { renderTable } from './report';
import type { RunOptions, Scenario, ScenarioReport } from './scenario';
import { scenarios } from './scenarios';
import { killSpawnedProcesses } from './startup/spawn-until-ready';

/*
 * `npm run bench [-- <scenario>… --duration=<s> --connections=<n> --list]`
 * Prints one table per scenario and a summary. Exits 1 only when a scenario fails functionally
 * (or cleanup fails), never because of its timings.
 */

const USAGE = 'Usage: npm run bench [-- [<scenario> ...] [--duration=<seconds>] [--connections=<n>] [--cpu-profile=<dir>] [--list]]';
const CLEANUP_TIMEOUT_MS = 60_000;
/** After a scenario's budget is spent it gets this long to stop its workers and children. */
const ABORT_GRACE_MS = 15_000;

interface Outcome {
  scenario: Scenario;
  seconds: number;
  /** One-minute load average when the scenario started: other work on the machine skews every figure. */
  loadBefore: number;
  report?: ScenarioReport;
  error?: string;
}

function parseArgs(argv: string[]): { selected: Scenario[]; options: RunOptions; list: boolean } {
  const options: RunOptions = {};
  const names: string[] = [];
  let list = false;
  for (const arg of argv) {
    const [flag, value] = arg.split('=', 2);
    const positive = (what: string) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} must be a positive whole number of ${what}`);
      return n;
    };
    if (flag === '--duration') options.durationSeconds = positive('seconds');
    else if (flag === '--connections') options.connections = positive('connections');
    else if (flag === '--cpu-profile') {
      if (!value) throw new Error('--cpu-profile needs a directory: --cpu-profile=<dir>');
      options.cpuProfileDir = value;
    }
    else if (arg === '--list') list = true;
    else if (arg === '--help' || arg === '-h') throw new Error('');
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else names.push(arg);
  }
  const unknown = names.filter((name) => !scenarios.some((s) => s.name === name));
  if (unknown.length) throw new Error(`unknown scenario(s): ${unknown.join(', ')}`);
  const selected = names.length ? scenarios.filter((s) => names.includes(s.name)) : scenarios;
  return { selected, options, list };
}

const describeScenarios = () => scenarios.map((s) => `  ${s.name.padEnd(12)} ${s.description}`).join('\n');
const progress = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

/** Runs one scenario within its time budget; a stuck one is abandoned after the grace period. */
async function runScenario(scenario: Scenario, env: BenchEnvironment, options: RunOptions, interrupt: AbortSignal): Promise<Outcome> {
  const started = performance.now();
  const budgetSeconds = typeof scenario.timeoutSeconds === 'function' ? scenario.timeoutSeconds(options) : scenario.timeoutSeconds;
  const loadBefore = os.loadavg()[0];
  if (loadBefore > os.cpus().length) progress(`machine busy before ${scenario.name}: load average ${loadBefore.toFixed(1)} on ${os.cpus().length} CPU(s); figures will be low`);
  const controller = new AbortController();
  const abort = () => controller.abort();
  interrupt.addEventListener('abort', abort, { once: true });
  const budget = setTimeout(abort, budgetSeconds * 1000);
  let abandon: NodeJS.Timeout | undefined;
  const abandoned = new Promise<never>((_, reject) =>
    controller.signal.addEventListener('abort', () => {
      abandon = setTimeout(() => reject(new Error(`did not stop within ${ABORT_GRACE_MS / 1000} s of being aborted`)), ABORT_GRACE_MS);
    }),
  );
  try {
    const report = await Promise.race([scenario.run({ env, options, signal: controller.signal, progress }), abandoned]);
    if (controller.signal.aborted && !report.failures.length) {
      report.failures.push(interrupt.aborted ? 'interrupted' : `time budget of ${budgetSeconds} s spent`);
    }
    return { scenario, report, loadBefore, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    const reason = interrupt.aborted ? 'interrupted: ' : controller.signal.aborted ? `time budget of ${budgetSeconds} s spent: ` : '';
    return { scenario, error: `${reason}${(error as Error).message}`, loadBefore, seconds: (performance.now() - started) / 1000 };
  } finally {
    clearTimeout(budget);
    clearTimeout(abandon);
    interrupt.removeEventListener('abort', abort);
  }
}

async function header(env: BenchEnvironment): Promise<string> {
  const server = new URL(env.serverUrl);
  const version = await env.admin(async (client) => (await client.query<{ server_version: string }>('show server_version')).rows[0].server_version);
  const cpus = os.cpus();
  return [
    `MarketGraph bench — ${new Date().toISOString()}`,
    `node ${process.version}, ${cpus.length} CPU(s) ${cpus[0]?.model.trim() ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; PostgreSQL ${version} at ${server.host}`,
    'load generator: autocannon in a worker thread of this process (it shares the machine with the gateway and PostgreSQL)',
  ].join('\n');
}

function summary(outcomes: Outcome[]): string {
  const rows = outcomes.map((o) => {
    const failures = o.error ? [o.error] : o.report!.failures;
    return [o.scenario.name, failures.length ? 'FAILED' : 'ok', o.seconds.toFixed(1), o.loadBefore.toFixed(1), o.report?.headline ?? '–'];
  });
  const problems = outcomes.flatMap((o) => (o.error ? [`${o.scenario.name}: ${o.error}`] : o.report!.failures.map((f) => `${o.scenario.name}: ${f}`)));
  return renderTable({
    title: 'summary',
    columns: ['scenario', 'status', 'secs', 'load avg', 'figures'],
    rows,
    notes: [
      `load avg: 1-minute load average when the scenario started, on ${os.cpus().length} CPU(s); above that count the machine was busy with other work`,
      ...problems.map((p) => `FAILED ${p.split('\n').join('\n          ')}`),
    ],
  });
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (error) {
    const message = (error as Error).message;
    process.stderr.write(`${message ? `${message}\n` : ''}${USAGE}\n\nScenarios:\n${describeScenarios()}\n`);
    return message ? 2 : 0;
  }
  if (parsed.list) {
    process.stdout.write(`${describeScenarios()}\n`);
    return 0;
  }

  const env = new BenchEnvironment();
  const interrupt = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    progress(signals === 1 ? `${signal}: stopping the current scenario, then cleaning up (again to exit at once)` : `${signal}: exiting now`);
    if (signals > 1) {
      killSpawnedProcesses();
      process.exit(130);
    }
    interrupt.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const outcomes: Outcome[] = [];
  let cleanupProblem: string | undefined;
  try {
    process.stdout.write(`${await header(env)}\n\n`);
    for (const scenario of parsed.selected) {
      if (interrupt.signal.aborted) break;
      progress(`${scenario.name}: ${scenario.description}`);
      const outcome = await runScenario(scenario, env, parsed.options, interrupt.signal);
      outcomes.push(outcome);
      if (outcome.report) for (const table of outcome.report.tables) process.stdout.write(`${renderTable(table)}\n\n`);
      if (outcome.error) process.stdout.write(`== ${scenario.name}: FAILED — ${outcome.error}\n\n`);
    }
  } catch (error) {
    cleanupProblem = `bench could not run: ${(error as Error).message} (DATABASE_URL names the PostgreSQL server to use; default ${DEFAULT_SERVER_URL})`;
  } finally {
    progress('cleaning up (stopping the gateway, dropping the bench databases)');
    killSpawnedProcesses();
    const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`cleanup took longer than ${CLEANUP_TIMEOUT_MS / 1000} s`)), CLEANUP_TIMEOUT_MS).unref());
    await Promise.race([env.close(), deadline]).catch((error) => (cleanupProblem = [cleanupProblem, (error as Error).message].filter(Boolean).join('; ')));
  }

  if (outcomes.length) process.stdout.write(`${summary(outcomes)}\n`);
  if (cleanupProblem) process.stdout.write(`\n${cleanupProblem}\n`);
  const failed = outcomes.some((o) => o.error || o.report!.failures.length) || !!cleanupProblem || interrupt.signal.aborted;
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bench crashed: ${(error as Error).stack ?? error}\n`);
    killSpawnedProcesses();
    process.exit(1);
  },
);
