import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { Logger } from 'pino';

/** The 64-bit advisory lock key of a name: stable across processes, versions and machines. */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(`marketgraph:${name}`).digest().readBigInt64BE(0).toString();
}

/**
 * Leadership through a session-level PostgreSQL advisory lock held on a dedicated connection: at most one
 * process per database leads a name. PostgreSQL releases the lock when the leader's connection ends, so a
 * crashed or killed leader is replaced at the next attempt of any other process.
 */
export class LeaderLock {
  private client: Client | null = null;
  private leading = false;
  private readonly key: string;

  constructor(
    private readonly databaseUrl: string,
    readonly name: string,
    private readonly log: Logger,
  ) {
    this.key = advisoryLockKey(name);
  }

  get isLeader(): boolean {
    return this.leading;
  }

  /** True when this process leads (newly or still); re-checks the connection so a lost lock is noticed. */
  async acquire(): Promise<boolean> {
    try {
      const client = await this.connection();
      if (this.leading) {
        await client.query('select 1');
        return true;
      }
      const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1::bigint) as locked', [this.key]);
      this.leading = rows[0].locked;
      if (this.leading) this.log.info({ lock: this.name }, 'leading interval task');
      return this.leading;
    } catch (error) {
      this.log.warn({ err: error, lock: this.name }, 'advisory lock connection failed; not leading');
      await this.drop();
      return false;
    }
  }

  /** Gives up leadership so another process can take over at its next attempt. */
  async release(): Promise<void> {
    if (this.client && this.leading) {
      await this.client.query('select pg_advisory_unlock($1::bigint)', [this.key]).catch(() => undefined);
    }
    await this.drop();
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ connectionString: this.databaseUrl, application_name: `marketgraph-leader:${this.name}` });
    client.on('error', (error) => {
      this.log.warn({ err: error, lock: this.name }, 'advisory lock connection lost');
      if (this.client === client) void this.drop();
    });
    await client.connect();
    this.client = client;
    return client;
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.leading = false;
    await client?.end().catch(() => undefined);
  }
}
