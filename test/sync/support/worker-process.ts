import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { SYNC_TEST_ENV } from './sync-app';

const ROOT = join(__dirname, '..', '..', '..');

/** A real `src/main.ts --role=worker` process (with the in-test order store preloaded) and its output. */
export class WorkerProcess {
  readonly lines: string[] = [];
  private readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess) {
    let buffer = '';
    const collect = (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      this.lines.push(...parts.filter(Boolean));
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Spawns `node -r @swc-node/register src/main.ts --role=worker` against the test database. */
  static start(env: Record<string, string>): WorkerProcess {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', '-r', './test/sync/support/register-test-sink.ts', 'src/main.ts', '--role=worker'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...SYNC_TEST_ENV, LOG_LEVEL: 'info', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new WorkerProcess(child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resolves once the worker logged that it works its queues. */
  async ready(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.lines.some((l) => l.includes('job worker started'))) {
      if (this.child.exitCode !== null) throw new Error(`worker exited with ${this.child.exitCode}:\n${this.lines.join('\n')}`);
      if (Date.now() > deadline) throw new Error(`worker did not start:\n${this.lines.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** SIGKILL: no shutdown hooks, no hand-back; the run is left RUNNING for the reaper. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, falling back to SIGKILL. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}
