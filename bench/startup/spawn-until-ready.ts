import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** The repository root (where package.json is), whether the bench runs from source or from dist/. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();

/** Kills (SIGKILL, by pid) every process this module spawned that is still running; for emergency cleanup. */
export function killSpawnedProcesses(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** A started process: when it became ready, and how to stop it. */
export interface StartedProcess {
  pid: number;
  /** Milliseconds from spawn to the first `/readyz` 200. */
  readyMs: number;
  /** SIGTERM, then wait for exit (SIGKILL after `graceMs`); resolves with the shutdown time and how it ended. */
  stop(graceMs?: number): Promise<StopResult>;
}

/** How a stop ended: exit code (null when a signal ended it), that signal, whether we had to SIGKILL, and the last output. */
export interface StopResult {
  shutdownMs: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  killed: boolean;
  /** The last few KB of the process's stdout and stderr. */
  output: string;
}

const POLL_MS = 20;
const TAIL_CHARS = 4000;

/** Spawns `node <args>` and polls http://127.0.0.1:<port>/readyz until it answers 200. */
export async function spawnUntilReady(options: {
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  timeoutMs: number;
  signal: AbortSignal;
}): Promise<StartedProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, options.args, { cwd: repoRoot(), env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-TAIL_CHARS));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  let exitCode: number | null | undefined;
  void exited.then(({ code }) => (exitCode = code));

  const stop = async (graceMs = 20_000): Promise<StopResult> => {
    const stopping = performance.now();
    if (exitCode !== undefined) return { shutdownMs: 0, ...(await exited), killed: false, output: tail };
    child.kill('SIGTERM');
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, graceMs);
    const ended = await exited;
    clearTimeout(timer);
    return { shutdownMs: performance.now() - stopping, ...ended, killed, output: tail };
  };

  const deadline = started + options.timeoutMs;
  while (true) {
    if (exitCode !== undefined) throw new Error(`node ${options.args.join(' ')} exited with code ${exitCode} before it was ready:\n${tail}`);
    if (options.signal.aborted || performance.now() > deadline) {
      await stop(2000);
      throw new Error(`node ${options.args.join(' ')} was not ready within ${options.timeoutMs} ms${options.signal.aborted ? ' (aborted)' : ''}:\n${tail}`);
    }
    const ready = await fetch(`http://127.0.0.1:${options.port}/readyz`, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return { pid: child.pid!, readyMs: performance.now() - started, stop };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Stops a PostgreSQL server left running in `dataDir` by a killed parent (its postmaster.pid names it). */
export async function stopOrphanPostgres(dataDir: string): Promise<boolean> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid) return false;
  // Only a postgres serving this very directory: a stale pid file may name an unrelated process by now.
  const cmdline = (() => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return '';
    }
  })();
  if (!cmdline.includes(dataDir)) return false;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return false;
  }
  for (let i = 0; i < 100 && existsSync(pidFile); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return true;
}
