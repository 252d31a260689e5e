/**
 * Shopify Admin GraphQL: endpoint, documents, response shapes, field maps and status tables.
 * "(?)" marks choices PROVIDERS.md leaves open.
 */
import { z } from 'zod';
import { UnifiedListingStatus } from '../../status/unified-listing-status';
import { lookupStatus, UnifiedOrderStatus, type StatusTable } from '../../status/unified-order-status';
import { dateOrNull, moneyString, type NormalizedListing, type NormalizedOrder } from '../provider';

export const SHOPIFY = 'shopify';
export const SHOPIFY_API_VERSION = '2025-01';
/** Shop domains we ever call: `<shop>.myshopify.com`, nothing else. */
export const SHOPIFY_SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]{0,60}\.myshopify\.com$/;
export const shopifyGraphqlPath = (apiVersion: string) => `admin/api/${apiVersion}/graphql.json`;

/** Connection page size (Shopify allows up to 250). */
export const SHOPIFY_PAGE_SIZE = 100;

/** The orders search filter of a delta sync. */
export const shopifyUpdatedSince = (since: Date): string => `updated_at:>='${since.toISOString()}'`;

// ---- documents ----------------------------------------------------------------------------

const money = 'shopMoney { amount currencyCode }';

export const SHOP_QUERY = `query Shop { shop { name currencyCode } }`;

export const ORDERS_QUERY = `query Orders($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id name createdAt updatedAt cancelledAt
      displayFinancialStatus displayFulfillmentStatus
      subtotalPriceSet { ${money} }
      totalPriceSet { ${money} }
      lineItems(first: 100) { nodes { id title sku quantity originalUnitPriceSet { ${money} } product { id } variant { id } } }
    }
  }
}`;

export const VARIANTS_QUERY = `query Variants($first: Int!, $after: String) {
  shop { currencyCode }
  productVariants(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id sku price inventoryQuantity updatedAt product { id title status } }
  }
}`;

export const UPDATE_PRICE_MUTATION = `mutation UpdatePrice($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
  productVariantsBulkUpdate(productId: $productId, variants: $variants) {
    productVariants { id price }
    userErrors { field message code }
  }
}`;

// ---- response shapes ----------------------------------------------------------------------

const moneyBag = z.object({ shopMoney: z.object({ amount: z.string(), currencyCode: z.string() }) });
const pageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() });

export const shopifyThrottleStatus = z.object({ maximumAvailable: z.number(), currentlyAvailable: z.number(), restoreRate: z.number() });
export const shopifyCost = z.object({ requestedQueryCost: z.number().nullish(), actualQueryCost: z.number().nullish(), throttleStatus: shopifyThrottleStatus }).passthrough();
export type ShopifyCost = z.infer<typeof shopifyCost>;

const graphqlError = z.object({ message: z.string(), extensions: z.object({ code: z.string().nullish() }).passthrough().nullish() }).passthrough();

/** Any GraphQL answer: data (validated by `data`), errors, and the cost extension. */
export const shopifyEnvelope = <T extends z.ZodTypeAny>(data: T) =>
  z.object({
    data: data.nullish(),
    errors: z.array(graphqlError).nullish(),
    extensions: z.object({ cost: shopifyCost.nullish() }).passthrough().nullish(),
  });

const order = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string().nullish(),
  cancelledAt: z.string().nullish(),
  displayFinancialStatus: z.string().nullish(),
  displayFulfillmentStatus: z.string(),
  subtotalPriceSet: moneyBag.nullish(),
  totalPriceSet: moneyBag,
  lineItems: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        title: z.string().nullish(),
        sku: z.string().nullish(),
        quantity: z.number().int(),
        originalUnitPriceSet: moneyBag.nullish(),
        product: z.object({ id: z.string() }).nullish(),
        variant: z.object({ id: z.string() }).nullish(),
      }),
    ),
  }),
});
export type ShopifyOrder = z.infer<typeof order>;

export const shopifyOrdersData = z.object({ orders: z.object({ pageInfo, nodes: z.array(order) }) });
export const shopifyShopData = z.object({ shop: z.object({ name: z.string(), currencyCode: z.string() }) });

const variant = z.object({
  id: z.string(),
  sku: z.string().nullish(),
  price: z.string(),
  inventoryQuantity: z.number().int().nullish(),
  updatedAt: z.string().nullish(),
  product: z.object({ id: z.string(), title: z.string().nullish(), status: z.string() }),
});
export type ShopifyVariant = z.infer<typeof variant>;

export const shopifyVariantsData = z.object({ shop: z.object({ currencyCode: z.string() }), productVariants: z.object({ pageInfo, nodes: z.array(variant) }) });

export const shopifyUpdatePriceData = z.object({
  productVariantsBulkUpdate: z.object({
    productVariants: z.array(z.object({ id: z.string(), price: z.string() })).nullish(),
    userErrors: z.array(z.object({ field: z.array(z.string()).nullish(), message: z.string(), code: z.string().nullish() })),
  }),
});

// ---- status tables ------------------------------------------------------------------------

/** `displayFulfillmentStatus` → unified, for a paid order. */
export const SHOPIFY_FULFILLMENT_STATUS: StatusTable = {
  UNFULFILLED: UnifiedOrderStatus.CONFIRMED,
  OPEN: UnifiedOrderStatus.CONFIRMED,
  SCHEDULED: UnifiedOrderStatus.CONFIRMED,
  ON_HOLD: UnifiedOrderStatus.CONFIRMED,
  IN_PROGRESS: UnifiedOrderStatus.CONFIRMED,
  PENDING_FULFILLMENT: UnifiedOrderStatus.CONFIRMED,
  REQUEST_DECLINED: UnifiedOrderStatus.CONFIRMED,
  /** (?) Some items shipped: treated as shipped, like eBay IN_PROGRESS and Amazon PartiallyShipped. */
  PARTIALLY_FULFILLED: UnifiedOrderStatus.SHIPPED,
  FULFILLED: UnifiedOrderStatus.SHIPPED,
  RESTOCKED: UnifiedOrderStatus.RETURNED,
};

/** How `displayFinancialStatus` bends the fulfillment status. */
export enum ShopifyPaymentEffect {
  /** Paid (or partly refunded): the fulfillment status decides. */
  FOLLOW_FULFILLMENT = 'FOLLOW_FULFILLMENT',
  /** Not paid yet: an unshipped order is still PENDING. */
  UNPAID = 'UNPAID',
  /** Fully refunded: RETURNED once shipped, otherwise CANCELLED. */
  REFUNDED = 'REFUNDED',
  /** Voided or expired authorization: CANCELLED. */
  VOID = 'VOID',
}

export const SHOPIFY_FINANCIAL_STATUS: StatusTable<ShopifyPaymentEffect> = {
  PAID: ShopifyPaymentEffect.FOLLOW_FULFILLMENT,
  PARTIALLY_REFUNDED: ShopifyPaymentEffect.FOLLOW_FULFILLMENT,
  PENDING: ShopifyPaymentEffect.UNPAID,
  AUTHORIZED: ShopifyPaymentEffect.UNPAID,
  PARTIALLY_PAID: ShopifyPaymentEffect.UNPAID,
  REFUNDED: ShopifyPaymentEffect.REFUNDED,
  VOIDED: ShopifyPaymentEffect.VOID,
  EXPIRED: ShopifyPaymentEffect.VOID,
};

/** Unified status from the two display statuses and `cancelledAt`; null when either status is unknown. */
export function shopifyUnifiedStatus(financial: string | null | undefined, fulfillment: string, cancelled: boolean): UnifiedOrderStatus | null {
  if (cancelled) return UnifiedOrderStatus.CANCELLED;
  const shipped = lookupStatus(SHOPIFY_FULFILLMENT_STATUS, fulfillment);
  // Orders with nothing to pay (gift cards, 100% discounts) have no financial status.
  const effect = financial ? lookupStatus(SHOPIFY_FINANCIAL_STATUS, financial) : ShopifyPaymentEffect.FOLLOW_FULFILLMENT;
  if (shipped === null || effect === null) return null;
  switch (effect) {
    case ShopifyPaymentEffect.VOID:
      return UnifiedOrderStatus.CANCELLED;
    case ShopifyPaymentEffect.REFUNDED:
      return shipped === UnifiedOrderStatus.CONFIRMED ? UnifiedOrderStatus.CANCELLED : UnifiedOrderStatus.RETURNED;
    case ShopifyPaymentEffect.UNPAID:
      return shipped === UnifiedOrderStatus.CONFIRMED ? UnifiedOrderStatus.PENDING : shipped;
    case ShopifyPaymentEffect.FOLLOW_FULFILLMENT:
      return shipped;
  }
}

/** (?) Product status → listing status of each of its variants. */
export const SHOPIFY_LISTING_STATUS: StatusTable<UnifiedListingStatus> = {
  ACTIVE: UnifiedListingStatus.ACTIVE,
  DRAFT: UnifiedListingStatus.INACTIVE,
  ARCHIVED: UnifiedListingStatus.DELETED,
};

// ---- field maps ---------------------------------------------------------------------------

export function shopifyOrder(o: ShopifyOrder): NormalizedOrder {
  const cancelled = !!o.cancelledAt;
  return {
    platform: SHOPIFY,
    externalOrderNumber: o.id,
    rawStatus: [o.displayFinancialStatus ?? 'NONE', o.displayFulfillmentStatus, ...(cancelled ? ['CANCELLED'] : [])].join('/'),
    unifiedStatus: shopifyUnifiedStatus(o.displayFinancialStatus, o.displayFulfillmentStatus, cancelled),
    currency: o.totalPriceSet.shopMoney.currencyCode,
    salePrice: moneyString(o.subtotalPriceSet?.shopMoney.amount ?? o.totalPriceSet.shopMoney.amount),
    // Payment fees live on transactions and payouts, not on the order.
    sellerFee: null,
    processingFee: null,
    shippingCost: null,
    netProceeds: null,
    orderedAt: new Date(o.createdAt),
    updatedAt: dateOrNull(o.updatedAt),
    items: o.lineItems.nodes.map((li) => ({
      externalItemId: li.id,
      title: li.title ?? null,
      sku: li.sku ?? null,
      quantity: li.quantity,
      unitPrice: moneyString(li.originalUnitPriceSet?.shopMoney.amount),
      externalProductId: li.product?.id ?? null,
      externalVariantId: li.variant?.id ?? null,
      sizeKey: null,
    })),
    raw: o,
  };
}

export function shopifyListing(v: ShopifyVariant, currency: string): NormalizedListing {
  return {
    platform: SHOPIFY,
    externalListingId: v.id,
    externalProductId: v.product.id,
    externalVariantId: v.id,
    sku: v.sku ?? null,
    sizeKey: null,
    rawStatus: v.product.status,
    status: lookupStatus(SHOPIFY_LISTING_STATUS, v.product.status),
    amount: moneyString(v.price),
    currency,
    quantity: v.inventoryQuantity ?? null,
    updatedAt: dateOrNull(v.updatedAt),
    raw: v,
  };
}

/** Milliseconds until the bucket holds `needed` points again. */
export function shopifyRefillMs(cost: ShopifyCost, needed: number): number {
  const { currentlyAvailable, restoreRate } = cost.throttleStatus;
  if (currentlyAvailable >= needed || restoreRate <= 0) return 0;
  return Math.ceil(((needed - currentlyAvailable) / restoreRate) * 1000);
}
