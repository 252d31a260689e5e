import { defineConfig, MikroORM, ReflectMetadataProvider, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { entities } from '../domains';
import { migrationsList } from '../migrations';

/** ORM options for a database URL; entities and migrations are listed explicitly (no file globbing). */
export function ormOptions(url: string, poolSize = 10): Options {
  return defineConfig({
    clientUrl: url,
    entities: [...entities],
    metadataProvider: ReflectMetadataProvider,
    discovery: { requireEntitiesArray: true, disableDynamicFileAccess: true },
    metadataCache: { enabled: false },
    extensions: [Migrator, SeedManager],
    migrations: { migrationsList, snapshot: false, transactional: true, allOrNothing: true, tableName: 'mikro_orm_migrations', silent: true },
    pool: { min: 0, max: poolSize },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    // A failing statement's message is `<statement> - <reason>` (see withoutValues below).
    driverOptions: { compileSqlOnError: false },
  });
}

/** Up to the first value: a quoted literal, a parenthesised list, or the clause that carries values. */
const STATEMENT_HEAD = /^[\s\S]*?(?='|\(| values | where | set |$)/i;

/**
 * MikroORM inlines parameters into the SQL it sends, so a failing statement's error message (and every log line
 * or response that carries it) would hold its values: key hashes, credential ciphertext, user input. The message
 * keeps the statement up to its first value, then the database's reason.
 */
function withoutValues(error: Error, query: { sql: string }): void {
  const prefix = `${query.sql} - `;
  if (!error.message.startsWith(prefix)) return;
  error.message = `${STATEMENT_HEAD.exec(query.sql)![0].trim()} … - ${error.message.slice(prefix.length)}`;
}

/** Connects the ORM; fails with a message naming DATABASE_URL when the server cannot be reached. */
export async function connectOrm(url: string, poolSize?: number): Promise<MikroORM> {
  const unreachable = (reason: string) =>
    new Error(`DATABASE_URL: cannot connect to PostgreSQL (${reason}). Check host, port, credentials and that the database exists.`);
  // init() itself queries the server (ensureDatabase), so an unreachable server throws here, not below.
  const orm = await MikroORM.init(ormOptions(url, poolSize)).catch((error: Error) => {
    throw unreachable(error.message);
  });
  orm.em.getConnection().getKnex().on('query-error', withoutValues);
  if (!(await orm.isConnected())) {
    const check = await orm.checkConnection();
    await orm.close(true);
    throw unreachable(check.ok ? 'unknown error' : check.reason);
  }
  return orm;
}

/** Applies pending migrations; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/** Names of migrations not yet applied (readiness requires none). */
export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  return (await orm.getMigrator().getPendingMigrations()).map((m) => m.name);
}
