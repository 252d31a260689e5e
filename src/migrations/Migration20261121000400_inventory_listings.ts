import { Migration } from '@mikro-orm/migrations';

/**
 * Inventory and listings: inventory items, listings (optimistic `version`, platform operation outbox
 * columns), one repricing rule per listing, and the pricing history every applied price change writes.
 */
export class Migration20261121000400_inventory_listings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table inventory_item (
        id uuid primary key,
        account_id uuid not null references account (id) on delete cascade,
        variant_id uuid not null references variant (id),
        quantity integer not null check (quantity > 0),
        quantity_sold integer not null default 0 check (quantity_sold >= 0),
        purchase_price numeric(12,2) not null check (purchase_price >= 0),
        purchase_currency character(3) not null,
        purchased_at timestamptz not null,
        condition text not null check (condition in ('NEW', 'NEW_DEFECTS', 'USED')),
        status text not null check (status in ('IN_STOCK', 'LISTED', 'SOLD', 'RETURNED', 'REMOVED')),
        notes text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (quantity_sold <= quantity)
      )`);
    this.addSql('create index inventory_item_account_id_created_at_index on inventory_item (account_id, created_at desc, id desc)');
    this.addSql('create index inventory_item_variant_id_index on inventory_item (variant_id)');

    this.addSql(`
      create table listing (
        id uuid primary key,
        account_id uuid not null references account (id) on delete cascade,
        inventory_item_id uuid not null references inventory_item (id) on delete cascade,
        variant_id uuid not null references variant (id),
        platform_id uuid not null references platform (id),
        external_listing_id text,
        ask_price numeric(12,2) not null check (ask_price > 0),
        original_ask numeric(12,2) not null check (original_ask > 0),
        currency character(3) not null,
        cost_basis numeric(12,2) not null check (cost_basis >= 0),
        status text not null check (status in ('DRAFT', 'PENDING', 'ACTIVE', 'INACTIVE', 'SOLD', 'EXPIRED', 'DELETED')),
        expires_at timestamptz,
        market_lowest_ask numeric(12,2),
        market_highest_bid numeric(12,2),
        created_from text not null check (created_from in ('MANUAL', 'OPPORTUNITY', 'BULK', 'IMPORT')),
        source_opportunity_id uuid,
        listed_at timestamptz,
        delisted_at timestamptz,
        last_price_change_at timestamptz,
        sold_at timestamptz,
        sold_price numeric(12,2),
        sold_net_proceeds numeric(12,2),
        sold_strategy text,
        version integer not null default 1,
        external_operation_id text,
        external_operation_type text check (external_operation_type in ('CREATE', 'UPDATE_PRICE', 'ACTIVATE', 'DEACTIVATE')),
        external_operation_status text check (external_operation_status in ('PENDING', 'SUCCEEDED', 'FAILED')),
        external_operation_error text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((external_operation_type is null) = (external_operation_status is null))
      )`);
    // One live listing per item and platform: "the item's listing on that platform" is unambiguous.
    this.addSql(`
      create unique index listing_live_item_platform_unique on listing (inventory_item_id, platform_id)
      where status in ('DRAFT', 'PENDING', 'ACTIVE', 'INACTIVE')`);
    this.addSql('create index listing_account_id_created_at_index on listing (account_id, created_at desc, id desc)');
    this.addSql('create index listing_inventory_item_id_index on listing (inventory_item_id)');
    // Price events name (variant, platform); the repricing trigger finds the active listings behind them here.
    this.addSql(`create index listing_variant_id_platform_id_active_index on listing (variant_id, platform_id) where status = 'ACTIVE'`);
    this.addSql(`create index listing_operation_pending_index on listing (updated_at) where external_operation_status = 'PENDING'`);
    this.addSql(`create unique index listing_platform_external_unique on listing (account_id, platform_id, external_listing_id) where external_listing_id is not null`);

    this.addSql(`
      create table repricing_rule (
        id uuid primary key,
        account_id uuid not null references account (id) on delete cascade,
        listing_id uuid not null unique references listing (id) on delete cascade,
        strategy text not null check (strategy in ('COMPETITIVE', 'MATCH_LOWEST_ASK', 'HIGHEST_BID', 'PROFIT_MAXIMIZATION', 'FIXED')),
        active boolean not null default true,
        undercut_amount numeric(12,2) check (undercut_amount >= 0),
        undercut_percent numeric(7,3) check (undercut_percent >= 0 and undercut_percent < 100),
        fixed_price numeric(12,2) check (fixed_price > 0),
        floor_price numeric(12,2) check (floor_price >= 0),
        minimum_margin numeric(12,2) check (minimum_margin >= 0),
        ceiling_price numeric(12,2) check (ceiling_price > 0),
        max_change_percent numeric(7,3) check (max_change_percent >= 0),
        cooldown_seconds integer check (cooldown_seconds >= 0),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);

    this.addSql(`
      create table pricing_history (
        id uuid primary key,
        account_id uuid not null references account (id) on delete cascade,
        listing_id uuid not null references listing (id) on delete cascade,
        old_price numeric(12,2) not null,
        new_price numeric(12,2) not null,
        currency character(3) not null,
        reason text not null check (reason in ('MARKET_UPDATE', 'COMPETITION', 'ALGORITHM', 'MANUAL')),
        strategy text,
        market_lowest_ask numeric(12,2),
        market_highest_bid numeric(12,2),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    this.addSql('create index pricing_history_listing_id_created_at_index on pricing_history (listing_id, created_at desc, id desc)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists pricing_history, repricing_rule, listing, inventory_item cascade');
  }
}
