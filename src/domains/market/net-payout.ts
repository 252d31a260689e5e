import type Decimal from 'decimal.js';
import { Dec } from '../../common/money';
import { computeSellerFees, type FeeSchedule } from '../catalog';

/** What a seller keeps from one sale at a market price, line by line. */
export interface NetPayout {
  price: Decimal;
  /** max(sellerFeeRate × price, minimumFee). */
  sellerFee: Decimal;
  /** paymentProcessingRate × price. */
  processingFee: Decimal;
  fixedFee: Decimal;
  totalFees: Decimal;
  /** price − totalFees; negative when the fees exceed a cheap price. */
  net: Decimal;
  /** True when the minimum fee, not the rate, set the seller fee. */
  minimumFeeApplied: boolean;
}

/**
 * Net payout of a sale at `price`: price − max(sellerFeeRate × price, minimumFee) − paymentProcessingRate × price − fixedFee.
 * The fee lines are the catalog's (shared with selling): each rounded half-even to the cent on its own, so the net is exact.
 */
export function computeNetPayout(price: Decimal.Value, schedule: FeeSchedule): NetPayout {
  const amount = new Dec(price);
  const fees = computeSellerFees(amount, schedule);
  return {
    price: amount,
    sellerFee: fees.sellerFee,
    processingFee: fees.paymentProcessingFee,
    fixedFee: fees.fixedFee,
    totalFees: fees.total,
    net: amount.minus(fees.total),
    minimumFeeApplied: fees.minimumFeeApplied,
  };
}
