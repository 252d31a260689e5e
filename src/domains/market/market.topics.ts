import type { PriceAlertCondition, PriceField } from './entities/market.enums';

/** Routing key of price changes: `PRICE_CHANGED:<productId>` per product, plain `PRICE_CHANGED` for the firehose. */
export const PRICE_CHANGED = 'PRICE_CHANGED';
/**
 * Routing key of refreshes that moved no price: `MARKET_REFRESHED:<productId>`, published by an ingest for each product
 * whose latest prices it rewrote without changing any (PRICE_CHANGED covers the others). Together the two topics tell
 * a waiting read that fresh prices of the product were committed.
 */
export const MARKET_REFRESHED = 'MARKET_REFRESHED';
/** Routing key of triggered alerts: `PRICE_ALERT:<accountId>`, one topic per owner. */
export const PRICE_ALERT = 'PRICE_ALERT';

/** One change of one price, JSON-safe: ids are UUIDs, amounts decimal strings, times ISO 8601. */
export interface PriceChangePayload {
  variantId: string;
  productId: string;
  platformId: string;
  /** Platform slug, so filters by platform need no lookup. */
  platform: string;
  field: PriceField;
  old: string | null;
  new: string | null;
  currency: string;
  /** (new − old) / old × 100, two decimals; null when either side is missing or old is zero. */
  changePercent: string | null;
  at: string;
}

/** Changes published together: one message per product per ingest (and firehose chunks), not one per price. */
export interface PriceChangeBatch {
  events: PriceChangePayload[];
}

/** Sizes of one product whose latest prices an ingest committed unchanged. */
export interface MarketRefreshedPayload {
  variantIds: string[];
}

/** A price alert that fired, sent on its owner's topic only. */
export interface PriceAlertPayload extends PriceChangePayload {
  alertId: string;
  condition: PriceAlertCondition;
  threshold: string;
}

declare module '../../common/pubsub' {
  interface Topics {
    /** Price changes; published with a product id (per-product topic) and without (firehose). */
    PRICE_CHANGED: PriceChangeBatch;
    /** Products refreshed without a price change; always published with the product id. */
    MARKET_REFRESHED: MarketRefreshedPayload;
    /** Triggered price alerts; always published with the owner's account id. */
    PRICE_ALERT: PriceAlertPayload;
  }
}
