import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.MG_TEST_SERVER_URL;
  if (serverUrl) {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    const owner = /_(\d+)$/.exec(process.env.MG_TEST_TEMPLATE ?? '')?.[1] ?? 'none';
    const rows = await client.query(`select datname from pg_database where datname like $1 or datname = $2`, [`mg_test_${owner}_%`, process.env.MG_TEST_TEMPLATE]);
    for (const row of rows.rows) await client.query(`drop database if exists ${row.datname} with (force)`).catch(() => undefined);
    await client.end();
  }
  await (globalThis as { __embeddedPostgres?: { stop(): Promise<void> } }).__embeddedPostgres?.stop();
}
