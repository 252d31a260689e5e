/**
 * Flipkart Marketplace Seller API (v3 shipments): paths, filter phases, shapes, field maps and the
 * order-item status table. Only the status vocabulary and INR are documented in PROVIDERS.md;
 * everything marked "(?)" follows the public v3 reference as best known and is fixed here.
 */
import { z } from 'zod';
import { Dec } from '../../../../common/money';
import { lookupStatus, UnifiedOrderStatus, type StatusTable } from '../../status/unified-order-status';
import { moneyString, type NormalizedOrder } from '../provider';

export const FLIPKART = 'flipkart';
export const FLIPKART_BASE_URL = 'https://api.flipkart.net/sellers';
export const FLIPKART_CURRENCY = 'INR';

export const FLIPKART_PATHS = {
  /** (?) Searching shipments takes a filter body; later pages are GETs of `nextPageUrl`. */
  shipmentsFilter: 'v3/shipments/filter',
} as const;

export const FLIPKART_PAGE_SIZE = 20;

/** Every documented order-item status. */
export const FLIPKART_ORDER_ITEM_STATUSES = [
  'APPROVED',
  'PACKING_IN_PROGRESS',
  'FORM_FAILED',
  'PACKED',
  'READY_TO_DISPATCH',
  'PICKUP_COMPLETE',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
  'RETURN_REQUESTED',
  'RETURNED',
] as const;

/**
 * (?) The filter endpoint searches one shipment type at a time; a full sync walks these phases in
 * order. Together they cover every documented status.
 */
export const FLIPKART_FILTER_PHASES: ReadonlyArray<{ type: string; states: readonly string[] }> = [
  { type: 'preDispatch', states: ['APPROVED', 'PACKING_IN_PROGRESS', 'FORM_FAILED', 'PACKED', 'READY_TO_DISPATCH'] },
  { type: 'postDispatch', states: ['PICKUP_COMPLETE', 'SHIPPED', 'DELIVERED', 'COMPLETED'] },
  { type: 'cancelled', states: ['CANCELLED', 'RETURN_REQUESTED', 'RETURNED'] },
];

/** (?) The delta filter: items modified in [since, until]. */
export const flipkartModifiedFilter = (since: Date, until: Date) => ({ modifiedDate: { from: since.toISOString(), to: until.toISOString() } });

// ---- response shapes ----------------------------------------------------------------------

const amount = z.union([z.number(), z.string()]).nullish();

const orderItem = z
  .object({
    orderItemId: z.string(),
    orderId: z.string(),
    status: z.string(),
    orderDate: z.string(),
    quantity: z.number().int().positive(),
    sku: z.string().nullish(),
    title: z.string().nullish(),
    fsn: z.string().nullish(),
    listingId: z.string().nullish(),
    priceComponents: z
      .object({ sellingPrice: amount, totalPrice: amount, shippingCharge: amount, customerPrice: amount, flipkartDiscount: amount })
      .passthrough()
      .nullish(),
    updatedAt: z.string().nullish(),
  })
  .passthrough();
export type FlipkartOrderItem = z.infer<typeof orderItem>;

export const flipkartShipmentsResponse = z.object({
  hasMore: z.boolean(),
  nextPageUrl: z.string().nullish(),
  shipments: z.array(z.object({ shipmentId: z.string().nullish(), orderItems: z.array(orderItem) }).passthrough()),
});

// ---- status table -------------------------------------------------------------------------

export const FLIPKART_ORDER_STATUS: StatusTable = {
  APPROVED: UnifiedOrderStatus.CONFIRMED,
  PACKING_IN_PROGRESS: UnifiedOrderStatus.CONFIRMED,
  /** Invoice/form generation failed before dispatch; the seller fixes it and ships. */
  FORM_FAILED: UnifiedOrderStatus.CONFIRMED,
  PACKED: UnifiedOrderStatus.CONFIRMED,
  READY_TO_DISPATCH: UnifiedOrderStatus.CONFIRMED,
  PICKUP_COMPLETE: UnifiedOrderStatus.SHIPPED,
  SHIPPED: UnifiedOrderStatus.SHIPPED,
  DELIVERED: UnifiedOrderStatus.DELIVERED,
  COMPLETED: UnifiedOrderStatus.COMPLETED,
  CANCELLED: UnifiedOrderStatus.CANCELLED,
  /** Delivered, return asked for but not back yet: still delivered until RETURNED. */
  RETURN_REQUESTED: UnifiedOrderStatus.DELIVERED,
  RETURNED: UnifiedOrderStatus.RETURNED,
};

// ---- field maps ---------------------------------------------------------------------------

/**
 * One Flipkart order item → one normalized order. Flipkart tracks status, shipment and settlement
 * per order item (items of one order ship, cancel and return separately and arrive in different
 * filter phases), so the item is the unit of sale; the Flipkart order id stays in `raw`.
 */
export function flipkartOrder(item: FlipkartOrderItem): NormalizedOrder {
  const sellingPrice = moneyString(item.priceComponents?.sellingPrice);
  return {
    platform: FLIPKART,
    externalOrderNumber: item.orderItemId,
    rawStatus: item.status,
    unifiedStatus: lookupStatus(FLIPKART_ORDER_STATUS, item.status),
    currency: FLIPKART_CURRENCY,
    salePrice: sellingPrice,
    // Commission and fees come with settlements, not with orders.
    sellerFee: null,
    processingFee: null,
    shippingCost: null,
    netProceeds: null,
    orderedAt: new Date(item.orderDate),
    updatedAt: item.updatedAt ? new Date(item.updatedAt) : null,
    items: [
      {
        externalItemId: item.orderItemId,
        title: item.title ?? null,
        sku: item.sku ?? null,
        quantity: item.quantity,
        // (?) sellingPrice covers the whole quantity.
        unitPrice: sellingPrice === null ? null : moneyString(new Dec(sellingPrice).div(item.quantity)),
        externalProductId: item.fsn ?? null,
        externalVariantId: item.listingId ?? null,
        sizeKey: null,
      },
    ],
    raw: item,
  };
}
