/**
 * eBay Sell APIs (Fulfillment getOrders, Inventory bulkUpdatePriceQuantity): paths, shapes, field
 * maps and the status table. "(?)" marks what PROVIDERS.md leaves uncertain.
 */
import { z } from 'zod';
import { Dec } from '../../../../common/money';
import { lookupStatus, UnifiedOrderStatus, type StatusTable } from '../../status/unified-order-status';
import { dateOrNull, moneyString, type NormalizedOrder } from '../provider';

export const EBAY = 'ebay';
export const EBAY_BASE_URL = 'https://api.ebay.com';
export const EBAY_DEFAULT_MARKETPLACE = 'EBAY_US';

export const EBAY_PATHS = {
  orders: 'sell/fulfillment/v1/order',
  bulkUpdatePriceQuantity: 'sell/inventory/v1/bulk_update_price_quantity',
} as const;

/** getOrders page size (eBay allows up to 200). */
export const EBAY_ORDERS_PAGE_SIZE = 100;
/** Offers per bulkUpdatePriceQuantity call. */
export const EBAY_BULK_LIMIT = 25;

/** The getOrders filter for a delta sync ("orders modified since"). */
export const ebayModifiedSinceFilter = (since: Date): string => `lastmodifieddate:[${since.toISOString()}..]`;

/** eBay SKUs are alphanumeric only: "CZ0775-133" is stored as "CZ0775133". */
export const ebaySku = (sku: string): string => sku.replace(/[^A-Za-z0-9]/g, '');

// ---- response shapes ----------------------------------------------------------------------

const amount = z.object({ value: z.string(), currency: z.string() }).passthrough();

const order = z
  .object({
    orderId: z.string(),
    creationDate: z.string(),
    lastModifiedDate: z.string().nullish(),
    orderFulfillmentStatus: z.string(),
    orderPaymentStatus: z.string(),
    cancelStatus: z.object({ cancelState: z.string().nullish() }).passthrough().nullish(),
    pricingSummary: z.object({ priceSubtotal: amount.nullish(), deliveryCost: amount.nullish(), total: amount.nullish() }).passthrough().nullish(),
    /** (?) Present on recent API versions; otherwise fees come from the Finances API. */
    totalMarketplaceFee: amount.nullish(),
    paymentSummary: z.object({ totalDueSeller: amount.nullish() }).passthrough().nullish(),
    lineItems: z.array(
      z
        .object({ lineItemId: z.string(), legacyItemId: z.string().nullish(), title: z.string().nullish(), sku: z.string().nullish(), quantity: z.number().int(), lineItemCost: amount.nullish() })
        .passthrough(),
    ),
  })
  .passthrough();
export type EbayOrder = z.infer<typeof order>;

export const ebayOrdersResponse = z.object({
  total: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
  next: z.string().nullish(),
  orders: z.array(order),
});

export const ebayBulkUpdateResponse = z.object({
  responses: z.array(
    z
      .object({
        offerId: z.string().nullish(),
        sku: z.string().nullish(),
        statusCode: z.number().int(),
        errors: z.array(z.object({ message: z.string().nullish(), longMessage: z.string().nullish() }).passthrough()).nullish(),
      })
      .passthrough(),
  ),
});

// ---- status tables ------------------------------------------------------------------------

export const EBAY_FULFILLMENT_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'FULFILLED'] as const;
export const EBAY_PAYMENT_STATUSES = ['FAILED', 'FULLY_REFUNDED', 'PAID', 'PARTIALLY_REFUNDED', 'PENDING'] as const;

/**
 * (?) `orderFulfillmentStatus|orderPaymentStatus` → unified. eBay never reports delivery or payout
 * here, so orders stop at SHIPPED; a full refund after shipping is a return. IN_PROGRESS means
 * some line items shipped, which we treat as shipped.
 */
export const EBAY_ORDER_STATUS: StatusTable = {
  'NOT_STARTED|PENDING': UnifiedOrderStatus.PENDING,
  'NOT_STARTED|PAID': UnifiedOrderStatus.CONFIRMED,
  'NOT_STARTED|PARTIALLY_REFUNDED': UnifiedOrderStatus.CONFIRMED,
  'NOT_STARTED|FULLY_REFUNDED': UnifiedOrderStatus.CANCELLED,
  'NOT_STARTED|FAILED': UnifiedOrderStatus.CANCELLED,
  'IN_PROGRESS|PENDING': UnifiedOrderStatus.PENDING,
  'IN_PROGRESS|PAID': UnifiedOrderStatus.SHIPPED,
  'IN_PROGRESS|PARTIALLY_REFUNDED': UnifiedOrderStatus.SHIPPED,
  'IN_PROGRESS|FULLY_REFUNDED': UnifiedOrderStatus.RETURNED,
  'IN_PROGRESS|FAILED': UnifiedOrderStatus.CANCELLED,
  'FULFILLED|PENDING': UnifiedOrderStatus.SHIPPED,
  'FULFILLED|PAID': UnifiedOrderStatus.SHIPPED,
  'FULFILLED|PARTIALLY_REFUNDED': UnifiedOrderStatus.SHIPPED,
  'FULFILLED|FULLY_REFUNDED': UnifiedOrderStatus.RETURNED,
  'FULFILLED|FAILED': UnifiedOrderStatus.CANCELLED,
};

/** `cancelStatus.cancelState` that overrides the table. */
export const EBAY_CANCELLED_STATE = 'CANCELED';

/** Unified status of an eBay order from its two status fields and its cancel state. */
export function ebayUnifiedStatus(fulfillment: string, payment: string, cancelState?: string | null): UnifiedOrderStatus | null {
  if (cancelState === EBAY_CANCELLED_STATE) return UnifiedOrderStatus.CANCELLED;
  return lookupStatus(EBAY_ORDER_STATUS, `${fulfillment}|${payment}`);
}

// ---- field maps ---------------------------------------------------------------------------

export function ebayOrder(o: EbayOrder): NormalizedOrder {
  const cancelState = o.cancelStatus?.cancelState ?? null;
  const currency = o.pricingSummary?.total?.currency ?? o.pricingSummary?.priceSubtotal?.currency ?? o.lineItems[0]?.lineItemCost?.currency ?? 'USD';
  return {
    platform: EBAY,
    externalOrderNumber: o.orderId,
    rawStatus: [o.orderFulfillmentStatus, o.orderPaymentStatus, ...(cancelState && cancelState !== 'NONE_REQUESTED' ? [cancelState] : [])].join('/'),
    unifiedStatus: ebayUnifiedStatus(o.orderFulfillmentStatus, o.orderPaymentStatus, cancelState),
    currency,
    salePrice: moneyString(o.pricingSummary?.priceSubtotal?.value),
    sellerFee: moneyString(o.totalMarketplaceFee?.value),
    // Since managed payments, processing is part of eBay's final value fee.
    processingFee: null,
    shippingCost: null,
    netProceeds: moneyString(o.paymentSummary?.totalDueSeller?.value),
    orderedAt: new Date(o.creationDate),
    updatedAt: dateOrNull(o.lastModifiedDate),
    items: o.lineItems.map((li) => ({
      externalItemId: li.lineItemId,
      title: li.title ?? null,
      sku: li.sku ?? null,
      quantity: li.quantity,
      // lineItemCost is the line total; the unit price is exact only after dividing by the quantity.
      unitPrice: li.lineItemCost ? moneyString(new Dec(li.lineItemCost.value).div(Math.max(1, li.quantity))) : null,
      externalProductId: li.legacyItemId ?? null,
      externalVariantId: null,
      sizeKey: null,
    })),
    raw: o,
  };
}
