import 'reflect-metadata';
import { runWithDatabase } from './database';

/** `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
runWithDatabase('migrate', async (_orm, log) => {
  log.info('database is up to date');
});
