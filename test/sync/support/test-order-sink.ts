import type { OrderSink } from '../../../src/domains/sync';

/** Tables of the in-test order store: the orders, and one row per committed page write (to prove each page commits once). */
export const TEST_SINK_TABLES = [
  `create table if not exists test_synced_order (
     account_id uuid not null,
     platform text not null,
     external_order_number text not null,
     raw_status text not null,
     sale_price numeric(12,2),
     writes integer not null default 1,
     primary key (account_id, platform, external_order_number))`,
  `create table if not exists test_sink_page (
     id bigserial primary key,
     connection_id uuid not null,
     first_order text,
     orders integer not null,
     backend_pid integer not null default pg_backend_pid())`,
];

/**
 * A real order store for tests: upserts by (account, platform, order number) inside the page transaction and logs
 * the page; a replayed page updates nothing and a rolled-back page leaves no trace.
 */
export const testOrderSink: OrderSink = {
  async writeOrders(em, target, orders) {
    await em.execute(`insert into test_sink_page (connection_id, first_order, orders) values (?, ?, ?)`, [target.connectionId, orders[0]?.externalOrderNumber ?? null, orders.length]);
    let written = 0;
    for (const order of orders) {
      const rows = (await em.execute(
        `insert into test_synced_order (account_id, platform, external_order_number, raw_status, sale_price) values (?, ?, ?, ?, ?)
         on conflict (account_id, platform, external_order_number) do update set raw_status = excluded.raw_status, sale_price = excluded.sale_price,
           writes = test_synced_order.writes + 1
         where test_synced_order.raw_status is distinct from excluded.raw_status or test_synced_order.sale_price is distinct from excluded.sale_price
         returning 1 as changed`,
        [target.accountId, target.platform, order.externalOrderNumber, order.rawStatus, order.salePrice],
      )) as unknown[];
      written += rows.length;
    }
    return { written, failed: 0 };
  },
};
