import type Decimal from 'decimal.js';
import { Dec } from '../../../common/money';
import { matchLots } from './match-lots';
import { CostBasisMethodKind, HoldingTerm, type TaxLot, type TaxMatchProblem, type TaxReportRow, type TaxSale } from './tax-lot';

/** Sums of a report's rows; exact, since every row amount is already whole cents. */
export interface TaxReportTotals {
  proceeds: Decimal;
  costBasis: Decimal;
  fees: Decimal;
  gain: Decimal;
  shortTermGain: Decimal;
  longTermGain: Decimal;
}

/** A tax report: rows, totals and the sales that could not be fully matched. */
export interface TaxReport {
  /** The calendar year of the sale dates covered, or null for all years. */
  year: number | null;
  method: CostBasisMethodKind;
  rows: TaxReportRow[];
  totals: TaxReportTotals;
  problems: TaxMatchProblem[];
}

/** Inputs of {@link buildTaxReport}. */
export interface TaxReportInput {
  /** Every lot the seller ever bought of the assets involved (all years). */
  lots: readonly TaxLot[];
  /** Every completed sale (all years): cancelled and returned orders are not sales. */
  sales: readonly TaxSale[];
  method?: CostBasisMethodKind;
  /** Only sales dated in this calendar year appear; earlier sales still use up lots first. */
  year?: number | null;
}

/** Builds the tax report of one year (or all years) with FIFO (default) or specific identification. */
export function buildTaxReport({ lots, sales, method = CostBasisMethodKind.FIFO, year = null }: TaxReportInput): TaxReport {
  const { rows, problems } = matchLots(lots, sales, method);
  const inYear = (date: string) => year === null || date.startsWith(`${String(year).padStart(4, '0')}-`);
  const soldOn = new Map(sales.map((sale) => [sale.id, sale.soldOn]));
  const yearRows = rows.filter((row) => inYear(row.soldOn));
  return {
    year,
    method,
    rows: yearRows,
    totals: totalTaxRows(yearRows),
    problems: problems.filter((problem) => inYear(soldOn.get(problem.saleId) ?? '')),
  };
}

/** Column totals of report rows, with gains split by holding term. */
export function totalTaxRows(rows: readonly TaxReportRow[]): TaxReportTotals {
  const zero = new Dec(0);
  const totals: TaxReportTotals = { proceeds: zero, costBasis: zero, fees: zero, gain: zero, shortTermGain: zero, longTermGain: zero };
  for (const row of rows) {
    totals.proceeds = totals.proceeds.plus(row.proceeds);
    totals.costBasis = totals.costBasis.plus(row.costBasis);
    totals.fees = totals.fees.plus(row.fees);
    totals.gain = totals.gain.plus(row.gain);
    if (row.term === HoldingTerm.LONG) totals.longTermGain = totals.longTermGain.plus(row.gain);
    else totals.shortTermGain = totals.shortTermGain.plus(row.gain);
  }
  return totals;
}
