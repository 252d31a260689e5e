/**
 * Amazon Selling Partner API (Orders v0): paths, shapes, field maps and the order status table.
 * PROVIDERS.md documents only the status vocabulary; the rest follows the public SP-API
 * reference and is marked "(?)" where an integrator should double-check it.
 */
import { z } from 'zod';
import { Dec } from '../../../../common/money';
import { lookupStatus, UnifiedOrderStatus, type StatusTable } from '../../status/unified-order-status';
import { dateOrNull, moneyString, type NormalizedOrder } from '../provider';

export const AMAZON = 'amazon';
/** North America endpoint; Europe and Far East have their own hosts (configure `baseUrl`). */
export const AMAZON_BASE_URL = 'https://sellingpartnerapi-na.amazon.com';
export const AMAZON_DEFAULT_MARKETPLACE = 'ATVPDKIKX0DER';

export const AMAZON_PATHS = {
  orders: 'orders/v0/orders',
  orderItems: (orderId: string) => `orders/v0/orders/${encodeURIComponent(orderId)}/orderItems`,
} as const;

export const AMAZON_PAGE_SIZE = 100;
/** (?) getOrders needs a lower bound; the first sync reads this far back. */
export const AMAZON_FIRST_SYNC_DAYS = 30;

// ---- response shapes ----------------------------------------------------------------------

const money = z.object({ CurrencyCode: z.string(), Amount: z.string() }).passthrough();

const order = z
  .object({
    AmazonOrderId: z.string(),
    PurchaseDate: z.string(),
    LastUpdateDate: z.string().nullish(),
    OrderStatus: z.string(),
    OrderTotal: money.nullish(),
    MarketplaceId: z.string().nullish(),
  })
  .passthrough();
export type AmazonOrder = z.infer<typeof order>;

export const amazonOrdersResponse = z.object({
  payload: z.object({ Orders: z.array(order), NextToken: z.string().nullish() }).passthrough(),
});

const orderItem = z
  .object({
    OrderItemId: z.string(),
    ASIN: z.string().nullish(),
    SellerSKU: z.string().nullish(),
    Title: z.string().nullish(),
    QuantityOrdered: z.number().int().nonnegative(),
    ItemPrice: money.nullish(),
  })
  .passthrough();
export type AmazonOrderItem = z.infer<typeof orderItem>;

export const amazonOrderItemsResponse = z.object({
  payload: z.object({ AmazonOrderId: z.string().nullish(), OrderItems: z.array(orderItem), NextToken: z.string().nullish() }).passthrough(),
});

// ---- status table -------------------------------------------------------------------------

export const AMAZON_ORDER_STATUS: StatusTable = {
  /** Pre-order, not yet available: payment not authorized. */
  PendingAvailability: UnifiedOrderStatus.PENDING,
  Pending: UnifiedOrderStatus.PENDING,
  Unshipped: UnifiedOrderStatus.CONFIRMED,
  /** (?) Some items shipped: treated as shipped, like eBay IN_PROGRESS and Shopify PARTIALLY_FULFILLED. */
  PartiallyShipped: UnifiedOrderStatus.SHIPPED,
  Shipped: UnifiedOrderStatus.SHIPPED,
  /** Shipped; only the invoice confirmation is outstanding (Brazil, India). */
  InvoiceUnconfirmed: UnifiedOrderStatus.SHIPPED,
  Canceled: UnifiedOrderStatus.CANCELLED,
  /** Multi-channel fulfillment could not fulfill it: nothing was sold. */
  Unfulfillable: UnifiedOrderStatus.CANCELLED,
};

// ---- field maps ---------------------------------------------------------------------------

export function amazonOrder(o: AmazonOrder, items: AmazonOrderItem[]): NormalizedOrder {
  const priced = items.filter((i) => i.ItemPrice);
  // ItemPrice is the line total (price × quantity); OrderTotal adds shipping and tax, so it is only a fallback.
  const salePrice = priced.length > 0 ? moneyString(priced.reduce((sum, i) => sum.plus(i.ItemPrice!.Amount), new Dec(0))) : moneyString(o.OrderTotal?.Amount);
  return {
    platform: AMAZON,
    externalOrderNumber: o.AmazonOrderId,
    rawStatus: o.OrderStatus,
    unifiedStatus: lookupStatus(AMAZON_ORDER_STATUS, o.OrderStatus),
    currency: o.OrderTotal?.CurrencyCode ?? priced[0]?.ItemPrice?.CurrencyCode ?? 'USD',
    salePrice,
    // Fees are in the Finances API, not on orders.
    sellerFee: null,
    processingFee: null,
    shippingCost: null,
    netProceeds: null,
    orderedAt: new Date(o.PurchaseDate),
    updatedAt: dateOrNull(o.LastUpdateDate),
    items: items.map((i) => ({
      externalItemId: i.OrderItemId,
      title: i.Title ?? null,
      sku: i.SellerSKU ?? null,
      quantity: i.QuantityOrdered,
      unitPrice: i.ItemPrice && i.QuantityOrdered > 0 ? moneyString(new Dec(i.ItemPrice.Amount).div(i.QuantityOrdered)) : null,
      externalProductId: i.ASIN ?? null,
      externalVariantId: null,
      sizeKey: null,
    })),
    raw: o,
  };
}
