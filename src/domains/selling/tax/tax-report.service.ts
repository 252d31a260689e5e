import type Decimal from 'decimal.js';
import type { Context } from '../../../common/context';
import { badUserInput, unauthenticated } from '../../../common/errors';
import { Dec, roundMoney } from '../../../common/money';
import { toGlobalId } from '../../../common/node';
import { InventoryItem, InventoryStatus } from '../../inventory';
import { TaxProblem, TaxProblemCode, TaxReport, TaxReportRow, TaxReportTotals } from '../api/tax.types';
import { rawRows } from '../../../common/sql';
import { FxQuotes, utcDate } from '../orders/order-fx.service';
import { buildTaxReport } from './tax-report';
import { CostBasisMethodKind, type TaxLot, type TaxReportRow as LotRow, type TaxSale } from './tax-lot';

const FIRST_YEAR = 1970;
const LAST_YEAR = 2100;

interface SaleLineRow {
  order_id: string;
  platform: string;
  external_order_number: string;
  inventory_item_id: string | null;
  ordered_at: Date;
  base_sale_price: string | null;
  base_fees: string | null;
  base_shipping_cost: string | null;
  order_quantity: number;
  item_id: string | null;
  variant_id: string | null;
  quantity: number | null;
  unit_price: string | null;
  description: string | null;
}

/** A tax report plus the module rows it was built from (for the CSV). */
export interface TaxReportResult {
  report: TaxReport;
  rows: LotRow[];
}

/**
 * Units of `to` per unit of `from`, unrounded: a lot's unit cost keeps sub-cent precision, and the matcher rounds
 * once per row (so a lot's rows add up to quantity × converted unit cost exactly).
 */
async function unitCostIn(fx: FxQuotes, price: Decimal, from: string, to: string, day: string): Promise<Decimal | null> {
  if (from === to) return new Dec(price);
  const quote = await fx.get(from, to, day);
  if (!quote) return null;
  return quote.base.toUpperCase() === from ? new Dec(price).times(quote.rate) : new Dec(price).div(quote.rate);
}

/** Purchase lots: every inventory item not removed, its unit price converted to the base currency at the purchase date. */
async function loadLots(ctx: Context, base: string, fx: FxQuotes): Promise<TaxLot[]> {
  const items = await ctx.em.find(InventoryItem, { status: { $ne: InventoryStatus.REMOVED } }, { orderBy: { purchasedAt: 'asc', id: 'asc' } });
  const lots: TaxLot[] = [];
  for (const item of items) {
    const day = utcDate(item.purchasedAt);
    const unitCost = await unitCostIn(fx, item.purchasePriceAmount, item.purchaseCurrency.trim().toUpperCase(), base, day);
    if (unitCost === null) {
      ctx.log.warn({ inventoryItemId: item.id, currency: item.purchaseCurrency, day }, 'tax report: no FX rate for a purchase; its units are left out');
      continue;
    }
    lots.push({ id: item.id, assetKey: item.variantId, acquiredOn: day, quantity: item.quantity, unitCost });
  }
  return lots;
}

/** Splits `total` over weights with cumulative half-even rounding: the parts add up to the total exactly. */
function allocate(total: Decimal, weights: Decimal[]): Decimal[] {
  const sum = weights.reduce((a, w) => a.plus(w), new Dec(0));
  let before = new Dec(0);
  let upToBefore = new Dec(0);
  return weights.map((weight) => {
    const after = before.plus(weight);
    const upTo = roundMoney(new Dec(total).times(after).div(sum));
    const part = upTo.minus(upToBefore);
    [before, upToBefore] = [after, upTo];
    return part;
  });
}

/** Completed sales up to the end of `year`, one TaxSale per order line matched to a size. */
async function loadSales(ctx: Context, accountId: string, year: number): Promise<{ sales: TaxSale[]; orderOf: Map<string, string>; problems: TaxProblem[] }> {
  const rows = await rawRows<SaleLineRow>(
    ctx.em,
    `select o.id as order_id, p.slug as platform, o.external_order_number, o.inventory_item_id, o.ordered_at,
            o.base_sale_price::text, o.base_fees::text, o.base_shipping_cost::text, o.quantity as order_quantity,
            i.id as item_id, coalesce(ii.variant_id, i.variant_id) as variant_id, i.quantity, i.unit_price::text,
            pr.name || ' (' || v.size_key || ')' as description
       from sales_order o
       join platform p on p.id = o.platform_id
       left join sales_order_item i on i.order_id = o.id
       left join inventory_item ii on ii.id = o.inventory_item_id and ii.account_id = o.account_id
       left join variant v on v.id = coalesce(ii.variant_id, i.variant_id)
       left join product pr on pr.id = v.product_id
      where o.account_id = ?::uuid and o.status = 'COMPLETED' and o.ordered_at < ?::timestamptz
      order by o.ordered_at, o.id, i.position, i.id`,
    [accountId, new Date(Date.UTC(year + 1, 0, 1)).toISOString()],
  );
  const byOrder = new Map<string, SaleLineRow[]>();
  for (const row of rows) byOrder.set(row.order_id, [...(byOrder.get(row.order_id) ?? []), row]);
  const sales: TaxSale[] = [];
  const orderOf = new Map<string, string>();
  const problems: TaxProblem[] = [];
  const problem = (orderId: string, code: TaxProblemCode, units: number, message: string, soldOn: string) => {
    if (soldOn.startsWith(`${year}-`)) problems.push(Object.assign(new TaxProblem(), { orderId: toGlobalId('Order', orderId), code, unmatchedQuantity: units, message }));
  };
  for (const [orderId, lines] of byOrder) {
    const first = lines[0];
    const soldOn = utcDate(new Date(first.ordered_at));
    const saleId = `${first.platform}:${first.external_order_number}`;
    const units = lines.map((l) => l.quantity ?? first.order_quantity);
    if (first.base_sale_price === null || first.base_fees === null) {
      problem(orderId, TaxProblemCode.NO_AMOUNTS, units.reduce((a, b) => a + b, 0), `sale ${saleId} has no sale price in the base currency`, soldOn);
      continue;
    }
    const priced = lines.every((l) => l.unit_price !== null) && lines.some((l) => !new Dec(l.unit_price!).isZero());
    const weights = lines.map((l, i) => (priced ? new Dec(l.unit_price!).times(units[i]) : new Dec(units[i])));
    const proceeds = allocate(new Dec(first.base_sale_price), weights);
    const fees = allocate(new Dec(first.base_fees).plus(first.base_shipping_cost ?? 0), weights);
    lines.forEach((line, i) => {
      if (!line.variant_id) {
        problem(orderId, TaxProblemCode.NO_VARIANT, units[i], `a line of sale ${saleId} is not matched to a size`, soldOn);
        return;
      }
      const id = lines.length === 1 ? saleId : `${saleId}#${i + 1}`;
      orderOf.set(id, orderId);
      sales.push({ id, assetKey: line.variant_id, soldOn, quantity: units[i], proceeds: proceeds[i], fees: fees[i], lotId: line.inventory_item_id, description: line.description ?? saleId });
    });
  }
  return { sales, orderOf, problems };
}

/**
 * The viewer's tax report of one calendar year: purchase lots from inventory, completed orders as sales, matched
 * by the pure tax module (FIFO or specific identification) over the whole history so earlier years use up lots
 * first. Amounts are in the base currency: proceeds and fees as stored on the orders (converted at the order
 * date), costs converted at the purchase date.
 */
export async function taxReport(ctx: Context, year: number, method: CostBasisMethodKind | null | undefined): Promise<TaxReportResult> {
  if (!ctx.viewer) throw unauthenticated();
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) throw badUserInput(`year must be between ${FIRST_YEAR} and ${LAST_YEAR} (got ${year}).`);
  const chosen = method ?? CostBasisMethodKind.FIFO;
  const base = ctx.viewer.baseCurrency.toUpperCase();
  const fx = new FxQuotes(ctx.em);
  const [lots, { sales, orderOf, problems }] = await Promise.all([loadLots(ctx, base, fx), loadSales(ctx, ctx.viewer.accountId, year)]);
  const built = buildTaxReport({ lots, sales, method: chosen, year });
  const rows = built.rows.map((row) => ({ ...row, lotId: toGlobalId('InventoryItem', row.lotId) }));
  const report = Object.assign(new TaxReport(), {
    year,
    method: chosen,
    currency: base,
    rows: rows.map((row) =>
      Object.assign(new TaxReportRow(), {
        description: row.description,
        quantity: row.quantity,
        acquiredOn: row.acquiredOn,
        soldOn: row.soldOn,
        proceeds: row.proceeds,
        costBasis: row.costBasis,
        fees: row.fees,
        gain: row.gain,
        term: row.term,
        saleId: row.saleId.replace(/#\d+$/, ''),
        orderId: toGlobalId('Order', orderOf.get(row.saleId)!),
        inventoryItemId: row.lotId,
      }),
    ),
    totals: Object.assign(new TaxReportTotals(), built.totals),
    problems: [
      ...problems,
      ...built.problems.map((p) =>
        Object.assign(new TaxProblem(), { orderId: toGlobalId('Order', orderOf.get(p.saleId)!), code: p.code as unknown as TaxProblemCode, unmatchedQuantity: p.unmatchedQuantity, message: p.message }),
      ),
    ],
  });
  return { report, rows };
}

/** The GraphQL shape of {@link taxReport}. */
export async function taxReportOf(ctx: Context, year: number, method: CostBasisMethodKind | null | undefined): Promise<TaxReport> {
  return (await taxReport(ctx, year, method)).report;
}
