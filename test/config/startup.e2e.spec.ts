import { spawn } from 'node:child_process';
import { createTestDatabase } from '../support/database';

/** Runs the real entry point (through swc, as there is no build in tests) and collects how it ended. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SEED_DEMO: 'false', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // A process that starts instead of failing would never exit: stop it so the test fails on its assertions.
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stderr, stdout });
    });
  });
}

it('exits non-zero with a message naming PORT when PORT is invalid', async () => {
  const result = await runMain({ PORT: 'abc' });
  expect(result.signal).toBeNull();
  expect(result.code).toBe(78);
  expect(result.stderr).toContain('PORT="abc"');
  expect(result.stderr).toMatch(/whole number between 0 and 65535/);
});

it('exits non-zero with a message naming REDIS_URL when Redis is unreachable', async () => {
  const database = await createTestDatabase();
  try {
    const result = await runMain({ PORT: '0', DATABASE_URL: database.url, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/MarketGraph could not start: REDIS_URL: cannot reach Redis at 127\.0\.0\.1:1/);
    expect(result.stderr).toMatch(/Start Redis or unset REDIS_URL/);
  } finally {
    await database.drop();
  }
});

it('exits non-zero with a message naming DATABASE_URL when PostgreSQL is unreachable', async () => {
  const result = await runMain({ PORT: '0', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/marketgraph' });
  expect(result.signal).toBeNull();
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/MarketGraph could not start: DATABASE_URL: cannot connect to PostgreSQL/);
});
