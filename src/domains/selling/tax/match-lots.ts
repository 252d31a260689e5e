import type Decimal from 'decimal.js';
import { Dec, roundMoney } from '../../../common/money';
import type { CostBasisMethod, OpenLot } from './cost-basis-method';
import { FifoCostBasis } from './fifo.cost-basis';
import { holdingTerm, parseLocalDate } from './holding-period';
import { SpecificCostBasis } from './specific.cost-basis';
import { CostBasisMethodKind, TaxMatchProblemCode, type TaxLot, type TaxMatchProblem, type TaxReportRow, type TaxSale } from './tax-lot';

/** Rows for every matched part of every sale, and the units that could not be matched. */
export interface LotMatch {
  /** In sale-date order; a sale split across lots gives one row per lot, oldest lot first for FIFO. */
  rows: TaxReportRow[];
  problems: TaxMatchProblem[];
}

/**
 * Matches sales to purchase lots with a cost-basis method. Sales are processed in sale-date order
 * over the whole history (an earlier year's sales use up lots), one asset at a time.
 *
 * Splitting keeps totals exact: a sale's proceeds and fees are allocated to its rows by cumulative
 * quantity (row share = round(total × units so far / units) − the previous rows' shares), so the
 * rows of a sale add up to its proceeds and fees to the cent; a lot's cost is allocated the same
 * way, so the rows drawing on one lot add up to quantity × unit cost rounded once.
 */
export function matchLots(lots: readonly TaxLot[], sales: readonly TaxSale[], method: CostBasisMethodKind = CostBasisMethodKind.FIFO): LotMatch {
  validate(lots, sales);
  const selector: CostBasisMethod = method === CostBasisMethodKind.SPECIFIC ? new SpecificCostBasis(lots) : new FifoCostBasis();
  const openByAsset = new Map<string, OpenLot[]>();
  for (const lot of stableSort(lots, (lot) => lot.acquiredOn)) {
    const open = openByAsset.get(lot.assetKey) ?? [];
    open.push({ lot, remaining: lot.quantity });
    openByAsset.set(lot.assetKey, open);
  }

  const rows: TaxReportRow[] = [];
  const problems: TaxMatchProblem[] = [];
  for (const sale of stableSort(sales, (sale) => sale.soldOn)) {
    const open = openByAsset.get(sale.assetKey) ?? [];
    const selection = selector.select(sale, open);
    if ('problem' in selection) {
      problems.push({ saleId: sale.id, code: selection.problem, unmatchedQuantity: sale.quantity, message: selection.message });
      continue;
    }
    let matched = 0;
    for (const source of selection.lots) {
      const take = Math.min(source.remaining, sale.quantity - matched);
      if (take <= 0) continue;
      const soldBefore = source.lot.quantity - source.remaining;
      const costBasis = shareOf(source.lot.unitCost, soldBefore, soldBefore + take, 1);
      const proceeds = shareOf(sale.proceeds, matched, matched + take, sale.quantity);
      const fees = shareOf(sale.fees, matched, matched + take, sale.quantity);
      rows.push({
        saleId: sale.id,
        lotId: source.lot.id,
        description: sale.description ?? sale.assetKey,
        quantity: take,
        acquiredOn: source.lot.acquiredOn,
        soldOn: sale.soldOn,
        proceeds,
        costBasis,
        fees,
        gain: roundMoney(proceeds.minus(fees).minus(costBasis)),
        term: holdingTerm(source.lot.acquiredOn, sale.soldOn),
      });
      source.remaining -= take;
      matched += take;
    }
    openByAsset.set(sale.assetKey, open.filter((lot) => lot.remaining > 0));
    if (matched < sale.quantity) problems.push(shortfall(sale, sale.quantity - matched, method));
  }
  return { rows, problems };
}

/** round(total × to / of) − round(total × from / of): the cents between two cumulative points. */
function shareOf(total: Decimal, from: number, to: number, of: number): Decimal {
  const upTo = (units: number) => roundMoney(new Dec(total).times(units).div(of));
  return upTo(to).minus(upTo(from));
}

function shortfall(sale: TaxSale, missing: number, method: CostBasisMethodKind): TaxMatchProblem {
  if (method === CostBasisMethodKind.SPECIFIC && sale.lotId) {
    const message = `lot ${sale.lotId} is ${missing} unit(s) short for sale ${sale.id}`;
    return { saleId: sale.id, code: TaxMatchProblemCode.LOT_EXHAUSTED, unmatchedQuantity: missing, message };
  }
  return {
    saleId: sale.id,
    code: TaxMatchProblemCode.INSUFFICIENT_LOTS,
    unmatchedQuantity: missing,
    message: `${missing} unit(s) of ${sale.assetKey} sold on ${sale.soldOn} (sale ${sale.id}) were not bought on or before that day`,
  };
}

function stableSort<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, key: key(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
    .map(({ item }) => item);
}

function validate(lots: readonly TaxLot[], sales: readonly TaxSale[]): void {
  const positiveInteger = (value: number) => Number.isInteger(value) && value > 0;
  const lotIds = new Set<string>();
  for (const lot of lots) {
    if (lotIds.has(lot.id)) throw new RangeError(`duplicate lot id ${lot.id}`);
    lotIds.add(lot.id);
    parseLocalDate(lot.acquiredOn);
    if (!positiveInteger(lot.quantity)) throw new RangeError(`lot ${lot.id}: quantity must be a positive integer`);
    if (new Dec(lot.unitCost).isNeg()) throw new RangeError(`lot ${lot.id}: unit cost must not be negative`);
  }
  const saleIds = new Set<string>();
  for (const sale of sales) {
    if (saleIds.has(sale.id)) throw new RangeError(`duplicate sale id ${sale.id}`);
    saleIds.add(sale.id);
    parseLocalDate(sale.soldOn);
    if (!positiveInteger(sale.quantity)) throw new RangeError(`sale ${sale.id}: quantity must be a positive integer`);
    if (new Dec(sale.proceeds).isNeg() || new Dec(sale.fees).isNeg()) throw new RangeError(`sale ${sale.id}: proceeds and fees must not be negative`);
  }
}
