/**
 * StockX API v2: every path, response shape, field map and status table of the adapter. Items
 * PROVIDERS.md marks uncertain carry "(?)": when the real API disagrees, the fix is here.
 */
import { z } from 'zod';
import { Dec } from '../../../../common/money';
import { UnifiedListingStatus } from '../../status/unified-listing-status';
import { lookupStatus, UnifiedOrderStatus, type StatusTable } from '../../status/unified-order-status';
import {
  dateOrNull,
  ListingOperationStatus,
  moneyString,
  type CatalogProduct,
  type DecimalString,
  type ListingOperation,
  type NormalizedListing,
  type NormalizedOrder,
} from '../provider';

export const STOCKX = 'stockx';
export const STOCKX_BASE_URL = 'https://api.stockx.com/v2';
export const STOCKX_AUTH_BASE_URL = 'https://accounts.stockx.com';

const id = (value: string) => encodeURIComponent(value);

/** Endpoints, relative to the base URL. */
export const STOCKX_PATHS = {
  catalogSearch: 'catalog/search',
  variants: (productId: string) => `catalog/products/${id(productId)}/variants`,
  marketData: (productId: string, variantId: string) => `catalog/products/${id(productId)}/variants/${id(variantId)}/market-data`,
  listings: 'selling/listings',
  listing: (listingId: string) => `selling/listings/${id(listingId)}`,
  activate: (listingId: string) => `selling/listings/${id(listingId)}/activate`,
  deactivate: (listingId: string) => `selling/listings/${id(listingId)}/deactivate`,
  /** (?) PROVIDERS.md is unsure of the operation path. */
  operation: (listingId: string, operationId: string) => `selling/listings/${id(listingId)}/operations/${id(operationId)}`,
  ordersActive: 'selling/orders/active',
  /** (?) PROVIDERS.md is unsure of the history path. */
  ordersHistory: 'selling/orders/history',
  token: 'oauth/token',
} as const;

/** Page size of orders and listings (the API accepts 1–100). */
export const STOCKX_PAGE_SIZE = 100;

/** (?) Format of `fromDate`/`toDate` on order history: calendar dates. */
export const stockxHistoryDate = (at: Date): string => at.toISOString().slice(0, 10);

// ---- response shapes ----------------------------------------------------------------------

const amount = z.union([z.string(), z.number()]).nullish();

const product = z
  .object({
    productId: z.string(),
    urlKey: z.string().nullish(),
    styleId: z.string().nullish(),
    productType: z.string().nullish(),
    title: z.string(),
    brand: z.string().nullish(),
    productAttributes: z
      .object({ gender: z.string().nullish(), releaseDate: z.string().nullish(), retailPrice: amount, colorway: z.string().nullish() })
      .partial()
      .nullish(),
  })
  .passthrough();

export const stockxSearchResponse = z.object({
  count: z.number().nullish(),
  pageSize: z.number().nullish(),
  pageNumber: z.number().nullish(),
  hasNextPage: z.boolean(),
  products: z.array(product),
});

export const stockxVariantsResponse = z.array(
  z.object({ variantId: z.string(), variantValue: z.string().nullish(), gtins: z.array(z.unknown()).nullish() }).passthrough(),
);

export const stockxMarketDataResponse = z
  .object({
    lowestAskAmount: amount,
    highestBidAmount: amount,
    sellFasterAmount: amount,
    earnMoreAmount: amount,
    flexLowestAskAmount: amount,
  })
  .passthrough();

export const stockxOperationResponse = z
  .object({
    listingId: z.string(),
    operationId: z.string(),
    operationType: z.string().nullish(),
    operationStatus: z.string(),
    error: z.unknown().nullish(),
  })
  .passthrough();

const orderProduct = z.object({ productId: z.string().nullish(), productName: z.string().nullish(), styleId: z.string().nullish() }).passthrough();
const orderVariant = z.object({ variantId: z.string().nullish(), variantName: z.string().nullish(), variantValue: z.string().nullish() }).passthrough();

const order = z
  .object({
    orderNumber: z.string(),
    listingId: z.string().nullish(),
    askId: z.string().nullish(),
    status: z.string(),
    amount,
    currencyCode: z.string(),
    createdAt: z.string(),
    updatedAt: z.string().nullish(),
    product: orderProduct.nullish(),
    variant: orderVariant.nullish(),
    payout: z
      .object({
        totalPayout: amount,
        salePrice: amount,
        currencyCode: z.string().nullish(),
        adjustments: z.array(z.object({ adjustmentType: z.string(), amount, percentage: amount }).passthrough()).nullish(),
      })
      .passthrough()
      .nullish(),
  })
  .passthrough();
export type StockxOrder = z.infer<typeof order>;

export const stockxOrdersResponse = z.object({
  count: z.number().nullish(),
  pageNumber: z.number().nullish(),
  hasNextPage: z.boolean(),
  orders: z.array(order),
});

const listing = z
  .object({
    listingId: z.string(),
    status: z.string(),
    amount,
    currencyCode: z.string().nullish(),
    updatedAt: z.string().nullish(),
    product: orderProduct.nullish(),
    variant: orderVariant.nullish(),
  })
  .passthrough();
export type StockxListing = z.infer<typeof listing>;

export const stockxListingsResponse = z.object({ hasNextPage: z.boolean(), listings: z.array(listing) });

// ---- status tables ------------------------------------------------------------------------

/** Active and history order statuses → unified. */
export const STOCKX_ORDER_STATUS: StatusTable = {
  // active
  CREATED: UnifiedOrderStatus.CONFIRMED,
  /** The buyer's card failed to authorize; StockX retries or cancels — not a sale yet. */
  CCAUTHORIZATIONFAILED: UnifiedOrderStatus.PENDING,
  SHIPPED: UnifiedOrderStatus.SHIPPED,
  RECEIVED: UnifiedOrderStatus.AUTHENTICATING,
  AUTHENTICATING: UnifiedOrderStatus.AUTHENTICATING,
  AUTHENTICATED: UnifiedOrderStatus.AUTHENTICATED,
  PAYOUTPENDING: UnifiedOrderStatus.AUTHENTICATED,
  PAYOUTCOMPLETED: UnifiedOrderStatus.COMPLETED,
  SYSTEMFULFILLED: UnifiedOrderStatus.COMPLETED,
  /** Sold and authenticated; only the payout bounced (seller fixes payout details). */
  PAYOUTFAILED: UnifiedOrderStatus.AUTHENTICATED,
  SUSPENDED: UnifiedOrderStatus.PENDING,
  // history
  /** Failed authentication: the pair goes back to the seller. */
  AUTHFAILED: UnifiedOrderStatus.RETURNED,
  DIDNOTSHIP: UnifiedOrderStatus.CANCELLED,
  CANCELED: UnifiedOrderStatus.CANCELLED,
  COMPLETED: UnifiedOrderStatus.COMPLETED,
  RETURNED: UnifiedOrderStatus.RETURNED,
};

/** (?) Listing statuses → unified. */
export const STOCKX_LISTING_STATUS: StatusTable<UnifiedListingStatus> = {
  ACTIVE: UnifiedListingStatus.ACTIVE,
  INACTIVE: UnifiedListingStatus.INACTIVE,
  PENDING: UnifiedListingStatus.PENDING,
  MATCHED: UnifiedListingStatus.SOLD,
  COMPLETED: UnifiedListingStatus.SOLD,
  CANCELED: UnifiedListingStatus.DELETED,
  DELETED: UnifiedListingStatus.DELETED,
};

/** Operation statuses; anything else is still in flight. */
export const STOCKX_OPERATION_STATUS: StatusTable<ListingOperationStatus> = {
  PENDING: ListingOperationStatus.PENDING,
  SUCCEEDED: ListingOperationStatus.SUCCEEDED,
  FAILED: ListingOperationStatus.FAILED,
};

// ---- field maps ---------------------------------------------------------------------------

/** (?) Payout adjustment types → our fee columns, matched by name. */
export const STOCKX_ADJUSTMENTS: ReadonlyArray<{ pattern: RegExp; field: 'sellerFee' | 'processingFee' | 'shippingCost' }> = [
  { pattern: /transaction|seller fee/i, field: 'sellerFee' },
  { pattern: /payment|processing|proc\./i, field: 'processingFee' },
  { pattern: /shipping/i, field: 'shippingCost' },
];

function fees(payout: StockxOrder['payout']): Record<'sellerFee' | 'processingFee' | 'shippingCost', DecimalString | null> {
  const out: Record<'sellerFee' | 'processingFee' | 'shippingCost', DecimalString | null> = { sellerFee: null, processingFee: null, shippingCost: null };
  for (const adjustment of payout?.adjustments ?? []) {
    const rule = STOCKX_ADJUSTMENTS.find((r) => r.pattern.test(adjustment.adjustmentType));
    const value = moneyString(adjustment.amount);
    // Adjustments are reported as deductions (sometimes negative); fees are stored positive.
    if (rule && value !== null) out[rule.field] = value.replace(/^-/, '');
  }
  return out;
}

export function stockxOrder(o: StockxOrder): NormalizedOrder {
  return {
    platform: STOCKX,
    externalOrderNumber: o.orderNumber,
    rawStatus: o.status,
    unifiedStatus: lookupStatus(STOCKX_ORDER_STATUS, o.status),
    currency: o.currencyCode,
    salePrice: moneyString(o.payout?.salePrice ?? o.amount),
    ...fees(o.payout),
    netProceeds: moneyString(o.payout?.totalPayout),
    orderedAt: new Date(o.createdAt),
    updatedAt: dateOrNull(o.updatedAt),
    items: [
      {
        externalItemId: o.askId ?? o.listingId ?? o.orderNumber,
        title: o.product?.productName ?? null,
        sku: o.product?.styleId ?? null,
        quantity: 1,
        unitPrice: moneyString(o.amount),
        externalProductId: o.product?.productId ?? null,
        externalVariantId: o.variant?.variantId ?? null,
        sizeKey: o.variant?.variantValue ?? null,
      },
    ],
    raw: o,
  };
}

export function stockxListing(l: StockxListing, fallbackCurrency: string): NormalizedListing {
  return {
    platform: STOCKX,
    externalListingId: l.listingId,
    externalProductId: l.product?.productId ?? null,
    externalVariantId: l.variant?.variantId ?? null,
    sku: l.product?.styleId ?? null,
    sizeKey: l.variant?.variantValue ?? null,
    rawStatus: l.status,
    status: lookupStatus(STOCKX_LISTING_STATUS, l.status),
    amount: moneyString(l.amount),
    currency: l.currencyCode ?? fallbackCurrency,
    quantity: 1,
    updatedAt: dateOrNull(l.updatedAt),
    raw: l,
  };
}

export function stockxCatalogProduct(p: z.infer<typeof product>, currency: string): CatalogProduct {
  const retail = moneyString(p.productAttributes?.retailPrice);
  return {
    externalProductId: p.productId,
    sku: p.styleId ?? null,
    title: p.title,
    brand: p.brand ?? null,
    productType: p.productType ?? null,
    colorway: p.productAttributes?.colorway ?? null,
    releaseDate: p.productAttributes?.releaseDate ?? null,
    retailPrice: retail,
    currency: retail === null ? null : currency,
    raw: p,
  };
}

export function stockxOperation(
  op: z.infer<typeof stockxOperationResponse>,
  operationType: ListingOperation['operationType'],
): ListingOperation {
  const status = lookupStatus(STOCKX_OPERATION_STATUS, op.operationStatus) ?? ListingOperationStatus.PENDING;
  const error = op.error === null || op.error === undefined ? null : typeof op.error === 'string' ? op.error : JSON.stringify(op.error);
  return { platform: STOCKX, operationType, status, externalListingId: op.listingId, operationId: op.operationId, error, raw: op };
}

/** Whether a StockX `variantValue` ("10.5", "10.5W") is our size key. */
export function stockxSizeMatches(variantValue: string | null | undefined, sizeKey: string): boolean {
  if (!variantValue) return false;
  const a = variantValue.trim().toUpperCase();
  const b = sizeKey.trim().toUpperCase();
  return a === b || (Number.isFinite(Number(a)) && Number(a) === Number(b));
}

/** Amount as StockX takes it: a plain decimal string without trailing zeros ("170", "170.5"). */
export const stockxAmount = (amountValue: DecimalString): string => new Dec(amountValue).toDecimalPlaces(2).toString();
