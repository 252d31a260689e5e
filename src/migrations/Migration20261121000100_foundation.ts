import { Migration } from '@mikro-orm/migrations';

/** Accounts, API keys and the shared catalog, with the ten platforms and their fee schedules. */
export class Migration20261121000100_foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table account (
        id uuid primary key,
        email text not null unique,
        name text not null,
        base_currency character(3) not null default 'USD',
        role text not null check (role in ('ADMIN', 'MEMBER')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table api_key (
        id uuid primary key,
        account_id uuid not null references account (id) on delete cascade,
        name text not null,
        prefix text not null unique,
        secret_hash text not null,
        scopes text[] not null,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    this.addSql('create index api_key_account_id_index on api_key (account_id)');

    this.addSql(`
      create table platform (
        id uuid primary key,
        slug text not null unique,
        name text not null,
        kind text not null check (kind in ('RESALE_MARKET', 'MARKETPLACE', 'STOREFRONT')),
        default_currency character(3) not null,
        seller_fee_rate numeric(6,4) not null default 0,
        payment_processing_rate numeric(6,4) not null default 0,
        fixed_fee numeric(12,2) not null default 0,
        minimum_fee numeric(12,2) not null default 0,
        buyer_fee_rate numeric(6,4) not null default 0,
        supports_market_data boolean not null default false,
        supports_listings boolean not null default false,
        supports_orders boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table product (
        id uuid primary key,
        sku text not null,
        sku_normalized text not null unique check (sku_normalized <> ''),
        brand text not null,
        model text not null,
        name text not null,
        colorway text,
        category text not null check (category in ('SNEAKERS', 'APPAREL', 'TRADING_CARD', 'COLLECTIBLE', 'OTHER')),
        release_date date,
        retail_price numeric(12,2) check (retail_price >= 0),
        retail_currency character(3) not null default 'USD',
        image_url text,
        popularity smallint not null default 0 check (popularity between 0 and 100),
        last_synced_at timestamptz,
        last_viewed_at timestamptz,
        search tsvector generated always as (
          to_tsvector('simple', sku || ' ' || sku_normalized || ' ' || brand || ' ' || model || ' ' || name || ' ' || coalesce(colorway, ''))
        ) stored,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    this.addSql('create index product_search_index on product using gin (search)');
    this.addSql('create index product_popularity_index on product (popularity desc, id)');
    this.addSql('create index product_brand_index on product (lower(brand))');
    this.addSql(`
      create table variant (
        id uuid primary key,
        product_id uuid not null references product (id) on delete cascade,
        size_key text not null,
        numeric_size double precision,
        size_system text not null check (size_system in ('US_M', 'US_W', 'EU', 'UK', 'JP', 'NONE')),
        position smallint not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (product_id, size_key)
      )`);
    this.addSql('create index variant_product_id_position_index on variant (product_id, position)');
    this.addSql(`
      create table external_ref (
        id uuid primary key,
        platform_id uuid not null references platform (id),
        kind text not null check (kind in ('PRODUCT', 'VARIANT')),
        product_id uuid not null references product (id) on delete cascade,
        variant_id uuid references variant (id) on delete cascade,
        external_id text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (platform_id, kind, external_id),
        check ((kind = 'VARIANT') = (variant_id is not null))
      )`);
    this.addSql('create index external_ref_product_id_index on external_ref (product_id)');
    this.addSql('create index external_ref_variant_id_index on external_ref (variant_id)');

    this.addSql(`
      insert into platform (id, slug, name, kind, default_currency, seller_fee_rate, payment_processing_rate, fixed_fee, minimum_fee, buyer_fee_rate, supports_market_data, supports_listings, supports_orders) values
        (gen_random_uuid(), 'stockx',      'StockX',      'RESALE_MARKET', 'USD', 0.0900, 0.0300, 0.00,  5.00, 0.0500, true,  true,  true),
        (gen_random_uuid(), 'alias',       'Alias',       'RESALE_MARKET', 'USD', 0.0950, 0.0290, 5.00,  0.00, 0.0000, true,  true,  true),
        (gen_random_uuid(), 'goat',        'GOAT',        'RESALE_MARKET', 'USD', 0.0950, 0.0290, 5.00,  0.00, 0.0000, true,  false, false),
        (gen_random_uuid(), 'ebay',        'eBay',        'MARKETPLACE',   'USD', 0.1325, 0.0000, 0.30,  0.00, 0.0000, true,  true,  true),
        (gen_random_uuid(), 'shopify',     'Shopify',     'STOREFRONT',    'USD', 0.0000, 0.0290, 0.30,  0.00, 0.0000, false, true,  true),
        (gen_random_uuid(), 'amazon',      'Amazon',      'MARKETPLACE',   'USD', 0.1500, 0.0000, 0.99,  0.30, 0.0000, false, true,  true),
        (gen_random_uuid(), 'flipkart',    'Flipkart',    'MARKETPLACE',   'INR', 0.1400, 0.0200, 20.00, 0.00, 0.0000, false, true,  true),
        (gen_random_uuid(), 'blokpax',     'Blokpax',     'MARKETPLACE',   'USD', 0.0500, 0.0300, 0.00,  0.00, 0.0000, true,  false, false),
        (gen_random_uuid(), 'shootstrayt', 'ShootStrayt', 'STOREFRONT',    'USD', 0.1000, 0.0290, 0.30,  0.00, 0.0000, true,  false, false),
        (gen_random_uuid(), 'manual',      'Manual',      'STOREFRONT',    'USD', 0.0000, 0.0000, 0.00,  0.00, 0.0000, false, false, false)`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists external_ref, variant, product, platform, api_key, account cascade');
  }
}
