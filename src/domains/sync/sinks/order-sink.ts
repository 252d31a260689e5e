import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { NormalizedOrder } from '../providers/provider';

/** The connection a page of synced data belongs to. */
export interface SyncTarget {
  connectionId: string;
  accountId: string;
  platformId: string;
  /** Platform slug, e.g. "stockx". */
  platform: string;
}

/** What a sink did with one page. */
export interface SinkResult {
  /** Rows inserted or changed. */
  written: number;
  /** Items it could not store (kept out of the page's transaction result, counted on the run). */
  failed: number;
}

/**
 * Where synced orders go. The selling domain plugs its order store in with {@link setOrderSink}.
 * `writeOrders` runs inside the page's transaction (`em` is transactional): it must only use `em`, upsert
 * by (account, platform, external order number) so a replayed page changes nothing, and throw to roll
 * the whole page back — the cursor then stays where it was.
 */
export interface OrderSink {
  writeOrders(em: EntityManager, target: SyncTarget, orders: NormalizedOrder[], log: Logger): Promise<SinkResult>;
}

/** Until a store is plugged in, orders are counted and logged (without amounts or buyer data), not kept. */
export const loggingOrderSink: OrderSink = {
  async writeOrders(_em, target, orders, log) {
    if (orders.length) log.info({ connectionId: target.connectionId, platform: target.platform, orders: orders.length }, 'orders fetched; no order store is registered, nothing written');
    return { written: 0, failed: 0 };
  },
};

let orderSink: OrderSink = loggingOrderSink;

/** Registers the store of synced orders (the selling domain, at start-up). */
export function setOrderSink(sink: OrderSink | undefined): void {
  orderSink = sink ?? loggingOrderSink;
}

/** The registered order store. */
export const currentOrderSink = (): OrderSink => orderSink;
