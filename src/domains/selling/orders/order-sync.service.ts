import type { EntityManager } from '@mikro-orm/postgresql';
import type Decimal from 'decimal.js';
import type { Logger } from 'pino';
import { Dec } from '../../../common/money';
import type { PubSub } from '../../../common/pubsub';
import { Platform } from '../../catalog';
import type { NormalizedOrder, OrderSink, SinkResult, SyncTarget } from '../../sync';
import { OrderItem } from '../entities/order-item.entity';
import { Order, OrderSource, OrderStatus } from '../entities/order.entity';
import { canReach } from './order-lifecycle';
import { computeOrderAmounts, impliedRate } from './order-amounts';
import { afterCommit } from '../../../common/orm/after-commit';
import { publishOrderChanged } from './order-events.service';
import { FxQuotes, utcDate } from './order-fx.service';
import { matchItemsToVariants } from './order-item-matching.service';
import { stampStatusTimes } from './order-status.service';

const CURRENCY = /^[A-Z]{3}$/;
const decimalOrNull = (value: string | null | undefined): Decimal | null => (value === null || value === undefined || value === '' ? null : new Dec(value));

/** A stable fingerprint of what sync may change, so a replayed page counts (and publishes) nothing. */
function fingerprint(order: Order, items: OrderItem[]): string {
  const d = (v: Decimal | null | undefined) => (v === null || v === undefined ? '' : new Dec(v).toFixed(2));
  return JSON.stringify([
    order.status, order.rawStatus, order.currency, d(order.salePrice), d(order.sellerFee), d(order.processingFee), d(order.fixedFee), d(order.shippingCost),
    d(order.netProceeds), d(order.baseNetProceeds), order.quantity, order.shippedAt?.getTime(), order.completedAt?.getTime(),
    items.map((i) => [i.externalItemId, i.quantity, d(i.unitPrice), i.variantId, i.title, i.sku]),
  ]);
}

/** The next unified status of a synced order: unknown statuses and regressions keep what we have (and are logged). */
function nextStatus(current: OrderStatus | null | undefined, reported: OrderStatus | null, log: Logger, context: Record<string, unknown>): OrderStatus | null {
  if (reported === null) {
    log.warn(context, 'order status unknown to the platform status table; kept raw, unified status unchanged');
    return current ?? null;
  }
  if (!current || current === reported || canReach(current, reported)) return reported;
  log.warn({ ...context, current, reported }, 'synced order status would move backwards; kept the current status');
  return current;
}

/**
 * Stores one page of synced orders inside the page's transaction: an idempotent upsert by (account, platform,
 * external order number) that keeps what a seller added by hand (cost basis, listing, inventory item), matches
 * lines to variants, converts to the account's base currency at the order date, and publishes orderChanged for
 * the orders that really changed once the page has committed. A malformed order is counted as failed and
 * skipped rather than blocking the cursor; database errors throw and roll the page back.
 */
export async function writeSyncedOrders(em: EntityManager, pubsub: PubSub, target: SyncTarget, page: NormalizedOrder[], log: Logger): Promise<SinkResult> {
  const orders = [...new Map(page.map((o) => [o.externalOrderNumber, o])).values()];
  if (!orders.length) return { written: 0, failed: 0 };
  const [account] = (await em.execute('select base_currency from account where id = ?', [target.accountId])) as Array<{ base_currency: string }>;
  const platform = await em.findOneOrFail(Platform, { id: target.platformId });
  if (!account) throw new Error(`order sync: account ${target.accountId} does not exist`);
  const baseCurrency = account.base_currency.trim();

  const scope = { accountId: target.accountId, platformId: target.platformId };
  const existing = await em.find(Order, { ...scope, externalOrderNumber: { $in: orders.map((o) => o.externalOrderNumber) } }, { filters: false });
  const byNumber = new Map(existing.map((o) => [o.externalOrderNumber, o]));
  const existingItems = existing.length ? await em.find(OrderItem, { orderId: { $in: existing.map((o) => o.id) } }, { filters: false, orderBy: { position: 'asc' } }) : [];
  const itemsOf = new Map<string, OrderItem[]>();
  for (const item of existingItems) itemsOf.set(item.orderId, [...(itemsOf.get(item.orderId) ?? []), item]);
  const flatItems = orders.flatMap((o) => o.items);
  const variantIds = await matchItemsToVariants(em, target.platformId, flatItems);
  const fx = new FxQuotes(em);

  let written = 0;
  let failed = 0;
  let cursor = 0;
  const changed: Order[] = [];
  for (const reported of orders) {
    const matched = variantIds.slice(cursor, cursor + reported.items.length);
    cursor += reported.items.length;
    const context = { connectionId: target.connectionId, platform: target.platform, externalOrderNumber: reported.externalOrderNumber, rawStatus: reported.rawStatus };
    try {
      const currency = reported.currency?.trim().toUpperCase();
      if (!currency || !CURRENCY.test(currency)) throw new RangeError(`currency ${JSON.stringify(reported.currency)} is not an ISO 4217 code`);
      if (!(reported.orderedAt instanceof Date) || Number.isNaN(reported.orderedAt.getTime())) throw new RangeError('orderedAt is not a valid time');
      let order = byNumber.get(reported.externalOrderNumber);
      const items = order ? itemsOf.get(order.id) ?? [] : [];
      const before = order ? fingerprint(order, items) : null;
      if (!order) {
        order = Object.assign(new Order(), {
          ...scope,
          externalOrderNumber: reported.externalOrderNumber,
          source: OrderSource.SYNC,
          connectionId: target.connectionId,
          buyerPremium: new Dec(0),
          baseCurrency,
          orderedAt: reported.orderedAt,
        });
        em.persist(order);
      }
      const status = nextStatus(order.status, (reported.unifiedStatus as unknown as OrderStatus | null) ?? null, log, context);
      const at = reported.updatedAt ?? new Date();
      stampStatusTimes(order, status, at);
      order.status = status;
      order.rawStatus = reported.rawStatus;
      order.currency = currency;
      order.syncedAt = new Date();

      const day = utcDate(order.orderedAt);
      const quote = await fx.get(currency, order.baseCurrency, day);
      if (!quote) log.warn({ ...context, currency, baseCurrency: order.baseCurrency, day }, 'no FX rate for the order date; base amounts left empty');
      const salePrice = decimalOrNull(reported.salePrice) ?? sumOfLines(reported);
      const amounts = computeOrderAmounts({
        salePrice,
        schedule: platform,
        shippingCost: decimalOrNull(reported.shippingCost),
        reported: { sellerFee: decimalOrNull(reported.sellerFee), processingFee: decimalOrNull(reported.processingFee), netProceeds: decimalOrNull(reported.netProceeds) },
        costBasis: order.costBasis ?? null,
        baseCostBasis: order.baseCostBasis ?? null,
        currency,
        baseCurrency: order.baseCurrency,
        fx: quote,
      });
      if (amounts.reportedNetIgnored) log.warn(context, 'reported net proceeds exceed the reported sale price minus fees; recomputed from the fee lines');
      Object.assign(order, amounts.columns);
      order.fxRate = quote ? impliedRate(currency, order.baseCurrency, quote) : null;
      order.fxDate = quote && currency !== order.baseCurrency ? day : null;

      const lines = upsertItems(em, order, items, reported, matched);
      order.quantity = lines.reduce((sum, line) => sum + line.quantity, 0) || 1;
      if (before !== fingerprint(order, lines)) {
        written++;
        changed.push(order);
      }
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      failed++;
      log.warn({ ...context, reason: error.message }, 'synced order skipped: malformed');
    }
  }
  await em.flush();
  afterCommit(em, log, () => changed.forEach((order) => publishOrderChanged(pubsub, order.accountId, order)));
  return { written, failed };
}

/** Some platforms report only line prices: the sale price is then the sum of unit price × quantity. */
function sumOfLines(order: NormalizedOrder): Decimal | null {
  if (!order.items.length || order.items.some((i) => i.unitPrice === null)) return null;
  return order.items.reduce((sum, i) => sum.plus(new Dec(i.unitPrice!).times(i.quantity)), new Dec(0));
}

function upsertItems(em: EntityManager, order: Order, items: OrderItem[], reported: NormalizedOrder, matched: Array<string | null>): OrderItem[] {
  const byId = new Map(items.map((i) => [i.externalItemId, i]));
  reported.items.forEach((line, index) => {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) throw new RangeError(`item ${line.externalItemId}: quantity must be a positive integer`);
    let item = byId.get(line.externalItemId);
    if (!item) {
      item = Object.assign(new OrderItem(), { accountId: order.accountId, orderId: order.id, externalItemId: line.externalItemId, position: items.length + index });
      em.persist(item);
      byId.set(line.externalItemId, item);
    }
    item.title = line.title;
    item.sku = line.sku;
    item.quantity = line.quantity;
    item.unitPrice = decimalOrNull(line.unitPrice);
    item.variantId = matched[index] ?? item.variantId ?? null;
  });
  return [...byId.values()];
}

/** The order store the sync engine writes through (registered with the sync domain's setOrderSink at start-up). */
export function createOrderSink(pubsub: PubSub): OrderSink {
  return { writeOrders: (em, target, orders, log) => writeSyncedOrders(em, pubsub, target, orders, log) };
}
