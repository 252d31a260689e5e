import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { createLogger } from '../common/logger';
import { loadConfig } from '../config/config';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { connectOrm, migrate } from '../database/orm';

/** Runs a command-line task against DATABASE_URL (or the embedded database), migrated first; exits 1 with a message on failure. */
export function runWithDatabase(name: string, task: (orm: MikroORM, log: Logger) => Promise<void>): void {
  const run = async () => {
    const config = loadConfig();
    const log = createLogger(config.logLevel, { role: name });
    const embedded = config.database.url ? undefined : await startEmbeddedPostgres({ ...config.database.embedded, log });
    const orm = await connectOrm(config.database.url ?? embedded!.url, 2);
    try {
      await migrate(orm);
      await task(orm, log);
    } finally {
      await orm.close(true);
      await embedded?.stop();
    }
  };
  run().catch((error) => {
    process.stderr.write(`${name} failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
