import type { EntityManager } from '@mikro-orm/postgresql';
import { pgPlainArray, rawRows } from '../../../common/sql';
import type { ParsedSnapshot } from './snapshot-validation';

/**
 * One statement per batch. Columns travel as one array parameter each and are unnested in the select list
 * (streamed, unlike ROWS FROM, which materializes every array first). The snapshots are inserted, and the
 * newest row per (variant, platform), picked in JS, is upserted into market_price, returning the rows whose
 * prices changed. In the upsert `mp.*` is the current row version (locked), so the previous values and the
 * per-field change stamps are exact even when two ingests touch the same key at once. A snapshot older than
 * the stored latest never overwrites it.
 *
 * Snapshots are first inserted without ON CONFLICT (speculative insertion costs ~40 % more per row); a batch that
 * repeats stored snapshots (a retried page, a re-imported file) fails on the primary key and is written again by the
 * caller with `skipStored`, which skips them.
 */
const ingestSql = (skipStored: boolean) => `
with inserted as (
  insert into market_snapshot (variant_id, platform_id, captured_at, lowest_ask, highest_bid, last_sale, sales_7d, sales_30d, volatility, currency, source)
  select unnest(?::uuid[]), unnest(?::uuid[]), to_timestamp(unnest(?::float8[])), unnest(?::numeric[]), unnest(?::numeric[]), unnest(?::numeric[]),
         unnest(?::int[]), unnest(?::int[]), unnest(?::numeric[]), unnest(?::text[]), unnest(?::text[])
  ${skipStored ? 'on conflict do nothing' : ''}
  returning 1
), latest as (
  select unnest(?::uuid[]) as variant_id, unnest(?::uuid[]) as platform_id, unnest(?::uuid[]) as product_id, to_timestamp(unnest(?::float8[])) as captured_at,
         unnest(?::numeric[]) as lowest_ask, unnest(?::numeric[]) as highest_bid, unnest(?::numeric[]) as last_sale,
         unnest(?::int[]) as sales_7d, unnest(?::int[]) as sales_30d, unnest(?::numeric[]) as volatility, unnest(?::text[]) as currency, unnest(?::text[]) as source
), upserted as (
  insert into market_price as mp (variant_id, platform_id, product_id, lowest_ask, highest_bid, last_sale, sales_7d, sales_30d, volatility,
                                  currency, source, captured_at, lowest_ask_changed_at, highest_bid_changed_at, last_sale_changed_at, changed_at)
  select variant_id, platform_id, product_id, lowest_ask, highest_bid, last_sale, sales_7d, sales_30d, volatility, currency, source, captured_at,
         case when lowest_ask is not null then captured_at end, case when highest_bid is not null then captured_at end,
         case when last_sale is not null then captured_at end, captured_at
    from latest
  on conflict (variant_id, platform_id) do update set
    prev_lowest_ask = case when mp.lowest_ask is distinct from excluded.lowest_ask then mp.lowest_ask else mp.prev_lowest_ask end,
    prev_highest_bid = case when mp.highest_bid is distinct from excluded.highest_bid then mp.highest_bid else mp.prev_highest_bid end,
    prev_last_sale = case when mp.last_sale is distinct from excluded.last_sale then mp.last_sale else mp.prev_last_sale end,
    lowest_ask_changed_at = case when mp.lowest_ask is distinct from excluded.lowest_ask then excluded.captured_at else mp.lowest_ask_changed_at end,
    highest_bid_changed_at = case when mp.highest_bid is distinct from excluded.highest_bid then excluded.captured_at else mp.highest_bid_changed_at end,
    last_sale_changed_at = case when mp.last_sale is distinct from excluded.last_sale then excluded.captured_at else mp.last_sale_changed_at end,
    changed_at = case when (mp.lowest_ask, mp.highest_bid, mp.last_sale) is distinct from (excluded.lowest_ask, excluded.highest_bid, excluded.last_sale)
                      then excluded.captured_at else mp.changed_at end,
    lowest_ask = excluded.lowest_ask,
    highest_bid = excluded.highest_bid,
    last_sale = excluded.last_sale,
    sales_7d = excluded.sales_7d,
    sales_30d = excluded.sales_30d,
    volatility = excluded.volatility,
    currency = excluded.currency,
    source = excluded.source,
    captured_at = excluded.captured_at,
    updated_at = now()
  where mp.captured_at < excluded.captured_at
  returning mp.variant_id, mp.product_id, mp.platform_id, mp.currency, mp.captured_at,
            mp.lowest_ask, mp.prev_lowest_ask, mp.lowest_ask_changed_at = mp.captured_at as lowest_ask_changed,
            mp.highest_bid, mp.prev_highest_bid, mp.highest_bid_changed_at = mp.captured_at as highest_bid_changed,
            mp.last_sale, mp.prev_last_sale, mp.last_sale_changed_at = mp.captured_at as last_sale_changed
)
select w.written, u.*
  from (select count(*)::int as written from inserted) w
  left join upserted u on u.lowest_ask_changed or u.highest_bid_changed or u.last_sale_changed`;

/** A market_price row the batch changed, with the values it replaced. */
export interface ChangedPriceRow {
  variant_id: string;
  product_id: string;
  platform_id: string;
  currency: string;
  captured_at: string;
  lowest_ask: string | null;
  prev_lowest_ask: string | null;
  lowest_ask_changed: boolean;
  highest_bid: string | null;
  prev_highest_bid: string | null;
  highest_bid_changed: boolean;
  last_sale: string | null;
  prev_last_sale: string | null;
  last_sale_changed: boolean;
}

type Column = (row: ParsedSnapshot) => string | number | null;
const COLUMNS: Column[] = [
  (r) => r.variantId,
  (r) => r.platformId,
  (r) => r.capturedAt / 1000,
  (r) => r.lowestAsk,
  (r) => r.highestBid,
  (r) => r.lastSale,
  (r) => r.sales7d,
  (r) => r.sales30d,
  (r) => r.volatility,
  (r) => r.currency,
  (r) => r.source,
];

/** One array literal per column; validated values need no quoting, so each is built in one pass without copies. */
function columns(rows: ParsedSnapshot[]): string[] {
  return COLUMNS.map((column) => {
    let out = '{';
    for (let i = 0; i < rows.length; i++) {
      const value = column(rows[i]);
      out += (i ? ',' : '') + (value === null ? 'NULL' : value);
    }
    return `${out}}`;
  });
}

/** Whether an error is the snapshot primary key rejecting a snapshot that is already stored. */
export const isStoredSnapshotConflict = (error: unknown): boolean => {
  const e = error as { code?: string; table?: string } | null;
  return e?.code === '23505' && typeof e.table === 'string' && e.table.startsWith('market_snapshot');
};

/**
 * Writes snapshots and (optionally) the latest rows in one statement, inside the caller's transaction.
 * `latest` holds at most one row per (variant, platform); pass none for the extra chunks of a very large batch.
 */
export async function writeSnapshotBatch(
  em: EntityManager,
  snapshots: ParsedSnapshot[],
  latest: ParsedSnapshot[],
  productOf: (variantId: string) => string,
  options: { skipStored: boolean },
): Promise<{ written: number; changed: ChangedPriceRow[] }> {
  const [variant, platform, at, ...rest] = columns(latest);
  const result = await rawRows<ChangedPriceRow & { written: number }>(em, ingestSql(options.skipStored), [
    ...columns(snapshots),
    variant,
    platform,
    pgPlainArray(latest.map((r) => productOf(r.variantId))),
    at,
    ...rest,
  ]);
  return { written: result[0]?.written ?? 0, changed: result.filter((r) => r.variant_id !== null) };
}
