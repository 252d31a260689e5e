import type { CostBasisMethodKind, TaxLot, TaxMatchProblemCode, TaxSale } from './tax-lot';

/** A lot with the units still unsold when a sale is matched. */
export interface OpenLot {
  lot: TaxLot;
  /** Units not yet matched to earlier sales. */
  remaining: number;
}

/** The lots a sale draws from, in order, or why it cannot draw from any. */
export type LotSelection = { lots: OpenLot[] } | { problem: TaxMatchProblemCode; message: string };

/**
 * A cost-basis method picks, for one sale, which open lots it consumes and in what order. The
 * matcher does the rest (splitting across lots, allocation, rounding, holding terms).
 */
export interface CostBasisMethod {
  readonly kind: CostBasisMethodKind;
  /**
   * @param sale the sale being matched (sales are matched in sale-date order)
   * @param openLots every lot of the sale's asset with units left, oldest first, including lots
   *   bought after the sale (a method must not pick those)
   */
  select(sale: TaxSale, openLots: readonly OpenLot[]): LotSelection;
}
