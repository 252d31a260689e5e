import type { ClientBase } from 'pg';
import { addWeeks, weekStart } from '../src/domains/market/partitions/snapshot-weeks';

/**
 * Benchmark datasets, generated with set-based SQL (generate_series / unnest) in a handful of
 * statements whatever the size; never through the ORM. Ids are derived from the product number,
 * so the same spec always yields the same ids (runs are comparable, and a scenario can name a
 * product without looking it up).
 */

/** Size of a generated catalog. */
export interface CatalogSpec {
  /** Number of products (sneakers with a full size run). */
  products: number;
  /** Sizes per product (US men's 4, 4.5, … then 16, 17, …); at most 40. */
  sizesPerProduct: number;
}

export interface CatalogStats {
  products: number;
  variants: number;
  externalRefs: number;
  ms: number;
}

/** Model lines the generator cycles through: brand, model, retail price and the shape of its style codes. */
const LINES = [
  { brand: 'Jordan', model: 'Air Jordan 1 Retro High OG', retail: '180.00', code: 'nike' },
  { brand: 'Jordan', model: 'Air Jordan 4 Retro', retail: '215.00', code: 'nike' },
  { brand: 'Jordan', model: 'Air Jordan 11 Retro', retail: '230.00', code: 'nike' },
  { brand: 'Nike', model: 'Dunk Low Retro', retail: '115.00', code: 'nike' },
  { brand: 'Nike', model: "Air Force 1 '07", retail: '115.00', code: 'nike' },
  { brand: 'Nike', model: 'Air Max 1', retail: '150.00', code: 'nike' },
  { brand: 'adidas', model: 'Samba OG', retail: '100.00', code: 'adidas' },
  { brand: 'adidas', model: 'Yeezy Boost 350 V2', retail: '230.00', code: 'adidas' },
  { brand: 'adidas', model: 'Campus 00s', retail: '110.00', code: 'adidas' },
  { brand: 'New Balance', model: '990v6 Made in USA', retail: '200.00', code: 'newbalance' },
  { brand: 'New Balance', model: '550', retail: '110.00', code: 'newbalance' },
  { brand: 'ASICS', model: 'Gel-Kayano 14', retail: '150.00', code: 'asics' },
] as const;

/** Colorway nickname, the brand's colorway name and the colour code that ends Nike/ASICS style codes. */
const COLORWAYS = [
  { nickname: 'Bred', colorway: 'Black/Varsity Red-White', suffix: '061' },
  { nickname: 'Chicago', colorway: 'White/Varsity Red-Black', suffix: '100' },
  { nickname: 'Panda', colorway: 'White/Black-White', suffix: '101' },
  { nickname: 'University Blue', colorway: 'White/University Blue-Black', suffix: '400' },
  { nickname: 'Triple Black', colorway: 'Black/Black-Black', suffix: '001' },
  { nickname: 'Sail', colorway: 'Sail/Muslin-Coconut Milk', suffix: '200' },
  { nickname: 'Pine Green', colorway: 'White/Pine Green-Black', suffix: '301' },
  { nickname: 'Court Purple', colorway: 'Court Purple/White-Black', suffix: '500' },
  { nickname: 'Shadow', colorway: 'Light Smoke Grey/Black-White', suffix: '002' },
  { nickname: 'Bone', colorway: 'Bone/Cream-Gum', suffix: '201' },
  { nickname: 'Royal', colorway: 'Game Royal/Black-White', suffix: '401' },
  { nickname: 'Infrared', colorway: 'Black/Infrared 23-White', suffix: '006' },
];

/** US men's half sizes 4–15, then whole sizes 16, 17, … */
export function sizeRun(count: number): string[] {
  const sizes: string[] = [];
  for (let half = 8; half <= 30 && sizes.length < count; half++) sizes.push(String(half / 2));
  for (let whole = 16; sizes.length < count; whole++) sizes.push(String(whole));
  return sizes;
}

/** SQL for a UUID (version-4 shaped) derived from a text expression, e.g. stableUuid(`'product:' || n`). */
export const stableUuid = (textExpression: string) =>
  `overlay(overlay(md5(${textExpression}) placing '4' from 13) placing '8' from 17)::uuid`;

/** Id of generated product number `n` (1-based), as the catalog generator assigns it. */
export const productIdSql = (n: string) => stableUuid(`'bench-product:' || ${n}`);
const variantIdSql = (n: string, position: string) => stableUuid(`'bench-variant:' || ${n} || ':' || ${position}`);

/*
 * Style codes are injective in n (n < 6.7 million): four digits from n mod 10000 through a bijection
 * (7919 is coprime to 10000) and two letters from (13n + n/10000) mod 676, which differ for every
 * n sharing those digits. Each brand's format has its own length once normalized, so none collide.
 */
const DIGITS = `lpad(((g.n % 10000) * 7919 % 10000)::text, 4, '0')`;
const LETTERS = `chr(65 + ((13 * g.n + g.n / 10000) % 676) % 26) || chr(65 + ((13 * g.n + g.n / 10000) % 676) / 26)`;

const PRODUCTS_SQL = `
  insert into product (id, sku, sku_normalized, brand, model, name, colorway, category, release_date, retail_price, retail_currency, popularity)
  select ${productIdSql('g.n')}, code.sku, upper(regexp_replace(code.sku, '[^A-Za-z0-9]', '', 'g')),
         line.brand, line.model,
         line.model || ' ' || cw.nickname || case when g.n > $3::int * $4::int then ' (' || (2009 + (g.n / ($3::int * $4::int)) % 16) || ')' else '' end,
         cw.colorway, 'SNEAKERS', date '2012-01-01' + (g.n * 37 % 4700), line.retail::numeric(12,2), 'USD',
         floor(99 * power(((g.n::bigint * 2654435761) % 4294967296) / 4294967296.0, 2.5))::smallint
    from generate_series($1::int, $2::int) as g(n)
    cross join lateral (select ($5::text[])[1 + g.n % $3::int] as brand, ($6::text[])[1 + g.n % $3::int] as model,
                               ($7::text[])[1 + g.n % $3::int] as retail, ($8::text[])[1 + g.n % $3::int] as code) line
    cross join lateral (select ($9::text[])[1 + (g.n / $3::int) % $4::int] as nickname, ($10::text[])[1 + (g.n / $3::int) % $4::int] as colorway,
                               ($11::text[])[1 + (g.n / $3::int) % $4::int] as suffix) cw
    cross join lateral (select case line.code
        when 'nike' then ${LETTERS} || ${DIGITS} || '-' || cw.suffix
        when 'adidas' then ${LETTERS} || ${DIGITS}
        when 'newbalance' then 'U' || ${DIGITS} || ${LETTERS}
        else lpad((1000 + (g.n / 1000) % 9000)::text, 4, '0') || 'A' || lpad((g.n % 1000)::text, 3, '0') || '-' || cw.suffix
      end as sku) code`;

const VARIANTS_SQL = `
  insert into variant (id, product_id, size_key, numeric_size, size_system, position)
  select ${variantIdSql('g.n', 's.position')}, ${productIdSql('g.n')}, s.size_key, s.size_key::double precision, 'US_M', s.position - 1
    from generate_series($1::int, $2::int) as g(n)
    cross join unnest($3::text[]) with ordinality as s(size_key, position)`;

/** Product-level ids on StockX, GOAT and Alias (name slugs), an eBay EPID, and StockX variant UUIDs. */
const EXTERNAL_REFS_SQL = `
  with platform_ids as (select slug, id from platform where slug in ('stockx', 'goat', 'alias', 'ebay')),
  products as (
    select p.id, trim(both '-' from regexp_replace(lower(p.name || ' ' || p.sku), '[^a-z0-9]+', '-', 'g')) as slug, g.n
      from generate_series($1::int, $2::int) as g(n) join product p on p.id = ${productIdSql('g.n')})
  insert into external_ref (id, platform_id, kind, product_id, variant_id, external_id)
  select ${stableUuid(`'bench-ref:' || pl.slug || ':' || p.n`)}, pl.id, 'PRODUCT', p.id, null,
         case pl.slug when 'ebay' then (20000000 + p.n * 7)::text else p.slug end
    from products p cross join platform_ids pl
  union all
  select ${stableUuid(`'bench-ref:stockx-variant:' || v.id`)}, pl.id, 'VARIANT', p.id, v.id, ${stableUuid(`'stockx:' || v.id`)}::text
    from products p join variant v on v.product_id = p.id join platform_ids pl on pl.slug = 'stockx'`;

/**
 * Bulk-loads products `from`..`from + products - 1` (1-based numbering, so batches can be appended)
 * with their size runs and external refs, in one transaction, then refreshes planner statistics.
 */
export async function loadCatalog(db: ClientBase, spec: CatalogSpec, from = 1): Promise<CatalogStats> {
  if (!Number.isInteger(spec.products) || spec.products < 1) throw new Error(`CatalogSpec.products must be a positive integer (got ${spec.products})`);
  if (!Number.isInteger(spec.sizesPerProduct) || spec.sizesPerProduct < 1 || spec.sizesPerProduct > 40) {
    throw new Error(`CatalogSpec.sizesPerProduct must be between 1 and 40 (got ${spec.sizesPerProduct})`);
  }
  const started = performance.now();
  const last = from + spec.products - 1;
  await db.query('begin');
  try {
    const products = await db.query(PRODUCTS_SQL, [
      from, last, LINES.length, COLORWAYS.length,
      LINES.map((l) => l.brand), LINES.map((l) => l.model), LINES.map((l) => l.retail), LINES.map((l) => l.code),
      COLORWAYS.map((c) => c.nickname), COLORWAYS.map((c) => c.colorway), COLORWAYS.map((c) => c.suffix),
    ]);
    const variants = await db.query(VARIANTS_SQL, [from, last, sizeRun(spec.sizesPerProduct)]);
    const refs = await db.query(EXTERNAL_REFS_SQL, [from, last]);
    await db.query('commit');
    await db.query('analyze product, variant, external_ref');
    return { products: products.rowCount ?? 0, variants: variants.rowCount ?? 0, externalRefs: refs.rowCount ?? 0, ms: performance.now() - started };
  } catch (error) {
    await db.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** Market history for issue 3's scenarios: regular snapshots of the most popular products' sizes on some platforms. */
export interface MarketHistorySpec {
  /** Products that get history, most popular first (the order `products` lists them in). */
  products: number;
  /** Platform slugs, e.g. ['stockx', 'goat', 'alias', 'ebay']. */
  platforms: string[];
  /** Length of the history, ending at `until`. */
  days: number;
  /** Minutes between two snapshots of one variant on one platform (60 = hourly). */
  intervalMinutes: number;
  /** End of the history; defaults to the start of the current hour. */
  until?: Date;
}

/** Issue 3's product-page dataset: 200 products × 20 sizes × 4 platforms × 30 days hourly = 11,520,000 snapshots. */
export const PRODUCT_PAGE_MARKET: MarketHistorySpec = { products: 200, platforms: ['stockx', 'goat', 'alias', 'ebay'], days: 30, intervalMinutes: 60 };

/** Snapshots per variant and platform. */
export const snapshotsPerSeries = (spec: MarketHistorySpec) => Math.floor((spec.days * 24 * 60) / spec.intervalMinutes);

/** Rows a spec yields on a catalog with `sizesPerProduct` sizes. */
export const marketHistoryRowCount = (spec: MarketHistorySpec, sizesPerProduct: number) =>
  spec.products * sizesPerProduct * spec.platforms.length * snapshotsPerSeries(spec);

/**
 * Deterministic synthetic observations as ONE set-based SELECT over the catalog tables, independent
 * of how the market tables look: `insert into <snapshot table> (<its columns>) select … from (<text>) s`.
 * Columns: variant_id, product_id, platform_id (uuid), captured_at (timestamptz), lowest_ask,
 * highest_bid, last_sale (numeric(12,2), bid < last sale < ask), sales_7d, sales_30d (int),
 * volatility (numeric 0–1). Prices follow the product's resale premium, the size (edge sizes cost more), the
 * platform, a multi-day wave and hourly noise.
 */
export function syntheticMarketRows(spec: MarketHistorySpec): { text: string; values: unknown[] } {
  const until = spec.until ?? new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const noise = (salt: number) => `(((t.vi * 7919 + pl.k * 104729 + tick.t * 1299709 + ${salt}) % 2003) / 2003.0::float8)`;
  const text = `
    with targets as (
      select v.id as variant_id, v.product_id, p.retail_price, coalesce(v.numeric_size, 9.5) as numeric_size,
             row_number() over (order by p.popularity desc, p.id, v.position)::bigint as vi,
             dense_rank() over (order by p.popularity desc, p.id)::bigint as pi
        from (select id, popularity, coalesce(retail_price, 100) as retail_price from product order by popularity desc, id limit $1) p
        join variant v on v.product_id = p.id),
    platforms as (
      select pl.id as platform_id, s.k from unnest($2::text[]) with ordinality as s(slug, k) join platform pl on pl.slug = s.slug),
    ticks as (
      select g.t::bigint as t, $3::timestamptz - g.t * make_interval(mins => $4::int) as captured_at
        from generate_series(0, $5::int - 1) as g(t)),
    priced as (
      select t.variant_id, t.product_id, pl.platform_id, tick.captured_at, t.vi, pl.k,
             t.retail_price::float8 * (0.8 + 1.8 * ((t.pi * 2654435761) % 1000) / 1000.0)
               * (1 + 0.04 * abs(t.numeric_size - 9.5))
               * (1 + ((pl.k * 37) % 7 - 3) * 0.015)
               * (1 + 0.06 * sin(2 * pi() * tick.t / (24 * (3 + t.vi % 9)) + t.vi) + 0.03 * (${noise(0)} - 0.5)) as mid,
             ${noise(17)} as n1, ${noise(31)} as n2
        from targets t cross join platforms pl cross join ticks tick)
    select variant_id, product_id, platform_id, captured_at,
           round(mid::numeric, 2)::numeric(12,2) as lowest_ask,
           round((mid * (0.87 + 0.05 * n1))::numeric, 2)::numeric(12,2) as highest_bid,
           round((mid * (0.93 + 0.06 * n2))::numeric, 2)::numeric(12,2) as last_sale,
           (2 + vi % 7 + floor(n1 * 12))::int as sales_7d,
           (3 * (2 + vi % 7 + floor(n1 * 12)) + floor(n2 * 20))::int as sales_30d,
           round(0.03 + 0.25 * ((vi * 31 + k * 17) % 100) / 100.0, 4)::numeric(5,4) as volatility
      from priced`;
  return { text, values: [spec.products, spec.platforms, until.toISOString(), spec.intervalMinutes, snapshotsPerSeries(spec)] };
}

export interface MarketHistoryStats {
  /** Rows written to the snapshot table. */
  snapshots: number;
  /** Rows in the latest-price table afterwards. */
  latest: number;
  ms: number;
  /** Milliseconds per step: snapshot inserts, latest upsert, vacuum + analyze. */
  steps: { snapshots: number; latest: number; vacuum: number };
}

/** Creates the weekly snapshot partitions covering the given weeks (the ingest's and partition job's helper). */
export type CreatePartitions = (weeks: Date[]) => Promise<unknown>;

/** Start of the current hour: the default end of a history. */
const currentHour = () => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);

/**
 * Loads `spec`'s history into the market tables with set-based SQL, one week at a time (one statement per
 * weekly partition, rows in time order the way ingest writes them), then upserts `market_price` from the newest
 * tick (with the tick before as previous values) and analyzes both. `createPartitions` creates the weeks first
 * through the same helper ingest and the partitions job use (no ad-hoc DDL here).
 */
export async function loadMarketHistory(db: ClientBase, spec: MarketHistorySpec, createPartitions: CreatePartitions): Promise<MarketHistoryStats> {
  const started = performance.now();
  const until = spec.until ?? currentHour();
  const full = { ...spec, until };
  const ticks = snapshotsPerSeries(spec);
  const firstTick = until.getTime() - (ticks - 1) * spec.intervalMinutes * 60_000;
  const weeks: Date[] = [];
  for (let week = weekStart(firstTick); week <= until; week = addWeeks(week, 1)) weeks.push(week);
  await createPartitions(weeks);
  const rows = syntheticMarketRows(full);
  const range = rows.values.length + 1;
  let snapshots = 0;
  const steps = { snapshots: 0, latest: 0, vacuum: 0 };
  let mark = performance.now();
  const step = (name: keyof typeof steps) => {
    steps[name] = performance.now() - mark;
    mark = performance.now();
  };
  // Several statements, one per partition: each commits on its own, keeps its sort in memory and reports progress.
  await db.query("set work_mem = '256MB'");
  try {
    for (const week of weeks) {
      const result = await db.query(
        `insert into market_snapshot (variant_id, platform_id, captured_at, lowest_ask, highest_bid, last_sale, sales_7d, sales_30d, volatility, currency, source)
         select s.variant_id, s.platform_id, s.captured_at, s.lowest_ask, s.highest_bid, s.last_sale, s.sales_7d, s.sales_30d, s.volatility, 'USD', 'SIMULATED'
           from (${rows.text}) s
          where s.captured_at >= $${range}::timestamptz and s.captured_at < $${range + 1}::timestamptz
          order by s.captured_at`,
        [...rows.values, week.toISOString(), addWeeks(week, 1).toISOString()],
      );
      snapshots += result.rowCount ?? 0;
    }
    step('snapshots');
    const latest = await db.query(
      `insert into market_price as mp (variant_id, platform_id, product_id, lowest_ask, highest_bid, last_sale, sales_7d, sales_30d, volatility,
                                       currency, source, captured_at, prev_lowest_ask, prev_highest_bid, prev_last_sale,
                                       lowest_ask_changed_at, highest_bid_changed_at, last_sale_changed_at, changed_at)
       select s.variant_id, s.platform_id, v.product_id, s.lowest_ask, s.highest_bid, s.last_sale, s.sales_7d, s.sales_30d, s.volatility,
              s.currency, s.source, s.captured_at, p.lowest_ask, p.highest_bid, p.last_sale,
              s.captured_at, s.captured_at, s.captured_at, s.captured_at
         from market_snapshot s
         join variant v on v.id = s.variant_id
         left join market_snapshot p on p.variant_id = s.variant_id and p.platform_id = s.platform_id and p.captured_at = $2::timestamptz
        where s.captured_at = $1::timestamptz
       on conflict (variant_id, platform_id) do update set
         lowest_ask = excluded.lowest_ask, highest_bid = excluded.highest_bid, last_sale = excluded.last_sale,
         sales_7d = excluded.sales_7d, sales_30d = excluded.sales_30d, volatility = excluded.volatility,
         currency = excluded.currency, source = excluded.source, captured_at = excluded.captured_at,
         prev_lowest_ask = excluded.prev_lowest_ask, prev_highest_bid = excluded.prev_highest_bid, prev_last_sale = excluded.prev_last_sale,
         lowest_ask_changed_at = excluded.lowest_ask_changed_at, highest_bid_changed_at = excluded.highest_bid_changed_at,
         last_sale_changed_at = excluded.last_sale_changed_at, changed_at = excluded.changed_at, updated_at = now()`,
      [until.toISOString(), new Date(until.getTime() - spec.intervalMinutes * 60_000).toISOString()],
    );
    step('latest');
    // Sets the visibility map as autovacuum eventually does for weeks no longer written (index-only scans rely on it) and refreshes statistics.
    await db.query('vacuum (analyze) market_snapshot, market_price');
    step('vacuum');
    return { snapshots, latest: latest.rowCount ?? 0, ms: performance.now() - started, steps };
  } finally {
    await db.query('reset work_mem').catch(() => undefined);
  }
}
