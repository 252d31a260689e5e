import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { createLogger } from '../common/logger';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { connectOrm, migrate } from '../database/orm';

/** `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, { role: 'migrate' });
  const embedded = config.database.url ? undefined : await startEmbeddedPostgres({ ...config.database.embedded, log });
  const orm = await connectOrm(config.database.url ?? embedded!.url, 2);
  try {
    const applied = await migrate(orm);
    log.info({ applied }, applied.length ? 'migrations applied' : 'database already up to date');
  } finally {
    await orm.close(true);
    await embedded?.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`Migration failed: ${(error as Error).message}\n`);
  process.exit(1);
});
