import type { CostBasisMethod, LotSelection, OpenLot } from './cost-basis-method';
import { FifoCostBasis } from './fifo.cost-basis';
import { CostBasisMethodKind, TaxMatchProblemCode, type TaxLot, type TaxSale } from './tax-lot';

/**
 * SPECIFIC: each sale names its lot. A sale that names none falls back to FIFO, as the IRS does
 * when units are not adequately identified.
 */
export class SpecificCostBasis implements CostBasisMethod {
  readonly kind = CostBasisMethodKind.SPECIFIC;
  private readonly fallback = new FifoCostBasis();

  /** @param allLots every lot, so a named lot that is already used up can be told from an unknown one */
  constructor(private readonly allLots: readonly TaxLot[]) {}

  select(sale: TaxSale, openLots: readonly OpenLot[]): LotSelection {
    if (!sale.lotId) return this.fallback.select(sale, openLots);
    const named = openLots.find((open) => open.lot.id === sale.lotId);
    if (!named) {
      const known = this.allLots.some((lot) => lot.id === sale.lotId && lot.assetKey === sale.assetKey);
      return known
        ? { problem: TaxMatchProblemCode.LOT_EXHAUSTED, message: `lot ${sale.lotId} has no units left for sale ${sale.id}` }
        : { problem: TaxMatchProblemCode.UNKNOWN_LOT, message: `sale ${sale.id} names lot ${sale.lotId}, which is not a lot of ${sale.assetKey}` };
    }
    if (named.lot.acquiredOn > sale.soldOn) {
      return {
        problem: TaxMatchProblemCode.LOT_NOT_YET_ACQUIRED,
        message: `sale ${sale.id} on ${sale.soldOn} names lot ${named.lot.id}, bought later on ${named.lot.acquiredOn}`,
      };
    }
    return { lots: [named] };
  }
}
