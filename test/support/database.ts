import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** URL of the server the tests run against, set by global-setup (the CI PostgreSQL, or an embedded one). */
export function serverUrl(): string {
  const url = process.env.MG_TEST_SERVER_URL;
  if (!url) throw new Error('MG_TEST_SERVER_URL is not set: run the tests through jest (global-setup prepares the database).');
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A database of its own for one test file, copied from the migrated template in milliseconds. */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const template = process.env.MG_TEST_TEMPLATE!;
  const owner = /_(\d+)$/.exec(template)![1];
  const name = `mg_test_${owner}_${randomBytes(5).toString('hex')}`;
  await admin(async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`create database ${name} template ${template}`);
        return;
      } catch (error) {
        if (attempt >= 10 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
      }
    }
  });
  return {
    name,
    url: databaseUrl(name),
    drop: () => admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

export { admin as withAdminClient };
