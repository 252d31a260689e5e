import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.MG_TEST_SERVER_URL;
  if (serverUrl) {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    const rows = await client.query(`select datname from pg_database where datname like 'mg_test_%' or datname = $1`, [process.env.MG_TEST_TEMPLATE]);
    for (const row of rows.rows) await client.query(`drop database if exists ${row.datname} with (force)`).catch(() => undefined);
    await client.end();
  }
  await (globalThis as { __embeddedPostgres?: { stop(): Promise<void> } }).__embeddedPostgres?.stop();
}
