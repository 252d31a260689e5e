import type Decimal from 'decimal.js';

/** A calendar date, "YYYY-MM-DD", in the account's time zone: tax holding periods count days, not instants. */
export type LocalDate = string;

/** How sales are matched to purchase lots. */
export enum CostBasisMethodKind {
  /** First in, first out: the oldest lot of the same asset is sold first (the IRS default). */
  FIFO = 'FIFO',
  /** Specific identification: each sale names its lot; sales that name none fall back to FIFO. */
  SPECIFIC = 'SPECIFIC',
}

/** Short term (held one year or less) or long term (held more than one year). */
export enum HoldingTerm {
  SHORT = 'SHORT',
  LONG = 'LONG',
}

/** A purchase: `quantity` units of one asset bought on one day at one unit cost. */
export interface TaxLot {
  id: string;
  /** What was bought (a variant id, a SKU): FIFO only matches a sale to lots of the same asset. */
  assetKey: string;
  acquiredOn: LocalDate;
  /** Whole units, at least 1. */
  quantity: number;
  /** Cost of one unit; may carry sub-cent precision (a case of 3 for 100.00 is 33.3333… each). */
  unitCost: Decimal;
}

/** A completed sale: `quantity` units of one asset sold on one day; proceeds and fees are totals for the sale. */
export interface TaxSale {
  id: string;
  assetKey: string;
  soldOn: LocalDate;
  quantity: number;
  /** Gross proceeds (the sale price) for all units of the sale. */
  proceeds: Decimal;
  /** Selling fees and shipping for all units of the sale. */
  fees: Decimal;
  /** SPECIFIC: the lot the units come from. */
  lotId?: string | null;
  /** Shown in the report's description column (product name, size). */
  description?: string | null;
}

/** One line of the tax report: the part of a sale matched to one lot. */
export interface TaxReportRow {
  saleId: string;
  lotId: string;
  description: string;
  quantity: number;
  acquiredOn: LocalDate;
  soldOn: LocalDate;
  /** This row's share of the sale's proceeds (shares add up to the sale's proceeds exactly). */
  proceeds: Decimal;
  /** quantity × unit cost (a lot's rows add up to its total cost exactly). */
  costBasis: Decimal;
  /** This row's share of the sale's fees. */
  fees: Decimal;
  /** proceeds − fees − costBasis. */
  gain: Decimal;
  term: HoldingTerm;
}

/** Why (part of) a sale could not be matched; those units are left out of the rows and totals. */
export enum TaxMatchProblemCode {
  /** Not enough units of the asset were bought on or before the sale date. */
  INSUFFICIENT_LOTS = 'INSUFFICIENT_LOTS',
  /** SPECIFIC: the named lot does not exist or is of another asset. */
  UNKNOWN_LOT = 'UNKNOWN_LOT',
  /** SPECIFIC: the named lot has fewer units left than the sale needs. */
  LOT_EXHAUSTED = 'LOT_EXHAUSTED',
  /** SPECIFIC: the named lot was bought after the sale. */
  LOT_NOT_YET_ACQUIRED = 'LOT_NOT_YET_ACQUIRED',
}

/** A sale (or part of one) the matcher could not cover: data for the report, not an exception. */
export interface TaxMatchProblem {
  saleId: string;
  code: TaxMatchProblemCode;
  /** Units of the sale left unmatched. */
  unmatchedQuantity: number;
  message: string;
}
