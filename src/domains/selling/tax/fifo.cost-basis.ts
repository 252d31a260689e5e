import type { CostBasisMethod, LotSelection, OpenLot } from './cost-basis-method';
import { CostBasisMethodKind, type TaxSale } from './tax-lot';

/** FIFO: the oldest lots of the asset bought on or before the sale date go first. */
export class FifoCostBasis implements CostBasisMethod {
  readonly kind = CostBasisMethodKind.FIFO;

  select(sale: TaxSale, openLots: readonly OpenLot[]): LotSelection {
    return { lots: openLots.filter((open) => open.lot.acquiredOn <= sale.soldOn) };
  }
}
