import type Decimal from 'decimal.js';
import { convertMoney, type FxQuote } from '../../../common/fx';
import { Dec, roundMoney } from '../../../common/money';
import { computeSellerFees, type FeeSchedule } from '../../catalog';
import { computeProfit } from '../pricing/profit';

/** Inputs of {@link computeOrderAmounts}; amounts in the order currency unless named base. */
export interface OrderAmountsInput {
  /** Null when the platform did not report a price: every derived amount is then null too. */
  salePrice: Decimal | null;
  schedule: FeeSchedule;
  shippingCost?: Decimal | null;
  /** Fee lines the platform reported; a missing line is computed from the schedule. */
  reported?: { sellerFee?: Decimal | null; processingFee?: Decimal | null; netProceeds?: Decimal | null };
  /** Cost basis in the order currency; null when unknown (no profit then). */
  costBasis?: Decimal | null;
  /** Cost basis in the base currency, when it was converted from its own currency rather than from the order's. */
  baseCostBasis?: Decimal | null;
  currency: string;
  baseCurrency: string;
  /** Order currency ↔ base currency quote; not needed when they are equal. Without one, base amounts are null. */
  fx?: FxQuote | null;
}

/** Every stored amount of an order. Lines are whole cents; totals are exact sums of lines. */
export interface OrderAmountColumns {
  salePrice: Decimal | null;
  sellerFee: Decimal | null;
  processingFee: Decimal | null;
  fixedFee: Decimal | null;
  shippingCost: Decimal | null;
  netProceeds: Decimal | null;
  costBasis: Decimal | null;
  grossProfit: Decimal | null;
  netProfit: Decimal | null;
  margin: Decimal | null;
  roi: Decimal | null;
  baseSalePrice: Decimal | null;
  baseFees: Decimal | null;
  baseShippingCost: Decimal | null;
  baseNetProceeds: Decimal | null;
  baseCostBasis: Decimal | null;
  baseGrossProfit: Decimal | null;
  baseNetProfit: Decimal | null;
}

/** The stored amounts, and whether a reported payout had to be ignored. */
export interface OrderAmounts {
  columns: OrderAmountColumns;
  /** True when a reported net payout disagreed with the reported fee lines and was recomputed from them. */
  reportedNetIgnored: boolean;
}

const money = (value: Decimal | null | undefined): Decimal | null => (value === null || value === undefined ? null : roundMoney(value));

/**
 * Fees, net proceeds, profit, margin and ROI of an order, in its currency and — converted line by line with
 * one FX quote — in the account's base currency. Reported fee lines win over the schedule; when the platform
 * reports its payout, whatever it withheld beyond the named lines becomes the fixed fee, so the columns always
 * add up to the payout the seller really received.
 */
export function computeOrderAmounts(input: OrderAmountsInput): OrderAmounts {
  const salePrice = money(input.salePrice);
  const costBasis = money(input.costBasis);
  const shippingCost = roundMoney(input.shippingCost ?? 0);
  const convertible = input.currency.toUpperCase() === input.baseCurrency.toUpperCase() || !!input.fx;
  const convert = (amount: Decimal | null) => (amount === null || !convertible ? null : convertMoney(amount, input.currency, input.baseCurrency, input.fx ?? undefined));
  const baseCostBasis = input.baseCostBasis !== undefined && input.baseCostBasis !== null ? roundMoney(input.baseCostBasis) : convert(costBasis);
  if (salePrice === null) {
    const columns: OrderAmountColumns = {
      salePrice, sellerFee: null, processingFee: null, fixedFee: null, shippingCost, netProceeds: null, costBasis, grossProfit: null, netProfit: null,
      margin: null, roi: null, baseSalePrice: null, baseFees: null, baseShippingCost: convert(shippingCost), baseNetProceeds: null, baseCostBasis,
      baseGrossProfit: null, baseNetProfit: null,
    };
    return { columns, reportedNetIgnored: false };
  }

  const computed = computeSellerFees(salePrice, input.schedule);
  const sellerFee = money(input.reported?.sellerFee) ?? computed.sellerFee;
  const processingFee = money(input.reported?.processingFee) ?? computed.paymentProcessingFee;
  let fixedFee = computed.fixedFee;
  let reportedNetIgnored = false;
  const reportedNet = money(input.reported?.netProceeds);
  if (reportedNet !== null) {
    const withheld = salePrice.minus(sellerFee).minus(processingFee).minus(shippingCost).minus(reportedNet);
    if (withheld.isNeg()) reportedNetIgnored = true;
    else fixedFee = withheld;
  }
  const netProceeds = salePrice.minus(sellerFee).minus(processingFee).minus(fixedFee).minus(shippingCost);
  const profit = costBasis === null ? null : computeProfit({ netProceeds, costBasis, salePrice });

  const baseSalePrice = convert(salePrice);
  const baseFees = convertible ? convert(sellerFee)!.plus(convert(processingFee)!).plus(convert(fixedFee)!) : null;
  const baseShippingCost = convert(shippingCost);
  const baseNetProceeds = convertible ? baseSalePrice!.minus(baseFees!).minus(baseShippingCost!) : null;
  const columns: OrderAmountColumns = {
    salePrice,
    sellerFee,
    processingFee,
    fixedFee,
    shippingCost,
    netProceeds,
    costBasis,
    grossProfit: profit?.grossProfit ?? null,
    netProfit: profit?.netProfit ?? null,
    margin: profit?.margin ?? null,
    roi: profit?.roi ?? null,
    baseSalePrice,
    baseFees,
    baseShippingCost,
    baseNetProceeds,
    baseCostBasis,
    baseGrossProfit: baseCostBasis === null || baseSalePrice === null ? null : baseSalePrice.minus(baseCostBasis),
    baseNetProfit: baseCostBasis === null || baseNetProceeds === null ? null : baseNetProceeds.minus(baseCostBasis),
  };
  return { columns, reportedNetIgnored };
}

/** Units of `to` per unit of `from` implied by a quote (1 for the same currency), for display. */
export function impliedRate(from: string, to: string, fx?: FxQuote | null): Decimal {
  if (from.toUpperCase() === to.toUpperCase() || !fx) return new Dec(1);
  const rate = new Dec(fx.rate);
  return (fx.base.toUpperCase() === from.toUpperCase() ? rate : new Dec(1).div(rate)).toDecimalPlaces(8, Dec.ROUND_HALF_EVEN);
}
