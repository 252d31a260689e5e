import { Migration } from '@mikro-orm/migrations';

/**
 * Sync: marketplace connections (credentials only as AES-256-GCM ciphertext), sync runs (one active run
 * per singleton key, enforced by a partial unique index so duplicate triggers collapse into one row), and
 * FX rates with a year of seeded daily USD rates.
 */
export class Migration20261121000300_sync extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table marketplace_connection (
        id uuid primary key,
        account_id uuid not null references account (id) on delete cascade,
        platform_id uuid not null references platform (id),
        scope text not null check (scope in ('MARKET_DATA', 'SELLER_ACCOUNT')),
        status text not null check (status in ('CONNECTED', 'ERROR', 'REAUTH_REQUIRED', 'DISCONNECTED')),
        credentials text check (credentials like 'v1.%'),
        credential_hint text,
        external_account_name text,
        cursors jsonb not null default '{}'::jsonb,
        last_sync_at timestamptz,
        last_error text,
        disconnected_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((status = 'DISCONNECTED') = (credentials is null))
      )`);
    // One live connection per account, platform and scope: connecting again replaces its credentials.
    this.addSql(`
      create unique index marketplace_connection_live_unique on marketplace_connection (account_id, platform_id, scope)
      where status <> 'DISCONNECTED'`);
    this.addSql('create index marketplace_connection_account_id_created_at_index on marketplace_connection (account_id, created_at, id)');

    this.addSql(`
      create table sync_run (
        id uuid primary key,
        account_id uuid references account (id) on delete cascade,
        connection_id uuid references marketplace_connection (id) on delete cascade,
        platform_id uuid references platform (id),
        kind text not null check (kind in ('MARKET_DATA', 'ORDERS', 'LISTINGS', 'CATALOG', 'IMPORT')),
        trigger text not null check (trigger in ('SCHEDULE', 'ON_DEMAND', 'MANUAL')),
        status text not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED')),
        singleton_key text not null,
        request jsonb not null default '{}'::jsonb,
        fetched_count integer not null default 0 check (fetched_count >= 0),
        written_count integer not null default 0 check (written_count >= 0),
        failed_count integer not null default 0 check (failed_count >= 0),
        pages integer not null default 0 check (pages >= 0),
        attempts integer not null default 0 check (attempts >= 0),
        error text,
        error_reason text,
        job_id uuid,
        lease_token uuid,
        worker text,
        started_at timestamptz,
        finished_at timestamptz,
        heartbeat_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((status in ('SUCCEEDED', 'PARTIAL', 'FAILED')) = (finished_at is not null)),
        check (status <> 'FAILED' or error is not null),
        check ((status = 'RUNNING') = (lease_token is not null))
      )`);
    // The run row itself is single-flight: 20 triggers of one (connection, kind) find this row instead of adding one.
    this.addSql(`create unique index sync_run_active_singleton_unique on sync_run (singleton_key) where status in ('QUEUED', 'RUNNING')`);
    this.addSql('create index sync_run_account_id_created_at_index on sync_run (account_id, created_at desc, id desc)');
    this.addSql('create index sync_run_connection_id_kind_index on sync_run (connection_id, kind, created_at desc)');
    this.addSql(`create index sync_run_running_heartbeat_index on sync_run (heartbeat_at) where status = 'RUNNING'`);

    this.addSql(`
      create table fx_rate (
        id uuid primary key default gen_random_uuid(),
        base character(3) not null,
        quote character(3) not null,
        rate numeric(18,8) not null check (rate > 0),
        date date not null,
        source text not null check (source in ('SEEDED', 'PROVIDER', 'MANUAL')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (base, quote, date),
        check (base <> quote)
      )`);
    // Plausible, deterministic daily USD rates for the year up to the migration date (plus a week ahead):
    // a typical level with slow and weekly wobbles of a few percent. Marked SEEDED so a rates provider
    // replaces them and nobody mistakes them for market rates.
    this.addSql(`
      insert into fx_rate (base, quote, rate, date, source)
      select 'USD', c.quote,
             round((c.level * (1 + 0.025 * sin(d.n / 29.0 + c.phase) + 0.008 * sin(d.n / 6.7 + c.phase * 2)))::numeric, 8),
             d.day, 'SEEDED'
      from (values ('EUR', 0.92, 0.3), ('GBP', 0.79, 1.1), ('INR', 83.20, 2.0), ('JPY', 150.00, 2.9), ('CAD', 1.36, 3.7), ('AUD', 1.52, 4.4))
             as c (quote, level, phase)
      cross join lateral (
        select day::date as day, (day::date - (current_date - 365)) as n
        from generate_series(current_date - 365, current_date + 7, interval '1 day') as day
      ) as d`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists fx_rate');
    this.addSql('drop table if exists sync_run');
    this.addSql('drop table if exists marketplace_connection');
  }
}
