import Decimal from 'decimal.js';
import { RecordOrderDocument, type RecordOrderInput, type RecordOrderMutation } from '../generated/graphql';
import type { JobName } from '../../src/jobs';
import type { TestApp } from '../support/app';
import { waitFor } from '../market/market-support';

export { addItem, listItem, marketFixture, quote, sql, tableContents, type MarketFixture } from '../inventory/inventory-support';
export { collect, createProducts, platformIds, waitFor } from '../market/market-support';

/** A money string as cents ("176" → "176.00"): the Decimal scalar drops trailing zeros. */
export const cents = (value: string | null | undefined): string | null => (value === null || value === undefined ? null : new Decimal(value).toFixed(2));
/** A ratio string to 4 places ("0.28" → "0.2800"). */
export const ratio = (value: string | null | undefined): string | null => (value === null || value === undefined ? null : new Decimal(value).toFixed(4));

/** `CODE@field.path` of each error, sorted. */
export const codes = (errors: Array<{ code: string; field?: string[] | null }>) => errors.map((e) => `${e.code}@${(e.field ?? []).join('.')}`).sort();

export type RecordedOrder = NonNullable<RecordOrderMutation['recordOrder']['order']>;

/** Records a sale through the API and fails loudly on any error. */
export async function recordSale(t: TestApp, token: string, input: RecordOrderInput): Promise<RecordedOrder> {
  const res = await t.request(RecordOrderDocument, { input }, token);
  const payload = res.body.data?.recordOrder;
  if (!payload?.order) throw new Error(`recordOrder failed: ${JSON.stringify(res.body)}`);
  return payload.order;
}

/** The money columns of an order, in cents, for exact comparison with hand-computed figures. */
export function orderMoney(order: RecordedOrder) {
  return {
    salePrice: cents(order.salePrice),
    sellerFee: cents(order.sellerFee),
    processingFee: cents(order.processingFee),
    fixedFee: cents(order.fixedFee),
    shippingCost: cents(order.shippingCost),
    netProceeds: cents(order.netProceeds),
    costBasis: cents(order.costBasis),
    grossProfit: cents(order.grossProfit),
    netProfit: cents(order.netProfit),
    margin: ratio(order.margin),
    roi: ratio(order.roi),
    baseSale: cents(order.baseSale?.amount),
    baseFees: cents(order.baseTotalFees?.amount),
    baseNet: cents(order.baseNet?.amount),
    baseCost: cents(order.baseCost?.amount),
    baseProfit: cents(order.baseProfit?.amount),
  };
}

/** Enqueues a job on the app's queue (the app must run workers: ROLE=all) and returns its output once it completed. */
export async function runJob(t: TestApp, name: JobName, data: Record<string, unknown>): Promise<Record<string, unknown>> {
  const id = await t.app.jobs.send(name, data as never, { singletonKey: `test:${Date.now()}:${Math.random()}` });
  if (!id) throw new Error(`job ${name} was not enqueued`);
  let status = await t.app.jobs.status(name, id);
  await waitFor(`job ${name} to finish`, async () => {
    status = await t.app.jobs.status(name, id);
    return status?.state === 'completed' || status?.state === 'failed';
  }, 30_000);
  if (status!.state !== 'completed') throw new Error(`job ${name} ${status!.state}: ${JSON.stringify(status!.output)}`);
  return status!.output ?? {};
}
