import { Migration } from '@mikro-orm/migrations';

const STATUSES = `'PENDING', 'CONFIRMED', 'AUTHENTICATING', 'AUTHENTICATED', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED', 'RETURNED'`;

/**
 * Orders (original and base-currency amounts, profit, unified status), their items, arbitrage opportunities
 * (shared, like the market data they come from) with per-account actions, and `round_half_even`, so SQL
 * aggregations round money exactly like the application (PostgreSQL's `round` rounds half away from zero).
 */
export class Migration20261121000500_orders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function round_half_even(value numeric, places integer default 2) returns numeric
      language sql immutable strict parallel safe as $$
        select round(case when abs(s.x - trunc(s.x)) = 0.5
                          then trunc(s.x) + case when mod(trunc(s.x), 2) = 0 then 0 else sign(s.x) end
                          else round(s.x) end / power(10::numeric, places), places)
          from (select value * power(10::numeric, places) as x) as s
      $$`);

    // Mirrors the sync domain's findFxRate (the day's rate or the latest of the week before; direct, inverse,
    // then crossed through USD) so analytics convert in SQL exactly as order writes convert in the application.
    // Parameter names must differ from fx_rate's columns (a column wins over a parameter of the same name).
    this.addSql(`
      create function fx_convert(amount numeric, from_currency text, to_currency text, on_day date) returns numeric
      language sql stable strict parallel safe as $$
        select case when upper(from_currency) = upper(to_currency) then round_half_even(amount, 2) else (
          select round_half_even(case
                   when d.rate is not null then amount * d.rate
                   when i.rate is not null then amount / i.rate
                   when a.rate is not null and b.rate is not null then amount * b.rate / a.rate
                 end, 2)
            from (select 1) as one
            left join lateral (select f.rate from fx_rate f where f.base = upper(from_currency) and f.quote = upper(to_currency)
                                and f.date <= on_day and f.date > on_day - 7 order by f.date desc limit 1) as d on true
            left join lateral (select f.rate from fx_rate f where f.base = upper(to_currency) and f.quote = upper(from_currency)
                                and f.date <= on_day and f.date > on_day - 7 order by f.date desc limit 1) as i on true
            left join lateral (select f.rate from fx_rate f where f.base = 'USD' and f.quote = upper(from_currency)
                                and f.date <= on_day and f.date > on_day - 7 order by f.date desc limit 1) as a on true
            left join lateral (select f.rate from fx_rate f where f.base = 'USD' and f.quote = upper(to_currency)
                                and f.date <= on_day and f.date > on_day - 7 order by f.date desc limit 1) as b on true
        ) end
      $$`);

    this.addSql(`
      create table sales_order (
        id uuid primary key,
        account_id uuid not null references account (id) on delete cascade,
        platform_id uuid not null references platform (id),
        external_order_number text not null check (external_order_number <> ''),
        source text not null check (source in ('MANUAL', 'SYNC')),
        connection_id uuid references marketplace_connection (id) on delete set null,
        listing_id uuid references listing (id) on delete set null,
        inventory_item_id uuid references inventory_item (id) on delete set null,
        status text check (status in (${STATUSES})),
        raw_status text,
        currency character(3) not null,
        sale_price numeric(12,2) check (sale_price >= 0),
        buyer_premium numeric(12,2) not null default 0 check (buyer_premium >= 0),
        seller_fee numeric(12,2) check (seller_fee >= 0),
        processing_fee numeric(12,2) check (processing_fee >= 0),
        fixed_fee numeric(12,2) check (fixed_fee >= 0),
        shipping_cost numeric(12,2) check (shipping_cost >= 0),
        net_proceeds numeric(12,2),
        cost_basis numeric(12,2) check (cost_basis >= 0),
        gross_profit numeric(12,2),
        net_profit numeric(12,2),
        margin numeric(12,4),
        roi numeric(12,4),
        base_currency character(3) not null,
        fx_rate numeric(18,8) check (fx_rate > 0),
        fx_date date,
        base_sale_price numeric(12,2),
        base_fees numeric(12,2),
        base_shipping_cost numeric(12,2),
        base_net_proceeds numeric(12,2),
        base_cost_basis numeric(12,2),
        base_gross_profit numeric(12,2),
        base_net_profit numeric(12,2),
        quantity integer not null default 1 check (quantity >= 0),
        tracking_number text,
        ordered_at timestamptz not null,
        shipped_at timestamptz,
        completed_at timestamptz,
        synced_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (account_id, platform_id, external_order_number),
        check (net_proceeds is null or net_proceeds = sale_price - seller_fee - processing_fee - fixed_fee - shipping_cost),
        check (net_profit is null or net_profit = net_proceeds - cost_basis),
        check (base_net_profit is null or base_net_profit = base_net_proceeds - base_cost_basis)
      )`);
    this.addSql('create index sales_order_account_id_ordered_at_index on sales_order (account_id, ordered_at desc, id desc)');
    this.addSql('create index sales_order_account_id_completed_at_index on sales_order (account_id, completed_at) where status = \'COMPLETED\'');
    this.addSql('create index sales_order_listing_id_index on sales_order (listing_id) where listing_id is not null');
    this.addSql('create index sales_order_inventory_item_id_index on sales_order (inventory_item_id) where inventory_item_id is not null');

    this.addSql(`
      create table sales_order_item (
        id uuid primary key,
        account_id uuid not null references account (id) on delete cascade,
        order_id uuid not null references sales_order (id) on delete cascade,
        variant_id uuid references variant (id) on delete set null,
        external_item_id text not null,
        title text,
        sku text,
        quantity integer not null check (quantity > 0),
        unit_price numeric(12,2) check (unit_price >= 0),
        position smallint not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (order_id, external_item_id)
      )`);
    this.addSql('create index sales_order_item_variant_id_index on sales_order_item (variant_id)');

    this.addSql(`
      create table opportunity (
        id uuid primary key default gen_random_uuid(),
        variant_id uuid not null references variant (id) on delete cascade,
        product_id uuid not null references product (id) on delete cascade,
        buy_platform_id uuid not null references platform (id),
        sell_platform_id uuid not null references platform (id),
        currency character(3) not null,
        buy_price numeric(12,2) not null,
        buyer_fee numeric(12,2) not null,
        buy_cost numeric(12,2) not null,
        sell_price numeric(12,2) not null,
        sell_price_source text not null check (sell_price_source in ('HIGHEST_BID', 'LAST_SALE')),
        seller_fees numeric(12,2) not null,
        expected_net numeric(12,2) not null,
        expected_profit numeric(12,2) not null,
        margin numeric(12,4) not null,
        roi numeric(12,4) not null,
        market_status text not null check (market_status in ('OPEN', 'EXPIRED')),
        detected_at timestamptz not null,
        last_seen_at timestamptz not null,
        expired_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (buy_platform_id <> sell_platform_id),
        check ((market_status = 'EXPIRED') = (expired_at is not null))
      )`);
    // At most one open opportunity per route; the detection upsert targets this index.
    this.addSql(`create unique index opportunity_open_route_unique on opportunity (variant_id, buy_platform_id, sell_platform_id) where market_status = 'OPEN'`);
    this.addSql('create index opportunity_market_status_expected_profit_index on opportunity (market_status, expected_profit desc, id desc)');

    this.addSql(`
      create table opportunity_action (
        opportunity_id uuid not null references opportunity (id) on delete cascade,
        account_id uuid not null references account (id) on delete cascade,
        acted_at timestamptz not null default now(),
        primary key (account_id, opportunity_id)
      )`);
    // Listings created from an opportunity keep the link (the listing table predates this one).
    this.addSql('alter table listing add constraint listing_source_opportunity_id_fkey foreign key (source_opportunity_id) references opportunity (id) on delete set null');
  }

  override async down(): Promise<void> {
    this.addSql('alter table listing drop constraint if exists listing_source_opportunity_id_fkey');
    this.addSql('drop table if exists opportunity_action, opportunity, sales_order_item, sales_order cascade');
    this.addSql('drop function if exists fx_convert(numeric, text, text, date)');
    this.addSql('drop function if exists round_half_even(numeric, integer)');
  }
}
