/**
 * Alias (GOAT's seller API): paths, response shapes, field maps and status tables. "(?)" marks
 * what PROVIDERS.md or the public reference leaves uncertain; a wrong guess is fixed here.
 */
import { z } from 'zod';
import { Dec } from '../../../../common/money';
import { UnifiedListingStatus } from '../../status/unified-listing-status';
import { lookupStatus, UnifiedOrderStatus, type StatusTable } from '../../status/unified-order-status';
import { centsToMoneyString, dateOrNull, type CatalogProduct, type NormalizedListing, type NormalizedOrder } from '../provider';

export const ALIAS = 'alias';
export const ALIAS_BASE_URL = 'https://api.alias.org/api/v1/';
/** Alias prices are USD cents. (?) for non-US regions. */
export const ALIAS_CURRENCY = 'USD';

const id = (value: string) => encodeURIComponent(value);

export const ALIAS_PATHS = {
  test: 'test',
  catalog: 'catalog',
  pricing: 'pricing_insights/availability',
  listings: 'listings',
  listing: (listingId: string) => `listings/${id(listingId)}`,
  activate: (listingId: string) => `listings/${id(listingId)}/activate`,
  deactivate: (listingId: string) => `listings/${id(listingId)}/deactivate`,
  orders: 'orders',
} as const;

/** (?) Price updates: integrators use POST /listings/{id}?price_cents=… rather than PATCH. */
export const ALIAS_UPDATE_METHOD = 'POST' as const;

/** Page size of listings and orders (Alias allows up to 50). */
export const ALIAS_PAGE_SIZE = 50;

/** Variation priced by market data and used for new listings. */
export const ALIAS_DEFAULT_VARIATION = {
  product_condition: 'PRODUCT_CONDITION_NEW',
  packaging_condition: 'PACKAGING_CONDITION_GOOD_CONDITION',
  listing_condition: 'CONDITION_NEW',
  size_unit: 'SIZE_UNIT_US',
  /** (?) Unconsigned asks are what a reseller competes with. */
  consigned: false,
} as const;

/**
 * (?) Orders cannot be filtered by date and come newest first: a delta sync stops at a page whose
 * orders were all sold this long before `since` (older orders are settled and no longer change).
 */
export const ALIAS_ORDER_SETTLE_DAYS = 45;

// ---- response shapes ----------------------------------------------------------------------

const cents = z.union([z.string(), z.number()]).nullish();

/**
 * Alias pages differently per endpoint (top-level `next_pagination_token`/`has_more` on catalog,
 * `pagination.{pagination_token,has_more}` on listings, `pagination.next_page_token` on orders).
 */
const paging = {
  next_pagination_token: z.string().nullish(),
  has_more: z.boolean().nullish(),
  pagination: z
    .object({ pagination_token: z.string().nullish(), next_page_token: z.string().nullish(), has_more: z.boolean().nullish() })
    .passthrough()
    .nullish(),
};

/** The next page token of any Alias list response, or null on the last page. */
export function aliasNextToken(body: { next_pagination_token?: string | null; has_more?: boolean | null; pagination?: { pagination_token?: string | null; next_page_token?: string | null; has_more?: boolean | null } | null }): string | null {
  const token = body.next_pagination_token || body.pagination?.pagination_token || body.pagination?.next_page_token || null;
  const hasMore = body.has_more ?? body.pagination?.has_more ?? token !== null;
  return hasMore && token ? token : null;
}

const catalogItem = z
  .object({
    catalog_id: z.string(),
    name: z.string(),
    sku: z.string().nullish(),
    brand: z.string().nullish(),
    release_date: z.string().nullish(),
    product_type: z.string().nullish(),
    colorway: z.string().nullish(),
    retail_price_cents: cents,
    minimum_listing_price_cents: cents,
    maximum_listing_price_cents: cents,
  })
  .passthrough();

export const aliasCatalogResponse = z.object({ catalog_items: z.array(catalogItem), ...paging });

export const aliasPricingResponse = z.object({
  availability: z
    .object({ lowest_listing_price_cents: cents, highest_offer_price_cents: cents, last_sold_listing_price_cents: cents, global_indicator_price_cents: cents })
    .passthrough(),
});

const listing = z
  .object({
    id: z.string(),
    catalog_id: z.string().nullish(),
    sku: z.string().nullish(),
    size: z.union([z.number(), z.string()]).nullish(),
    status: z.string(),
    price_cents: cents,
    updated_at: z.string().nullish(),
  })
  .passthrough();
export type AliasListing = z.infer<typeof listing>;

export const aliasListingsResponse = z.object({ listings: z.array(listing), ...paging });
export const aliasListingResponse = z.object({ listing }).passthrough();

const order = z
  .object({
    id: z.string(),
    status: z.string(),
    fulfillment_status: z.string().nullish(),
    catalog_id: z.string().nullish(),
    catalog_name: z.string().nullish(),
    catalog_sku: z.string().nullish(),
    size: z.union([z.number(), z.string()]).nullish(),
    price_cents: cents,
    price_cents_after_take: cents,
    sales_channel: z.string().nullish(),
    listing_id: z.string().nullish(),
    sold_at: z.string(),
    updated_at: z.string().nullish(),
  })
  .passthrough();
export type AliasOrder = z.infer<typeof order>;

/** (?) Orders arrive under `orders` (some references say `results`); both are accepted. */
export const aliasOrdersResponse = z
  .object({ orders: z.array(order).nullish(), results: z.array(order).nullish(), ...paging })
  .transform(({ orders, results, ...rest }) => ({ ...rest, orders: orders ?? results ?? [] }));

// ---- status tables ------------------------------------------------------------------------

/** (?) Order statuses seen in the public reference; others (an unconfirmed state exists) map to null. */
export const ALIAS_ORDER_STATUS: StatusTable = {
  ORDER_STATUS_CONFIRMED: UnifiedOrderStatus.CONFIRMED,
  ORDER_STATUS_LABEL_GENERATED: UnifiedOrderStatus.CONFIRMED,
  /** Shipped by the seller, on its way to GOAT's authentication. */
  ORDER_STATUS_IN_TRANSIT: UnifiedOrderStatus.SHIPPED,
  ORDER_STATUS_COMPLETED: UnifiedOrderStatus.COMPLETED,
  ORDER_STATUS_CANCELED: UnifiedOrderStatus.CANCELLED,
};

export const ALIAS_LISTING_STATUS: StatusTable<UnifiedListingStatus> = {
  LISTING_STATUS_ACTIVE: UnifiedListingStatus.ACTIVE,
  LISTING_STATUS_INACTIVE: UnifiedListingStatus.INACTIVE,
  LISTING_STATUS_PENDING: UnifiedListingStatus.PENDING,
  LISTING_STATUS_DELETED: UnifiedListingStatus.DELETED,
};

// ---- field maps ---------------------------------------------------------------------------

const sizeKeyOf = (size: number | string | null | undefined) => (size === null || size === undefined ? null : String(size));

export function aliasOrder(o: AliasOrder): NormalizedOrder {
  const salePrice = centsToMoneyString(o.price_cents);
  const netProceeds = centsToMoneyString(o.price_cents_after_take);
  // Alias reports one figure after its take (commission + cash-out), so the whole difference is the seller fee.
  const sellerFee = salePrice !== null && netProceeds !== null ? new Dec(salePrice).minus(netProceeds).toFixed(2) : null;
  return {
    platform: ALIAS,
    externalOrderNumber: o.id,
    rawStatus: o.status,
    unifiedStatus: lookupStatus(ALIAS_ORDER_STATUS, o.status),
    currency: ALIAS_CURRENCY,
    salePrice,
    sellerFee,
    processingFee: null,
    shippingCost: null,
    netProceeds,
    orderedAt: new Date(o.sold_at),
    updatedAt: dateOrNull(o.updated_at),
    items: [
      {
        externalItemId: o.listing_id ?? o.id,
        title: o.catalog_name ?? null,
        sku: o.catalog_sku ?? null,
        quantity: 1,
        unitPrice: salePrice,
        externalProductId: o.catalog_id ?? null,
        externalVariantId: null,
        sizeKey: sizeKeyOf(o.size),
      },
    ],
    raw: o,
  };
}

export function aliasListing(l: AliasListing): NormalizedListing {
  return {
    platform: ALIAS,
    externalListingId: l.id,
    externalProductId: l.catalog_id ?? null,
    externalVariantId: null,
    sku: l.sku ?? null,
    sizeKey: sizeKeyOf(l.size),
    rawStatus: l.status,
    status: lookupStatus(ALIAS_LISTING_STATUS, l.status),
    amount: centsToMoneyString(l.price_cents),
    currency: ALIAS_CURRENCY,
    quantity: 1,
    updatedAt: dateOrNull(l.updated_at),
    raw: l,
  };
}

export function aliasCatalogProduct(item: z.infer<typeof catalogItem>): CatalogProduct {
  const retailPrice = centsToMoneyString(item.retail_price_cents);
  return {
    externalProductId: item.catalog_id,
    sku: item.sku ?? null,
    title: item.name,
    brand: item.brand ?? null,
    productType: item.product_type ?? null,
    colorway: item.colorway ?? null,
    releaseDate: item.release_date ?? null,
    retailPrice,
    currency: retailPrice === null ? null : ALIAS_CURRENCY,
    raw: item,
  };
}

/** A decimal dollar amount as Alias `price_cents`; null when it is not whole dollars (Alias refuses cents). */
export function aliasPriceCents(amount: string): string | null {
  const value = new Dec(amount);
  return value.isInteger() ? value.times(100).toFixed(0) : null;
}
