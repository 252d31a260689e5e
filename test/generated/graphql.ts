/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What an account may do beyond its own data. */
export type AccountRole =
  /** May also write shared data: catalog, market data, sellers, SKU mappings. */
  | 'ADMIN'
  /** May read shared data and manage its own inventory, listings and orders. */
  | 'MEMBER';

/** Units of one size the viewer bought. */
export type AddInventoryItemInput = {
  /** Physical condition (default NEW). */
  condition?: ItemCondition | null | undefined;
  /** Free-text notes (at most 2,000 characters). */
  notes?: string | null | undefined;
  /** ISO 4217 currency of the purchase price, e.g. "USD" (default: the viewer's base currency). */
  purchaseCurrency?: string | null | undefined;
  /** What one unit cost, at most 2 decimal places. */
  purchasePrice: string;
  /** When it was bought (default: now); never in the future. */
  purchasedAt?: string | null | undefined;
  /** Units bought together at one unit price (1 to 10,000; default 1). */
  quantity?: number;
  /** The size (variant) bought. */
  variantId: string | number;
};

/** Credentials of a marketplace account to connect; checked with the platform before anything is stored. */
export type ConnectMarketplaceInput = {
  /** The platform's credentials as named fields, e.g. { "accessToken": "…" } for Alias, { "shopDomain": "…", "accessToken": "…" } for Shopify. Stored encrypted; never returned. */
  credentials: Record<string, unknown>;
  /** Platform slug, e.g. "stockx", "alias", "shopify". */
  platform: string;
  /** What the connection is for (default SELLER_ACCOUNT). */
  scope?: ConnectionScope;
};

/** What a marketplace connection is used for. */
export type ConnectionScope =
  /** Reads market prices with the viewer's own API access. */
  | 'MARKET_DATA'
  /** The viewer's seller account: orders and listings. */
  | 'SELLER_ACCOUNT';

/** Health of a marketplace connection. */
export type ConnectionStatus =
  /** Credentials work; syncs run. */
  | 'CONNECTED'
  /** Disconnected by the owner; credentials were erased. */
  | 'DISCONNECTED'
  /** The last sync failed for a reason other than credentials; syncs keep being attempted. */
  | 'ERROR'
  /** The platform rejected the credentials (401 or invalid grant); connect again with new ones. */
  | 'REAUTH_REQUIRED';

/** How sales are matched to purchase lots in the tax report. */
export type CostBasisMethod =
  /** First in, first out: the oldest units of the same size are sold first (the default). */
  | 'FIFO'
  /** Specific identification: a sale recorded against an inventory item uses that item; others fall back to FIFO. */
  | 'SPECIFIC';

/** A new API key for the viewer. */
export type CreateApiKeyInput = {
  /** Label to recognise the key by, e.g. "spreadsheet". */
  name: string;
  /** Scopes to grant: "read" and/or "write" (default both). */
  scopes?: Array<string> | null | undefined;
};

/** Offers one of the viewer's inventory items on a platform at a fixed price or with a repricing strategy. */
export type CreateListingInput = {
  /** Put it up for sale now (default) or keep it as a DRAFT. */
  activate?: boolean;
  /** Cost basis in the platform's currency (default: the item's unit purchase price; required when the item was bought in another currency). */
  costBasis?: string | null | undefined;
  /** When the platform should take the listing down by itself. */
  expiresAt?: string | null | undefined;
  /** The inventory item to sell. */
  inventoryItemId: string | number;
  /** Platform slug, e.g. "stockx". */
  platform: string;
  /** The ask. Without it, the rule's strategy prices the listing from the market. */
  price?: string | null | undefined;
  /** How to reprice it (default: FIXED at the price). Its floor defaults to the lowest ask that nets cost basis + minimum margin after fees. */
  rule?: RepricingRuleInput | null | undefined;
};

/** Creates many listings at once. */
export type CreateListingsFromOpportunitiesInput = {
  /** Put them up for sale now (default) or keep them as DRAFTs. */
  activate?: boolean;
  /** What to do when some rows are invalid. */
  errorPolicy?: ErrorPolicy;
  /** The listings (at most 200). */
  listings: Array<OpportunityListingInput>;
};

/** A price alert on a product (all its sizes) or on one size; give exactly one of productId and variantId. */
export type CreatePriceAlertInput = {
  /** What to watch for. */
  condition: PriceAlertCondition;
  /** Currency of an amount threshold (default: the viewer's base currency). */
  currency?: string | null | undefined;
  /** Only prices on this platform (slug, e.g. "stockx"); every platform when omitted. */
  platform?: string | null | undefined;
  /** Watch every size of this product. */
  productId?: string | number | null | undefined;
  /** An amount for LOWEST_ASK_BELOW and HIGHEST_BID_ABOVE; a percent (e.g. "5") for CHANGE_PERCENT. */
  threshold: string;
  /** Watch this size only. */
  variantId?: string | number | null | undefined;
};

/** Deletes one of the viewer's price alerts. */
export type DeletePriceAlertInput = {
  /** The alert. */
  id: string | number;
};

/** Disconnects one of the viewer's marketplace connections. */
export type DisconnectMarketplaceInput = {
  /** The connection. */
  id: string | number;
};

/** Machine-readable reason of an expected failure. */
export type ErrorCode =
  /** The object changed meanwhile or is in a state that forbids the change. */
  | 'CONFLICT'
  /** The value repeats one that must be unique. */
  | 'DUPLICATE'
  /** The price would cross the configured floor. */
  | 'FLOOR_VIOLATED'
  /** The viewer may not make this change. */
  | 'FORBIDDEN'
  /** The value is malformed or not allowed. */
  | 'INVALID'
  /** The referenced object does not exist or is not visible to the viewer. */
  | 'NOT_FOUND'
  /** The number is outside its allowed range. */
  | 'OUT_OF_RANGE'
  /** Not applied because another row of the same request failed (errorPolicy REJECT_EVERYTHING). */
  | 'REJECTED'
  /** A required value is missing or empty. */
  | 'REQUIRED'
  /** The platform or object does not support this operation. */
  | 'UNSUPPORTED';

/** How a bulk mutation treats rows that fail validation. */
export type ErrorPolicy =
  /** Write nothing when any row fails (the default). */
  | 'REJECT_EVERYTHING'
  /** Write the valid rows and report the failed ones. */
  | 'REJECT_FAILED_ROWS';

/** What an external id identifies. */
export type ExternalRefKind =
  /** A product. */
  | 'PRODUCT'
  /** A variant (size). */
  | 'VARIANT';

/** Bucket width of a price history; buckets are aligned to UTC. */
export type HistoryInterval =
  /** One bucket per UTC day. */
  | 'DAY'
  /** One bucket per hour. */
  | 'HOUR';

/** Holding period of a sold lot. */
export type HoldingTerm =
  /** Held more than one year. */
  | 'LONG'
  /** Held one year or less. */
  | 'SHORT';

/** Market snapshots to ingest in one request. */
export type IngestMarketSnapshotsInput = {
  /** What to do when some rows are invalid. */
  errorPolicy?: ErrorPolicy;
  /** The snapshots (at most 5,000). */
  snapshots: Array<MarketSnapshotInput>;
};

/** Narrows the inventory; all given conditions must hold. */
export type InventoryFilter = {
  /** Only these conditions. */
  conditions?: Array<ItemCondition> | null | undefined;
  /** Only items bought at or after this time. */
  purchasedFrom?: string | null | undefined;
  /** Only items bought before this time. */
  purchasedTo?: string | null | undefined;
  /** Only these statuses (default: every status but REMOVED). */
  statuses?: Array<InventoryStatus> | null | undefined;
  /** Only items of these sizes. */
  variantIds?: Array<string | number> | null | undefined;
};

/** Where an inventory item stands; LISTED and SOLD follow its listings. */
export type InventoryStatus =
  /** Owned and not offered anywhere. */
  | 'IN_STOCK'
  /** Offered on at least one platform (an active or pending listing). */
  | 'LISTED'
  /** Taken out of the inventory by the seller (kept for history). */
  | 'REMOVED'
  /** Came back from a buyer; can be listed again. */
  | 'RETURNED'
  /** Every unit sold. */
  | 'SOLD';

/** Physical condition of an inventory item. */
export type ItemCondition =
  /** Deadstock: new, unworn, with the original box. */
  | 'NEW'
  /** New with defects (damaged box, factory flaws). */
  | 'NEW_DEFECTS'
  /** Worn or used. */
  | 'USED';

/** Links a platform's identifier to a product or to one of its variants (give exactly one). */
export type LinkExternalRefInput = {
  /** The platform's identifier. */
  externalId: string;
  /** Platform slug, e.g. "stockx". */
  platform: string;
  /** The product the id identifies. */
  productId?: string | number | null | undefined;
  /** The variant the id identifies. */
  variantId?: string | number | null | undefined;
};

/** Narrows the listings; all given conditions must hold. */
export type ListingFilter = {
  /** Only these listings. */
  ids?: Array<string | number> | null | undefined;
  /** Only listings of these inventory items. */
  inventoryItemIds?: Array<string | number> | null | undefined;
  /** Only these platforms (slugs). */
  platforms?: Array<string> | null | undefined;
  /** Only these statuses. */
  statuses?: Array<ListingStatus> | null | undefined;
  /** Only listings whose rule uses one of these strategies. */
  strategies?: Array<RepricingStrategy> | null | undefined;
};

/** Progress of a marketplace write. */
export type ListingOperationStatus =
  /** The platform refused it or it could not be sent; see the error. */
  | 'FAILED'
  /** Sent (or about to be) and not finished; polled in the background. */
  | 'PENDING'
  /** The platform applied it. */
  | 'SUCCEEDED';

/** A write to the marketplace that a listing change needs. */
export type ListingOperationType =
  /** Put it up for sale on the platform. */
  | 'ACTIVATE'
  /** Create the listing on the platform. */
  | 'CREATE'
  /** Take it down on the platform. */
  | 'DEACTIVATE'
  /** Change its price on the platform. */
  | 'UPDATE_PRICE';

/** How a listing came to be. */
export type ListingSource =
  /** createListingsFromOpportunities with explicit rows. */
  | 'BULK'
  /** Imported from a platform by listing sync. */
  | 'IMPORT'
  /** createListing. */
  | 'MANUAL'
  /** createListingsFromOpportunities with an arbitrage opportunity. */
  | 'OPPORTUNITY';

/** Where a listing stands. */
export type ListingStatus =
  /** For sale; the repricer manages it. */
  | 'ACTIVE'
  /** Deleted; final. */
  | 'DELETED'
  /** Created but never put up for sale. */
  | 'DRAFT'
  /** Expired on the platform; final. */
  | 'EXPIRED'
  /** Taken down; can be activated again. */
  | 'INACTIVE'
  /** A platform operation (create, activate, deactivate) is still in progress. */
  | 'PENDING'
  /** Sold; final. */
  | 'SOLD';

/** A listing to put up for sale or take down. */
export type ListingStatusInput = {
  /** The listing. */
  id: string | number;
};

/** Where a market snapshot came from. */
export type MarketDataSource =
  /** A platform's API. */
  | 'API'
  /** An imported file. */
  | 'CSV'
  /** Entered by an admin. */
  | 'MANUAL'
  /** The deterministic market simulator (demo and benchmarks); not real prices. */
  | 'SIMULATED';

/** One market observation of a size on a platform. */
export type MarketSnapshotInput = {
  /** When the prices were observed (default: now); not in the future. */
  capturedAt?: string | null | undefined;
  /** Currency of the amounts (default: the platform's currency). */
  currency?: string | null | undefined;
  /** Highest bid; must not exceed the lowest ask. */
  highestBid?: string | null | undefined;
  /** Price of the most recent sale. */
  lastSale?: string | null | undefined;
  /** Cheapest ask; omit when nobody is asking. */
  lowestAsk?: string | null | undefined;
  /** Platform slug, e.g. "stockx". */
  platform: string;
  /** Sales in the last 7 days. */
  sales7d?: number | null | undefined;
  /** Sales in the last 30 days. */
  sales30d?: number | null | undefined;
  /** Where the prices come from (default MANUAL). */
  source?: MarketDataSource;
  /** The size (variant). */
  variantId: string | number;
  /** Volatility from 0 to 1 (rounded to 4 decimals). */
  volatility?: string | null | undefined;
};

/** Look-back window of the market movers ranking. */
export type MoverPeriod =
  /** The last 24 hours. */
  | 'DAY'
  /** The last hour. */
  | 'HOUR'
  /** The last 30 days. */
  | 'MONTH'
  /** The last 7 days. */
  | 'WEEK';

/** One listing to create from an arbitrage opportunity (or, without one, from an explicit size and platform). */
export type OpportunityListingInput = {
  /** The inventory item bought to sell. */
  inventoryItemId: string | number;
  /** Profit after fees the floor protects (default 0: never sell at a loss). */
  minimumMargin?: string | null | undefined;
  /** The opportunity acted on: its size and sell platform are used, and it is marked ACTED for the viewer. */
  opportunityId?: string | number | null | undefined;
  /** Without an opportunity: the platform slug to sell on. */
  platform?: string | null | undefined;
  /** Starting ask (default: what the strategy asks on the current market). */
  price?: string | null | undefined;
  /** Repricing strategy (default COMPETITIVE). */
  strategy?: RepricingStrategy;
  /** Without an opportunity: the size (must be the item's). */
  variantId?: string | number | null | undefined;
};

/** Where an arbitrage opportunity stands. */
export type OpportunityStatus =
  /** The viewer acted on it (bought or listed from it). */
  | 'ACTED'
  /** No longer profitable at the latest prices; kept for history. */
  | 'EXPIRED'
  /** Still profitable at the latest market prices. */
  | 'OPEN';

/** Sort direction. */
export type OrderDirection =
  /** Smallest first. */
  | 'ASC'
  /** Largest first. */
  | 'DESC';

/** Narrows the viewer's orders; every condition must hold. */
export type OrderFilter = {
  /** Only orders placed at or after this time. */
  from?: string | null | undefined;
  /** Only orders of this inventory item. */
  inventoryItemId?: string | number | null | undefined;
  /** Only orders on these platforms (slugs). */
  platforms?: Array<string> | null | undefined;
  /** Only manual or only synced orders. */
  source?: OrderSource | null | undefined;
  /** Only orders in one of these statuses. */
  statuses?: Array<OrderStatus> | null | undefined;
  /** Only orders placed before this time. */
  to?: string | null | undefined;
};

/** Where an order came from. */
export type OrderSource =
  /** Recorded by the seller with recordOrder. */
  | 'MANUAL'
  /** Imported from a connected marketplace's order feed. */
  | 'SYNC';

/** Unified order status; every platform's own status maps onto one of these. */
export type OrderStatus =
  /** Passed authentication; about to ship to the buyer. */
  | 'AUTHENTICATED'
  /** At the platform for authentication (StockX, GOAT, Alias). */
  | 'AUTHENTICATING'
  /** Cancelled before shipping (including failed authentication); final. */
  | 'CANCELLED'
  /** Done and paid out: counts as a realized sale for profit and tax. */
  | 'COMPLETED'
  /** Accepted; waiting to ship (or to be sent to authentication). */
  | 'CONFIRMED'
  /** Delivered; the payout may still be pending. */
  | 'DELIVERED'
  /** Placed, not yet confirmed by the seller or the platform. */
  | 'PENDING'
  /** Returned or charged back after delivery; final. */
  | 'RETURNED'
  /** On its way to the buyer. */
  | 'SHIPPED';

/** Which market price a payout estimate assumes the item sells at. */
export type PayoutBasis =
  /** Selling now into the highest bid. */
  | 'HIGHEST_BID'
  /** Selling at the last sale price. */
  | 'LAST_SALE'
  /** Listing at the current lowest ask. */
  | 'LOWEST_ASK';

/** A reporting window (UTC): orders placed at or after its start and before its end. */
export type Period =
  /** Every order. */
  | 'ALL_TIME'
  /** The 7 × 24 hours up to now. */
  | 'LAST_7_DAYS'
  /** The 30 × 24 hours up to now. */
  | 'LAST_30_DAYS'
  /** The 90 × 24 hours up to now. */
  | 'LAST_90_DAYS'
  /** The 365 × 24 hours up to now. */
  | 'LAST_365_DAYS'
  /** From the first of this month up to now. */
  | 'MONTH_TO_DATE'
  /** The whole previous calendar month. */
  | 'PREVIOUS_MONTH'
  /** The whole previous calendar year. */
  | 'PREVIOUS_YEAR'
  /** From January 1 of this year up to now. */
  | 'YEAR_TO_DATE';

/** What kind of venue a platform is. */
export type PlatformKind =
  /** Open marketplace of many sellers (eBay, Amazon, Flipkart). */
  | 'MARKETPLACE'
  /** Bid/ask market with authentication (StockX, Alias/GOAT). */
  | 'RESALE_MARKET'
  /** The reseller's own shop (Shopify) or manual sales. */
  | 'STOREFRONT';

/** What a mutation did on the marketplace itself. */
export type PlatformSync =
  /** The platform refused the change; MarketGraph kept its own record and reports why in the note. */
  | 'FAILED'
  /** No marketplace connection (or no listing support) for this platform: tracked in MarketGraph only. */
  | 'LOCAL_ONLY'
  /** The platform accepted the change asynchronously; listingChanged reports the outcome. */
  | 'PENDING'
  /** The platform applied the change. */
  | 'SYNCED';

/** What a price alert watches for. Alerts fire when the condition starts to hold, not on every update while it holds. */
export type PriceAlertCondition =
  /** The lowest ask moves by at least the threshold percent, up or down, in one update. */
  | 'CHANGE_PERCENT'
  /** The highest bid rises above the threshold (an amount in the alert currency). */
  | 'HIGHEST_BID_ABOVE'
  /** The lowest ask drops below the threshold (an amount in the alert currency). */
  | 'LOWEST_ASK_BELOW';

/** Which price an estimate is built on. */
export type PriceBasis =
  /** The market's highest bid: what selling right now fetches. */
  | 'HIGHEST_BID'
  /** The last sale on the platform. */
  | 'LAST_SALE'
  /** The market's lowest ask: what listing competitively would fetch. */
  | 'LOWEST_ASK'
  /** The item's own ask on that platform. */
  | 'OUR_ASK';

/** Which price changes to receive; all given conditions must hold. */
export type PriceChangeFilter = {
  /** Only changes of at least this many percent, up or down. Events without a percentage (a price appearing or disappearing) are then left out. */
  minChangePercent?: string | null | undefined;
  /** Only these platforms (slugs). */
  platforms?: Array<string> | null | undefined;
  /** Only these products (at most 100); each is its own topic, so other products cost this subscription nothing. */
  productIds?: Array<string | number> | null | undefined;
  /** Only these sizes (at most 100). */
  variantIds?: Array<string | number> | null | undefined;
};

/** A tracked market price of a variant on a platform. */
export type PriceField =
  /** The highest bid (what a seller gets now, before seller fees). */
  | 'HIGHEST_BID'
  /** The price of the most recent sale. */
  | 'LAST_SALE'
  /** The cheapest ask (what a buyer pays now, before buyer fees). */
  | 'LOWEST_ASK';

/** Why a listing's price changed. */
export type PricingReason =
  /** A scheduled or requested run of a model strategy (PROFIT_MAXIMIZATION, HIGHEST_BID, FIXED). */
  | 'ALGORITHM'
  /** A scheduled or requested run followed competing asks (COMPETITIVE, MATCH_LOWEST_ASK). */
  | 'COMPETITION'
  /** The seller set the price. */
  | 'MANUAL'
  /** The repricer reacted to a price-change event on the market. */
  | 'MARKET_UPDATE';

/** Broad product family. */
export type ProductCategory =
  /** Clothing and accessories. */
  | 'APPAREL'
  /** Toys, figures and other collectibles. */
  | 'COLLECTIBLE'
  /** Anything else. */
  | 'OTHER'
  /** Sneakers and other footwear. */
  | 'SNEAKERS'
  /** Trading cards; variants are treatments or grades. */
  | 'TRADING_CARD';

/** Narrows the product list; all given conditions must hold. */
export type ProductFilter = {
  /** Brands, case-insensitive. */
  brands?: Array<string> | null | undefined;
  /** Categories. */
  categories?: Array<ProductCategory> | null | undefined;
  /** Only these products. */
  ids?: Array<string | number> | null | undefined;
  /** Words matched (as prefixes) against SKU, brand, model, name and colorway; a style code in any format also matches. */
  search?: string | null | undefined;
  /** Only HOT or only COLD products. */
  tier?: ProductTier | null | undefined;
};

/** A product to create, or to update when its normalized SKU exists. */
export type ProductInput = {
  /** Brand. */
  brand: string;
  /** Product family. */
  category: ProductCategory;
  /** Colorway. */
  colorway?: string | null | undefined;
  /** Image URL (http or https). */
  imageUrl?: string | null | undefined;
  /** Model line. */
  model: string;
  /** Full display name. */
  name: string;
  /** Popularity 0–100 (default 0 for new products; unchanged when omitted on update). */
  popularity?: number | null | undefined;
  /** Release date. */
  releaseDate?: string | null | undefined;
  /** Currency of the retail price (default USD). */
  retailCurrency?: string | null | undefined;
  /** Retail price. */
  retailPrice?: string | null | undefined;
  /** Style code or SKU; "HQ7978 100", "hq7978-100" and "HQ7978100" are the same product. */
  sku: string;
  /** Sizes to add or update; existing sizes not listed are kept. */
  variants?: Array<VariantInput> | null | undefined;
};

/** Order of the product list (ties broken by id). */
export type ProductOrder = {
  /** Direction (default DESC). */
  direction?: OrderDirection;
  /** Sort key. */
  field: ProductOrderField;
};

/** Sort keys of the product list. */
export type ProductOrderField =
  /** When the product entered the catalog. */
  | 'CREATED_AT'
  /** Display name. */
  | 'NAME'
  /** Popularity score. */
  | 'POPULARITY'
  /** Release date (unknown dates last). */
  | 'RELEASE_DATE';

/** Popularity tier; hot products are synced more often. */
export type ProductTier =
  /** Popularity below 50. */
  | 'COLD'
  /** Popularity 50 or more. */
  | 'HOT';

/** A sale recorded by hand (in person, on a platform without a connection, or before sync catches it). */
export type RecordOrderInput = {
  /** What the buyer paid the platform on top (default 0; not part of the payout). */
  buyerPremium?: string | null | undefined;
  /** Cost basis of all units in the order currency (default: the item's unit purchase price × quantity). */
  costBasis?: string | null | undefined;
  /** Currency of the amounts (default: the listing's, else the platform's currency). */
  currency?: string | null | undefined;
  /** The platform's order number (1–100 characters; default: a generated MANUAL-… number). Unique per platform; sync later merges into it. */
  externalOrderNumber?: string | null | undefined;
  /** The inventory item that sold (default: the listing's item); its purchase price is the cost basis. */
  inventoryItemId?: string | number | null | undefined;
  /** The listing that sold: it is marked SOLD and the item's other listings are taken down. */
  listingId?: string | number | null | undefined;
  /** When it sold (default: now); never in the future. Its date picks the FX rate. */
  orderedAt?: string | null | undefined;
  /** Platform slug, e.g. "ebay" (default: the listing's platform; required without a listing). */
  platform?: string | null | undefined;
  /** Payment processing fee actually charged (default: the platform's schedule). */
  processingFee?: string | null | undefined;
  /** Units sold (1 to 10,000; default 1). */
  quantity?: number;
  /** What the buyer paid for all units, excluding any buyer premium. */
  salePrice: string;
  /** Seller fee actually charged (default: the platform's schedule, minimum fee included). */
  sellerFee?: string | null | undefined;
  /** Shipping the seller paid (default 0). */
  shippingCost?: string | null | undefined;
  /** Status to record (default COMPLETED; not CANCELLED or RETURNED). */
  status?: OrderStatus;
  /** Line title (default: none); sync keeps the platform's. */
  title?: string | null | undefined;
  /** Carrier tracking number. */
  trackingNumber?: string | null | undefined;
  /** The size sold, when no listing or item is given (default: the item's size). */
  variantId?: string | number | null | undefined;
};

/** Takes one of the viewer's items out of the inventory (kept, with status REMOVED). */
export type RemoveInventoryItemInput = {
  /** The item. */
  id: string | number;
};

/** Runs the repricer over the viewer's active listings that have an active rule. */
export type RepriceListingsInput = {
  /** Decide and report, but write nothing (default false). */
  dryRun?: boolean;
  /** Which listings (default: every active listing with an active rule). */
  filter?: ListingFilter | null | undefined;
};

/** What the repricer did with a listing. */
export type RepricingAction =
  /** The price moves (or would, in a dry run). */
  | 'CHANGE'
  /** The price stays; skipReason says why. */
  | 'SKIP';

/** A guard that moved the strategy's target. */
export type RepricingGuard =
  /** Capped at the ceiling. */
  | 'CEILING'
  /** Above the ceiling and out of reach of one run: the ceiling won. */
  | 'CEILING_OVER_MAX_CHANGE'
  /** Raised to the floor. */
  | 'FLOOR'
  /** Below the floor and out of reach of one run: the floor won. */
  | 'FLOOR_OVER_MAX_CHANGE'
  /** Limited by the maximum change per run. */
  | 'MAX_CHANGE';

/** A repricing rule: a strategy and the guards every decision respects. Amounts are in the listing currency; percents are percents (5 = 5 %). */
export type RepricingRuleInput = {
  /** Inactive rules are kept but never applied (default true). */
  active?: boolean;
  /** Highest price the repricer may set. */
  ceilingPrice?: string | null | undefined;
  /** Minimum seconds between two price changes (at most 30 days). */
  cooldownSeconds?: number | null | undefined;
  /** FIXED: the price to hold (default: the listing price). */
  fixedPrice?: string | null | undefined;
  /** Explicit floor; replaces the default floor (the lowest ask netting cost basis + minimum margin after fees). */
  floorPrice?: string | null | undefined;
  /** Largest move per run, as a percent of the current ask. */
  maxChangePercent?: string | null | undefined;
  /** Profit after fees the default floor protects on top of the cost basis (default 0). */
  minimumMargin?: string | null | undefined;
  /** How the target price is derived from the market. */
  strategy: RepricingStrategy;
  /** COMPETITIVE: undercut the lowest ask by this amount. */
  undercutAmount?: string | null | undefined;
  /** COMPETITIVE: undercut by this percent of the lowest ask (below 100). */
  undercutPercent?: string | null | undefined;
};

/** Why the repricer left a price alone. */
export type RepricingSkipReason =
  /** The listing changed while the run decided; the other writer won. */
  | 'CONFLICT'
  /** A change is due but the last one is within the cooldown. */
  | 'COOLDOWN'
  /** The market is quoted in another currency than the listing's. */
  | 'CURRENCY_MISMATCH'
  /** The rule contradicts itself (e.g. ceiling below floor); fix it. */
  | 'INVALID_RULE'
  /** Only ACTIVE listings are repriced. */
  | 'NOT_ACTIVE'
  /** The listing has no active repricing rule. */
  | 'NO_RULE'
  /** The guarded target equals the current ask (or the market gave nothing to go on). */
  | 'UNCHANGED';

/** How a repricing rule derives its target price from the market. */
export type RepricingStrategy =
  /** Undercut the lowest ask by an amount, a percent, or one cent. */
  | 'COMPETITIVE'
  /** Hold a fixed price. */
  | 'FIXED'
  /** Sell into the highest bid. */
  | 'HIGHEST_BID'
  /** Match the lowest ask. */
  | 'MATCH_LOWEST_ASK'
  /** Sit between the highest bid and just under the lowest ask, higher the faster and calmer the market. */
  | 'PROFIT_MAXIMIZATION';

/** The key to revoke. */
export type RevokeApiKeyInput = {
  /** Id of one of the viewer's keys. */
  id: string | number;
};

/** How salesSummary groups orders. */
export type SalesGrouping =
  /** One bucket per UTC calendar day with sales. */
  | 'DAY'
  /** One bucket per platform. */
  | 'MARKETPLACE'
  /** One bucket per UTC calendar month with sales. */
  | 'MONTH'
  /** One bucket per product; an order with several lines is split over them by line value. */
  | 'PRODUCT';

/** Which market price the sell side of an opportunity is valued at. */
export type SellPriceSource =
  /** The highest bid: a buyer waiting at that price. */
  | 'HIGHEST_BID'
  /** The last sale, used when nobody bids. */
  | 'LAST_SALE';

/** Sets (creates or replaces) a listing's repricing rule. */
export type SetRepricingRuleInput = {
  /** The listing. */
  listingId: string | number;
  /** The rule. */
  rule: RepricingRuleInput;
};

/** Size system of a size key. */
export type SizeSystem =
  /** European sizes. */
  | 'EU'
  /** Japanese sizes (cm). */
  | 'JP'
  /** Not a size: a card treatment, grade or one-size item. */
  | 'NONE'
  /** UK sizes. */
  | 'UK'
  /** US men's sizes. */
  | 'US_M'
  /** US women's sizes. */
  | 'US_W';

/** Asks for a sync of one connection now. */
export type SyncConnectionInput = {
  /** The connection. */
  id: string | number;
  /** What to sync: ORDERS or LISTINGS for seller accounts, MARKET_DATA for market data connections. */
  kind: SyncKind;
};

/** What a sync run fetches. */
export type SyncKind =
  /** Products from the platform's catalog. */
  | 'CATALOG'
  /** A file import. */
  | 'IMPORT'
  /** Listings as the platform reports them. */
  | 'LISTINGS'
  /** Market prices of catalog variants. */
  | 'MARKET_DATA'
  /** Orders changed since the last order sync. */
  | 'ORDERS';

/** Which sync runs to list. */
export type SyncRunFilter = {
  /** true: only QUEUED and RUNNING runs; false: only finished ones. */
  active?: boolean | null | undefined;
  /** Only runs of this connection. */
  connectionId?: string | number | null | undefined;
  /** Only runs of these kinds. */
  kinds?: Array<SyncKind> | null | undefined;
  /** Only runs in these statuses. */
  statuses?: Array<SyncRunStatus> | null | undefined;
};

/** Progress of a sync run; SUCCEEDED, PARTIAL and FAILED are final. */
export type SyncRunStatus =
  /** Stopped without finishing; error says why. */
  | 'FAILED'
  /** Finished, but some items failed; see failed and error. */
  | 'PARTIAL'
  /** Accepted and waiting for a worker. */
  | 'QUEUED'
  /** A worker is processing it. */
  | 'RUNNING'
  /** Everything fetched was written. */
  | 'SUCCEEDED';

/** Who or what asked for a sync run. */
export type SyncTrigger =
  /** The owner asked for it (syncConnection). */
  | 'MANUAL'
  /** A read that found its data stale (stale-while-revalidate). */
  | 'ON_DEMAND'
  /** The periodic schedule. */
  | 'SCHEDULE';

/** Why (part of) a completed sale is missing from the tax report. */
export type TaxProblemCode =
  /** Not enough units of the size were in inventory on or before the sale date. */
  | 'INSUFFICIENT_LOTS'
  /** SPECIFIC: the named inventory item has no units left. */
  | 'LOT_EXHAUSTED'
  /** SPECIFIC: the named inventory item was bought after the sale. */
  | 'LOT_NOT_YET_ACQUIRED'
  /** The order has no sale price, or no FX rate converts it to the base currency. */
  | 'NO_AMOUNTS'
  /** The order line is not matched to a size, so no lot can be found. */
  | 'NO_VARIANT'
  /** SPECIFIC: the sale names an inventory item of another size. */
  | 'UNKNOWN_LOT';

/** Changes to one of the viewer's inventory items; omitted fields stay as they are. */
export type UpdateInventoryItemInput = {
  /** Physical condition. */
  condition?: ItemCondition | null | undefined;
  /** The item. */
  id: string | number;
  /** Notes; an empty string clears them. */
  notes?: string | null | undefined;
  /** ISO 4217 currency of the purchase price. */
  purchaseCurrency?: string | null | undefined;
  /** What one unit cost. Listings keep the cost basis they were created with. */
  purchasePrice?: string | null | undefined;
  /** When it was bought; never in the future. */
  purchasedAt?: string | null | undefined;
  /** Units bought (at least the units already sold). */
  quantity?: number | null | undefined;
};

/** Sets a listing's ask; rejected when someone changed the listing since `expectedVersion`. */
export type UpdateListingPriceInput = {
  /** The listing version the change is based on (Listing.version). */
  expectedVersion: number;
  /** The listing. */
  id: string | number;
  /** The new ask; never below the floor. */
  price: string;
};

/** Moves one of the viewer's orders one step along the unified lifecycle. */
export type UpdateOrderStatusInput = {
  /** The order. */
  id: string | number;
  /** The next status; it must be a legal step from the current one. */
  status: OrderStatus;
  /** Carrier tracking number to record with the change (1–100 characters). */
  trackingNumber?: string | null | undefined;
};

/** Products to create or update in one request. */
export type UpsertProductsInput = {
  /** What to do when some rows are invalid. */
  errorPolicy?: ErrorPolicy;
  /** The products (at most 500). */
  products: Array<ProductInput>;
};

/** Sizes to add to or update on one product. */
export type UpsertVariantsInput = {
  /** What to do when some rows are invalid. */
  errorPolicy?: ErrorPolicy;
  /** The product. */
  productId: string | number;
  /** The sizes (at most 200). */
  variants: Array<VariantInput>;
};

/** A size (or card treatment) of a product. */
export type VariantInput = {
  /** Size as shown, e.g. "10.5", "5Y", "Holo". Unique within the product. */
  sizeKey: string;
  /** Size system (default: the product's first variant's, else US_M; NONE for cards). */
  sizeSystem?: SizeSystem | null | undefined;
};

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, email: string, role: AccountRole, baseCurrency: string, apiKeys: Array<{ id: string, name: string, prefix: string, scopes: Array<string>, revokedAt: string | null }> } | null };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { token: string | null, apiKey: { id: string, name: string, prefix: string, scopes: Array<string> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type RevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { apiKey: { id: string, revokedAt: string | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type ViewerKeyIdsQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerKeyIdsQuery = { viewer: { id: string, apiKeys: Array<{ id: string, name: string, revokedAt: string | null }> } | null };

export type NodeApiKeyQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeApiKeyQuery = { node:
    | { __typename: 'Account', id: string }
    | { __typename: 'ApiKey', name: string, prefix: string, id: string }
    | { __typename: 'ExternalRef', id: string }
    | { __typename: 'InventoryItem', id: string }
    | { __typename: 'Listing', id: string }
    | { __typename: 'MarketplaceConnection', id: string }
    | { __typename: 'Opportunity', id: string }
    | { __typename: 'Order', id: string }
    | { __typename: 'OrderItem', id: string }
    | { __typename: 'Platform', id: string }
    | { __typename: 'PriceAlert', id: string }
    | { __typename: 'PricingHistory', id: string }
    | { __typename: 'Product', id: string }
    | { __typename: 'RepricingRule', id: string }
    | { __typename: 'SyncRun', id: string }
    | { __typename: 'Variant', id: string }
   | null };

export type PlatformsQueryVariables = Exact<{ [key: string]: never; }>;


export type PlatformsQuery = { platforms: Array<{ id: string, slug: string, name: string, kind: PlatformKind, defaultCurrency: string, fees: { sellerFeeRate: string, paymentProcessingRate: string, buyerFeeRate: string, fixedFee: { amount: string, currency: string }, minimumFee: { amount: string, currency: string } }, capabilities: { marketData: boolean, listings: boolean, orders: boolean } }> };

export type ProductBySkuQueryVariables = Exact<{
  sku: string;
}>;


export type ProductBySkuQuery = { product: { id: string, sku: string, skuNormalized: string, name: string, brand: string, tier: ProductTier, variants: Array<{ id: string, sizeKey: string, numericSize: number | null, sizeSystem: SizeSystem }>, externalRefs: Array<{ externalId: string, kind: ExternalRefKind, platform: { slug: string } }> } | null };

export type ProductByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type ProductByIdQuery = { product: { id: string, sku: string, name: string } | null };

export type ProductsWithSizesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ProductFilter | null | undefined;
  orderBy?: ProductOrder | null | undefined;
}>;


export type ProductsWithSizesQuery = { products: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, sku: string, name: string, brand: string, popularity: number, tier: ProductTier, variants: Array<{ sizeKey: string }> } }> } };

export type NodeByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'Account', id: string }
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'ExternalRef', externalId: string, kind: ExternalRefKind, id: string }
    | { __typename: 'InventoryItem', id: string }
    | { __typename: 'Listing', id: string }
    | { __typename: 'MarketplaceConnection', id: string }
    | { __typename: 'Opportunity', id: string }
    | { __typename: 'Order', id: string }
    | { __typename: 'OrderItem', id: string }
    | { __typename: 'Platform', slug: string, id: string }
    | { __typename: 'PriceAlert', id: string }
    | { __typename: 'PricingHistory', id: string }
    | { __typename: 'Product', sku: string, id: string }
    | { __typename: 'RepricingRule', id: string }
    | { __typename: 'SyncRun', id: string }
    | { __typename: 'Variant', sizeKey: string, id: string, product: { sku: string } }
   | null };

export type NodesByIdsQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type NodesByIdsQuery = { nodes: Array<
    | { __typename: 'Account', id: string }
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'ExternalRef', externalId: string, id: string }
    | { __typename: 'InventoryItem', id: string }
    | { __typename: 'Listing', id: string }
    | { __typename: 'MarketplaceConnection', id: string }
    | { __typename: 'Opportunity', id: string }
    | { __typename: 'Order', id: string }
    | { __typename: 'OrderItem', id: string }
    | { __typename: 'Platform', slug: string, id: string }
    | { __typename: 'PriceAlert', id: string }
    | { __typename: 'PricingHistory', id: string }
    | { __typename: 'Product', sku: string, id: string }
    | { __typename: 'RepricingRule', id: string }
    | { __typename: 'SyncRun', id: string }
    | { __typename: 'Variant', sizeKey: string, id: string }
   | null> };

export type ProductsPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: ProductFilter | null | undefined;
  orderBy?: ProductOrder | null | undefined;
}>;


export type ProductsPageQuery = { products: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, sku: string, name: string, brand: string, category: ProductCategory, popularity: number, tier: ProductTier, releaseDate: string | null } }> } };

export type ProductsDeepQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ProductsDeepQuery = { products: { edges: Array<{ node: { sku: string, variants: Array<{ sizeKey: string }>, externalRefs: Array<{ externalId: string, platform: { slug: string } }> } }> } };

export type ProductsDeepWithTotalQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ProductsDeepWithTotalQuery = { products: { totalCount: number, edges: Array<{ node: { sku: string, variants: Array<{ sizeKey: string }>, externalRefs: Array<{ externalId: string, platform: { slug: string } }> } }> } };

export type ProductCountQueryVariables = Exact<{ [key: string]: never; }>;


export type ProductCountQuery = { products: { totalCount: number } };

export type UpsertProductsMutationVariables = Exact<{
  input: UpsertProductsInput;
}>;


export type UpsertProductsMutation = { upsertProducts: { products: Array<{ id: string, sku: string, skuNormalized: string, variants: Array<{ sizeKey: string, sizeSystem: SizeSystem }> }>, results: Array<{ index: number, created: boolean, product: { sku: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> }>, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type UpsertVariantsMutationVariables = Exact<{
  input: UpsertVariantsInput;
}>;


export type UpsertVariantsMutation = { upsertVariants: { product: { sku: string, variants: Array<{ sizeKey: string }> } | null, variants: Array<{ id: string, sizeKey: string }>, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type LinkExternalRefMutationVariables = Exact<{
  input: LinkExternalRefInput;
}>;


export type LinkExternalRefMutation = { linkExternalRef: { externalRef: { id: string, externalId: string, kind: ExternalRefKind, platform: { slug: string }, product: { sku: string }, variant: { sizeKey: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type ProductPopularityQueryVariables = Exact<{
  id?: string | number | null | undefined;
  sku?: string | null | undefined;
}>;


export type ProductPopularityQuery = { product: { id: string, sku: string, popularity: number, tier: ProductTier, lastViewedAt: string | null } | null };

export type InventoryItemFieldsFragment = { id: string, status: InventoryStatus, condition: ItemCondition, quantity: number, quantitySold: number, quantityAvailable: number, purchaseCurrency: string, purchasedAt: string, notes: string | null, purchasePrice: { amount: string, currency: string }, variant: { id: string, sizeKey: string } };

export type AddInventoryItemMutationVariables = Exact<{
  input: AddInventoryItemInput;
}>;


export type AddInventoryItemMutation = { addInventoryItem: { inventoryItem: { id: string, status: InventoryStatus, condition: ItemCondition, quantity: number, quantitySold: number, quantityAvailable: number, purchaseCurrency: string, purchasedAt: string, notes: string | null, purchasePrice: { amount: string, currency: string }, variant: { id: string, sizeKey: string } } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type UpdateInventoryItemMutationVariables = Exact<{
  input: UpdateInventoryItemInput;
}>;


export type UpdateInventoryItemMutation = { updateInventoryItem: { inventoryItem: { id: string, status: InventoryStatus, condition: ItemCondition, quantity: number, quantitySold: number, quantityAvailable: number, purchaseCurrency: string, purchasedAt: string, notes: string | null, purchasePrice: { amount: string, currency: string }, variant: { id: string, sizeKey: string } } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type RemoveInventoryItemMutationVariables = Exact<{
  input: RemoveInventoryItemInput;
}>;


export type RemoveInventoryItemMutation = { removeInventoryItem: { inventoryItem: { id: string, status: InventoryStatus } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type InventoryQueryVariables = Exact<{
  filter?: InventoryFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InventoryQuery = { inventory: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, status: InventoryStatus, condition: ItemCondition, quantity: number, quantitySold: number, quantityAvailable: number, purchaseCurrency: string, purchasedAt: string, notes: string | null, purchasePrice: { amount: string, currency: string }, variant: { id: string, sizeKey: string } } }> } };

export type InventoryMarketQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type InventoryMarketQuery = { inventory: { edges: Array<{ node: { id: string, marketplaceData: Array<{ salesLast7Days: number | null, salesLast30Days: number | null, salesPerDay: string | null, volatility: string | null, sellerFeeRate: string, feeRate: string | null, estimateBasis: PriceBasis | null, capturedAt: string | null, platformData: Record<string, unknown>, platform: { slug: string }, ourAsk: { amount: string, currency: string } | null, lowestAsk: { amount: string, currency: string } | null, highestBid: { amount: string } | null, lastSale: { amount: string } | null, estimatedNet: { amount: string, currency: string } | null }>, valuation: { units: number, costBasis: { amount: string, currency: string }, platforms: Array<{ basis: PriceBasis, margin: string | null, roi: string | null, platform: { slug: string }, price: { amount: string }, unitNet: { amount: string }, marketValue: { amount: string }, unrealizedProfit: { amount: string } | null }>, best: { platform: { slug: string }, unitNet: { amount: string }, unrealizedProfit: { amount: string } | null } | null } } }> } };

export type InventoryValuationQueryVariables = Exact<{
  id: string | number;
  basis: PriceBasis;
}>;


export type InventoryValuationQuery = { node:
    | { valuation: { units: number, platforms: Array<{ basis: PriceBasis, margin: string | null, roi: string | null, platform: { slug: string }, price: { amount: string }, unitNet: { amount: string }, marketValue: { amount: string }, unrealizedProfit: { amount: string } | null }>, best: { platform: { slug: string } } | null } }
    | Record<PropertyKey, never>
   | null };

export type InventoryRecommendationsQueryVariables = Exact<{
  id: string | number;
  strategy: RepricingStrategy;
  minimumMargin?: string | null | undefined;
}>;


export type InventoryRecommendationsQuery = { node:
    | { pricingRecommendations: Array<{ strategy: RepricingStrategy, margin: string | null, roi: string | null, guards: Array<RepricingGuard>, reason: string, platform: { slug: string }, price: { amount: string, currency: string } | null, floor: { amount: string } | null, expectedNet: { amount: string } | null, expectedProfit: { amount: string } | null }> }
    | Record<PropertyKey, never>
   | null };

export type InventoryItemNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type InventoryItemNodeQuery = { node:
    | { id: string, status: InventoryStatus, condition: ItemCondition, quantity: number, quantitySold: number, quantityAvailable: number, purchaseCurrency: string, purchasedAt: string, notes: string | null, listings: Array<{ id: string, status: ListingStatus }>, purchasePrice: { amount: string, currency: string }, variant: { id: string, sizeKey: string } }
    | Record<PropertyKey, never>
   | null };

export type ListingFieldsFragment = { id: string, status: ListingStatus, version: number, currency: string, createdFrom: ListingSource, sourceOpportunity: string | null, externalListingId: string | null, externalOperationType: ListingOperationType | null, externalOperationStatus: ListingOperationStatus | null, externalOperationId: string | null, externalOperationError: string | null, listedAt: string | null, delistedAt: string | null, soldAt: string | null, lastPriceChangeAt: string | null, askPrice: { amount: string, currency: string }, originalAsk: { amount: string }, costBasis: { amount: string }, floorPrice: { amount: string }, marketLowestAsk: { amount: string } | null, marketHighestBid: { amount: string } | null, platform: { slug: string }, inventoryItem: { id: string, status: InventoryStatus, quantitySold: number }, repricingRule: { id: string, strategy: RepricingStrategy, active: boolean, floorPrice: string | null, ceilingPrice: string | null, minimumMargin: string | null, maxChangePercent: string | null, cooldownSeconds: number | null, undercutAmount: string | null, undercutPercent: string | null, fixedPrice: string | null } | null };

export type CreateListingMutationVariables = Exact<{
  input: CreateListingInput;
}>;


export type CreateListingMutation = { createListing: { platformSync: PlatformSync | null, note: string | null, listing: { id: string, status: ListingStatus, version: number, currency: string, createdFrom: ListingSource, sourceOpportunity: string | null, externalListingId: string | null, externalOperationType: ListingOperationType | null, externalOperationStatus: ListingOperationStatus | null, externalOperationId: string | null, externalOperationError: string | null, listedAt: string | null, delistedAt: string | null, soldAt: string | null, lastPriceChangeAt: string | null, askPrice: { amount: string, currency: string }, originalAsk: { amount: string }, costBasis: { amount: string }, floorPrice: { amount: string }, marketLowestAsk: { amount: string } | null, marketHighestBid: { amount: string } | null, platform: { slug: string }, inventoryItem: { id: string, status: InventoryStatus, quantitySold: number }, repricingRule: { id: string, strategy: RepricingStrategy, active: boolean, floorPrice: string | null, ceilingPrice: string | null, minimumMargin: string | null, maxChangePercent: string | null, cooldownSeconds: number | null, undercutAmount: string | null, undercutPercent: string | null, fixedPrice: string | null } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type CreateListingsFromOpportunitiesMutationVariables = Exact<{
  input: CreateListingsFromOpportunitiesInput;
}>;


export type CreateListingsFromOpportunitiesMutation = { createListingsFromOpportunities: { listings: Array<{ id: string, status: ListingStatus, createdFrom: ListingSource, sourceOpportunity: string | null, askPrice: { amount: string }, repricingRule: { strategy: RepricingStrategy } | null }>, results: Array<{ index: number, platformSync: PlatformSync | null, note: string | null, listing: { id: string } | null, errors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> }>, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type UpdateListingPriceMutationVariables = Exact<{
  input: UpdateListingPriceInput;
}>;


export type UpdateListingPriceMutation = { updateListingPrice: { platformSync: PlatformSync | null, note: string | null, listing: { id: string, status: ListingStatus, version: number, currency: string, createdFrom: ListingSource, sourceOpportunity: string | null, externalListingId: string | null, externalOperationType: ListingOperationType | null, externalOperationStatus: ListingOperationStatus | null, externalOperationId: string | null, externalOperationError: string | null, listedAt: string | null, delistedAt: string | null, soldAt: string | null, lastPriceChangeAt: string | null, askPrice: { amount: string, currency: string }, originalAsk: { amount: string }, costBasis: { amount: string }, floorPrice: { amount: string }, marketLowestAsk: { amount: string } | null, marketHighestBid: { amount: string } | null, platform: { slug: string }, inventoryItem: { id: string, status: InventoryStatus, quantitySold: number }, repricingRule: { id: string, strategy: RepricingStrategy, active: boolean, floorPrice: string | null, ceilingPrice: string | null, minimumMargin: string | null, maxChangePercent: string | null, cooldownSeconds: number | null, undercutAmount: string | null, undercutPercent: string | null, fixedPrice: string | null } | null } | null, pricingHistory: { id: string, reason: PricingReason, strategy: RepricingStrategy | null, oldPrice: { amount: string }, newPrice: { amount: string }, marketLowestAsk: { amount: string } | null, marketHighestBid: { amount: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type ActivateListingMutationVariables = Exact<{
  input: ListingStatusInput;
}>;


export type ActivateListingMutation = { activateListing: { platformSync: PlatformSync | null, note: string | null, listing: { id: string, status: ListingStatus, version: number, currency: string, createdFrom: ListingSource, sourceOpportunity: string | null, externalListingId: string | null, externalOperationType: ListingOperationType | null, externalOperationStatus: ListingOperationStatus | null, externalOperationId: string | null, externalOperationError: string | null, listedAt: string | null, delistedAt: string | null, soldAt: string | null, lastPriceChangeAt: string | null, askPrice: { amount: string, currency: string }, originalAsk: { amount: string }, costBasis: { amount: string }, floorPrice: { amount: string }, marketLowestAsk: { amount: string } | null, marketHighestBid: { amount: string } | null, platform: { slug: string }, inventoryItem: { id: string, status: InventoryStatus, quantitySold: number }, repricingRule: { id: string, strategy: RepricingStrategy, active: boolean, floorPrice: string | null, ceilingPrice: string | null, minimumMargin: string | null, maxChangePercent: string | null, cooldownSeconds: number | null, undercutAmount: string | null, undercutPercent: string | null, fixedPrice: string | null } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DeactivateListingMutationVariables = Exact<{
  input: ListingStatusInput;
}>;


export type DeactivateListingMutation = { deactivateListing: { platformSync: PlatformSync | null, note: string | null, listing: { id: string, status: ListingStatus, version: number, currency: string, createdFrom: ListingSource, sourceOpportunity: string | null, externalListingId: string | null, externalOperationType: ListingOperationType | null, externalOperationStatus: ListingOperationStatus | null, externalOperationId: string | null, externalOperationError: string | null, listedAt: string | null, delistedAt: string | null, soldAt: string | null, lastPriceChangeAt: string | null, askPrice: { amount: string, currency: string }, originalAsk: { amount: string }, costBasis: { amount: string }, floorPrice: { amount: string }, marketLowestAsk: { amount: string } | null, marketHighestBid: { amount: string } | null, platform: { slug: string }, inventoryItem: { id: string, status: InventoryStatus, quantitySold: number }, repricingRule: { id: string, strategy: RepricingStrategy, active: boolean, floorPrice: string | null, ceilingPrice: string | null, minimumMargin: string | null, maxChangePercent: string | null, cooldownSeconds: number | null, undercutAmount: string | null, undercutPercent: string | null, fixedPrice: string | null } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type SetRepricingRuleMutationVariables = Exact<{
  input: SetRepricingRuleInput;
}>;


export type SetRepricingRuleMutation = { setRepricingRule: { repricingRule: { id: string, strategy: RepricingStrategy, active: boolean, floorPrice: string | null, ceilingPrice: string | null, minimumMargin: string | null, maxChangePercent: string | null, cooldownSeconds: number | null, undercutAmount: string | null, undercutPercent: string | null, listing: { id: string } } | null, listing: { id: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type RepriceListingsMutationVariables = Exact<{
  input: RepriceListingsInput;
}>;


export type RepriceListingsMutation = { repriceListings: { dryRun: boolean, evaluated: number, changed: number, applied: number, truncated: boolean, decisions: Array<{ listingId: string, action: RepricingAction, applied: boolean, reason: string, skipReason: RepricingSkipReason | null, guards: Array<RepricingGuard>, strategy: RepricingStrategy | null, oldPrice: { amount: string }, newPrice: { amount: string }, proposedPrice: { amount: string } | null, floor: { amount: string } | null, ceiling: { amount: string } | null, marketLowestAsk: { amount: string } | null }>, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type ListingsQueryVariables = Exact<{
  filter?: ListingFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ListingsQuery = { listings: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, status: ListingStatus, version: number, currency: string, createdFrom: ListingSource, sourceOpportunity: string | null, externalListingId: string | null, externalOperationType: ListingOperationType | null, externalOperationStatus: ListingOperationStatus | null, externalOperationId: string | null, externalOperationError: string | null, listedAt: string | null, delistedAt: string | null, soldAt: string | null, lastPriceChangeAt: string | null, askPrice: { amount: string, currency: string }, originalAsk: { amount: string }, costBasis: { amount: string }, floorPrice: { amount: string }, marketLowestAsk: { amount: string } | null, marketHighestBid: { amount: string } | null, platform: { slug: string }, inventoryItem: { id: string, status: InventoryStatus, quantitySold: number }, repricingRule: { id: string, strategy: RepricingStrategy, active: boolean, floorPrice: string | null, ceilingPrice: string | null, minimumMargin: string | null, maxChangePercent: string | null, cooldownSeconds: number | null, undercutAmount: string | null, undercutPercent: string | null, fixedPrice: string | null } | null } }> } };

export type ListingsHistoryQueryVariables = Exact<{
  first?: number | null | undefined;
  last: number;
}>;


export type ListingsHistoryQuery = { listings: { edges: Array<{ node: { id: string, askPrice: { amount: string }, pricingHistory: Array<{ id: string, reason: PricingReason, strategy: RepricingStrategy | null, changedAt: string, oldPrice: { amount: string }, newPrice: { amount: string }, marketLowestAsk: { amount: string } | null, marketHighestBid: { amount: string } | null, listing: { id: string } }> } }> } };

export type ListingNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type ListingNodeQuery = { node:
    | { id: string, status: ListingStatus, version: number, currency: string, createdFrom: ListingSource, sourceOpportunity: string | null, externalListingId: string | null, externalOperationType: ListingOperationType | null, externalOperationStatus: ListingOperationStatus | null, externalOperationId: string | null, externalOperationError: string | null, listedAt: string | null, delistedAt: string | null, soldAt: string | null, lastPriceChangeAt: string | null, pricingHistory: Array<{ id: string, reason: PricingReason, strategy: RepricingStrategy | null, oldPrice: { amount: string }, newPrice: { amount: string } }>, askPrice: { amount: string, currency: string }, originalAsk: { amount: string }, costBasis: { amount: string }, floorPrice: { amount: string }, marketLowestAsk: { amount: string } | null, marketHighestBid: { amount: string } | null, platform: { slug: string }, inventoryItem: { id: string, status: InventoryStatus, quantitySold: number }, repricingRule: { id: string, strategy: RepricingStrategy, active: boolean, floorPrice: string | null, ceilingPrice: string | null, minimumMargin: string | null, maxChangePercent: string | null, cooldownSeconds: number | null, undercutAmount: string | null, undercutPercent: string | null, fixedPrice: string | null } | null }
    | Record<PropertyKey, never>
   | null };

export type StrategyPerformanceQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type StrategyPerformanceQuery = { strategyPerformance: Array<{ strategy: RepricingStrategy | null, listings: number, active: number, sales: number, sellThroughRate: string | null, averageMargin: string | null, averageDaysToSale: string | null }> };

export type IngestMarketSnapshotsMutationVariables = Exact<{
  input: IngestMarketSnapshotsInput;
}>;


export type IngestMarketSnapshotsMutation = { ingestMarketSnapshots: { written: number, changes: number, results: Array<{ index: number, accepted: boolean, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> }>, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type VariantMarketQueryVariables = Exact<{
  id: string | number;
  platforms?: Array<string> | string | null | undefined;
  maxAgeSeconds?: number | null | undefined;
}>;


export type VariantMarketQuery = { node:
    | { sizeKey: string, market: Array<{ sales7d: number | null, sales30d: number | null, volatility: string | null, capturedAt: string, changedAt: string | null, source: MarketDataSource, stale: boolean, ageSeconds: number, platform: { slug: string }, lowestAsk: { amount: string, currency: string } | null, highestBid: { amount: string, currency: string } | null, lastSale: { amount: string, currency: string } | null, previousLowestAsk: { amount: string } | null, previousHighestBid: { amount: string } | null }> }
    | Record<PropertyKey, never>
   | null };

export type VariantPriceHistoryQueryVariables = Exact<{
  id: string | number;
  platform?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  interval?: HistoryInterval | null | undefined;
}>;


export type VariantPriceHistoryQuery = { node:
    | { priceHistory: Array<{ start: string, end: string, currency: string, open: string | null, high: string | null, low: string | null, close: string | null, volume: number | null, samples: number, platform: { slug: string } }> }
    | Record<PropertyKey, never>
   | null };

export type VariantBestPlatformQueryVariables = Exact<{
  id: string | number;
  basis?: PayoutBasis | null | undefined;
  currency?: string | null | undefined;
}>;


export type VariantBestPlatformQuery = { node:
    | { bestPlatform: { basis: PayoutBasis, platform: { slug: string }, price: { amount: string, currency: string }, sellerFee: { amount: string }, processingFee: { amount: string }, fixedFee: { amount: string }, totalFees: { amount: string }, net: { amount: string, currency: string } } | null }
    | Record<PropertyKey, never>
   | null };

export type ProductMarketQueryVariables = Exact<{
  id: string | number;
}>;


export type ProductMarketQuery = { product: { market: Array<{ stale: boolean, variant: { sizeKey: string }, platform: { slug: string }, lowestAsk: { amount: string } | null }> } | null };

export type ProductPageQueryVariables = Exact<{
  id: string | number;
  from?: string | null | undefined;
}>;


export type ProductPageQuery = { product: { variants: Array<{ sizeKey: string, market: Array<{ stale: boolean, lowestAsk: { amount: string } | null, highestBid: { amount: string } | null }>, priceHistory: Array<{ open: string | null, close: string | null }> }> } | null };

export type PlatformComparisonQueryVariables = Exact<{
  days?: number | null | undefined;
}>;


export type PlatformComparisonQuery = { platformComparison: Array<{ currency: string, quotes: number, listings: number, averageFeeRate: string | null, averageSalesPerDay: string | null, averageVolatility: string | null, platform: { slug: string }, averageAsk: { amount: string, currency: string } | null }> };

export type MarketMoversQueryVariables = Exact<{
  period?: MoverPeriod | null | undefined;
  first?: number | null | undefined;
  platform?: string | null | undefined;
}>;


export type MarketMoversQuery = { marketMovers: Array<{ changePercent: string, since: string, at: string, variant: { sizeKey: string }, product: { sku: string }, platform: { slug: string }, from: { amount: string }, to: { amount: string } }> };

export type CreatePriceAlertMutationVariables = Exact<{
  input: CreatePriceAlertInput;
}>;


export type CreatePriceAlertMutation = { createPriceAlert: { priceAlert: { id: string, condition: PriceAlertCondition, threshold: string, currency: string, active: boolean, triggerCount: number, lastTriggeredAt: string | null, product: { sku: string }, variant: { sizeKey: string } | null, platform: { slug: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DeletePriceAlertMutationVariables = Exact<{
  input: DeletePriceAlertInput;
}>;


export type DeletePriceAlertMutation = { deletePriceAlert: { deletedId: string | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type PriceAlertsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  active?: boolean | null | undefined;
}>;


export type PriceAlertsQuery = { priceAlerts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, condition: PriceAlertCondition, threshold: string, triggerCount: number, lastTriggeredAt: string | null, variant: { sizeKey: string } | null }> } };

export type PriceChangedSubscriptionVariables = Exact<{
  filter?: PriceChangeFilter | null | undefined;
}>;


export type PriceChangedSubscription = { priceChanged: { field: PriceField, changePercent: string | null, at: string, old: { amount: string, currency: string } | null, new: { amount: string, currency: string } | null, platform: { slug: string }, variant: { id: string, sizeKey: string }, product: { id: string, sku: string } } };

export type PriceAlertTriggeredSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PriceAlertTriggeredSubscription = { priceAlertTriggered: { condition: PriceAlertCondition, threshold: string, field: PriceField, changePercent: string | null, alert: { id: string, condition: PriceAlertCondition } | null, old: { amount: string } | null, new: { amount: string } | null, variant: { sizeKey: string }, platform: { slug: string } } };

export type VariantMarketFreshQueryVariables = Exact<{
  id: string | number;
  platforms?: Array<string> | string | null | undefined;
  maxAgeSeconds?: number | null | undefined;
  waitMs?: number | null | undefined;
}>;


export type VariantMarketFreshQuery = { node:
    | { market: Array<{ capturedAt: string, source: MarketDataSource, stale: boolean, ageSeconds: number, platform: { slug: string }, lowestAsk: { amount: string, currency: string } | null }> }
    | Record<PropertyKey, never>
   | null };

export type ProductMarketFreshQueryVariables = Exact<{
  id: string | number;
  maxAgeSeconds?: number | null | undefined;
  waitMs?: number | null | undefined;
}>;


export type ProductMarketFreshQuery = { product: { tier: ProductTier, market: Array<{ capturedAt: string, source: MarketDataSource, stale: boolean, variant: { sizeKey: string }, platform: { slug: string } }> } | null };

export type OrderFieldsFragment = { id: string, externalOrderNumber: string, source: OrderSource, status: OrderStatus | null, rawStatus: string | null, currency: string, salePrice: string | null, buyerPremium: string, sellerFee: string | null, processingFee: string | null, fixedFee: string | null, shippingCost: string | null, netProceeds: string | null, costBasis: string | null, grossProfit: string | null, netProfit: string | null, margin: string | null, roi: string | null, baseCurrency: string, fxRate: string | null, fxDate: string | null, quantity: number, trackingNumber: string | null, orderedAt: string, shippedAt: string | null, completedAt: string | null, baseSale: { amount: string, currency: string } | null, baseTotalFees: { amount: string } | null, baseNet: { amount: string } | null, baseCost: { amount: string } | null, baseProfit: { amount: string } | null, platform: { slug: string }, listing: { id: string, status: ListingStatus } | null, inventoryItem: { id: string, status: InventoryStatus, quantitySold: number } | null, items: Array<{ id: string, externalItemId: string, title: string | null, sku: string | null, quantity: number, unitPrice: string | null, variant: { id: string, sizeKey: string } | null }> };

export type RecordOrderMutationVariables = Exact<{
  input: RecordOrderInput;
}>;


export type RecordOrderMutation = { recordOrder: { order: { id: string, externalOrderNumber: string, source: OrderSource, status: OrderStatus | null, rawStatus: string | null, currency: string, salePrice: string | null, buyerPremium: string, sellerFee: string | null, processingFee: string | null, fixedFee: string | null, shippingCost: string | null, netProceeds: string | null, costBasis: string | null, grossProfit: string | null, netProfit: string | null, margin: string | null, roi: string | null, baseCurrency: string, fxRate: string | null, fxDate: string | null, quantity: number, trackingNumber: string | null, orderedAt: string, shippedAt: string | null, completedAt: string | null, baseSale: { amount: string, currency: string } | null, baseTotalFees: { amount: string } | null, baseNet: { amount: string } | null, baseCost: { amount: string } | null, baseProfit: { amount: string } | null, platform: { slug: string }, listing: { id: string, status: ListingStatus } | null, inventoryItem: { id: string, status: InventoryStatus, quantitySold: number } | null, items: Array<{ id: string, externalItemId: string, title: string | null, sku: string | null, quantity: number, unitPrice: string | null, variant: { id: string, sizeKey: string } | null }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type UpdateOrderStatusMutationVariables = Exact<{
  input: UpdateOrderStatusInput;
}>;


export type UpdateOrderStatusMutation = { updateOrderStatus: { order: { id: string, status: OrderStatus | null, trackingNumber: string | null, shippedAt: string | null, completedAt: string | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type OrdersQueryVariables = Exact<{
  filter?: OrderFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OrdersQuery = { orders: { totalCount: number, stale: boolean, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, externalOrderNumber: string, source: OrderSource, status: OrderStatus | null, rawStatus: string | null, currency: string, salePrice: string | null, buyerPremium: string, sellerFee: string | null, processingFee: string | null, fixedFee: string | null, shippingCost: string | null, netProceeds: string | null, costBasis: string | null, grossProfit: string | null, netProfit: string | null, margin: string | null, roi: string | null, baseCurrency: string, fxRate: string | null, fxDate: string | null, quantity: number, trackingNumber: string | null, orderedAt: string, shippedAt: string | null, completedAt: string | null, baseSale: { amount: string, currency: string } | null, baseTotalFees: { amount: string } | null, baseNet: { amount: string } | null, baseCost: { amount: string } | null, baseProfit: { amount: string } | null, platform: { slug: string }, listing: { id: string, status: ListingStatus } | null, inventoryItem: { id: string, status: InventoryStatus, quantitySold: number } | null, items: Array<{ id: string, externalItemId: string, title: string | null, sku: string | null, quantity: number, unitPrice: string | null, variant: { id: string, sizeKey: string } | null }> } }> } };

export type OrdersDeepQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type OrdersDeepQuery = { orders: { edges: Array<{ node: { id: string, netProfit: string | null, platform: { slug: string }, listing: { id: string, platform: { slug: string } } | null, inventoryItem: { id: string } | null, items: Array<{ id: string, variant: { id: string, sizeKey: string } | null }> } }> } };

export type OrderNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderNodeQuery = { node:
    | { id: string, status: OrderStatus | null, netProfit: string | null }
    | Record<PropertyKey, never>
   | null };

export type ProfitAnalyticsQueryVariables = Exact<{
  period: Period;
}>;


export type ProfitAnalyticsQuery = { profitAnalytics: { period: Period, currency: string, orders: number, units: number, revenue: string, fees: string, shipping: string, netProceeds: string, costBasis: string, grossProfit: string, netProfit: string, margin: string | null, roi: string | null, completedOrders: number, openOrders: number, cancelledOrders: number, returnedOrders: number, realizedNetProfit: string, pendingNetProfit: string, averageNetProfit: string | null, returnRate: string | null, ordersWithoutProfit: number, ordersWithoutRate: number } };

export type SalesSummaryQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  groupBy: SalesGrouping;
  currency?: string | null | undefined;
}>;


export type SalesSummaryQuery = { salesSummary: Array<{ key: string, currency: string, orders: number, units: number, revenue: string, fees: string, shipping: string, netProceeds: string, costBasis: string, netProfit: string, margin: string | null, roi: string | null, returnedOrders: number, ordersWithoutProfit: number, ordersWithoutRate: number, platform: { slug: string } | null, product: { id: string, sku: string } | null }> };

export type TopProductsQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  limit?: number | null | undefined;
}>;


export type TopProductsQuery = { topProductsByMarketplace: Array<{ currency: string, platform: { slug: string }, products: Array<{ rank: number, orders: number, units: number, revenue: string, netProfit: string, product: { sku: string } | null }> }> };

export type ReturnRatesQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type ReturnRatesQuery = { returnRatesByMarketplace: Array<{ delivered: number, returned: number, returnRate: string | null, platform: { slug: string } }> };

export type TaxReportQueryVariables = Exact<{
  year: number;
  method?: CostBasisMethod | null | undefined;
}>;


export type TaxReportQuery = { taxReport: { year: number, method: CostBasisMethod, currency: string, rows: Array<{ description: string, quantity: number, acquiredOn: string, soldOn: string, proceeds: string, costBasis: string, fees: string, gain: string, term: HoldingTerm, saleId: string, orderId: string, inventoryItemId: string }>, totals: { proceeds: string, costBasis: string, fees: string, gain: string, shortTermGain: string, longTermGain: string }, problems: Array<{ orderId: string, code: TaxProblemCode, unmatchedQuantity: number, message: string }> } };

export type ArbitrageOpportunitiesQueryVariables = Exact<{
  minProfit?: string | null | undefined;
  minMarginPercent?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ArbitrageOpportunitiesQuery = { arbitrageOpportunities: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, status: OpportunityStatus, currency: string, buyPrice: string, buyerFee: string, buyCost: string, sellPrice: string, sellPriceSource: SellPriceSource, sellerFees: string, expectedNet: string, expectedProfit: string, margin: string, roi: string, variant: { id: string, sizeKey: string }, product: { sku: string }, buyPlatform: { slug: string }, sellPlatform: { slug: string } } }> } };

export type RepricingOpportunitiesQueryVariables = Exact<{
  minGapPercent?: string | null | undefined;
}>;


export type RepricingOpportunitiesQuery = { repricingOpportunities: Array<{ currency: string, ask: string, marketLowestAsk: string, gapPercent: string, sales7d: number | null, sales30d: number, netAtMarket: string, profitAtMarket: string, listing: { id: string, platform: { slug: string } } }> };

export type OrderChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OrderChangedSubscription = { orderChanged: { id: string, status: OrderStatus | null, externalOrderNumber: string, netProfit: string | null, items: Array<{ quantity: number }> } };

export type ConnectionFieldsFragment = { id: string, scope: ConnectionScope, status: ConnectionStatus, credentialHint: string | null, externalAccountName: string | null, lastSyncAt: string | null, lastError: string | null, disconnectedAt: string | null, platform: { slug: string } };

export type SyncRunFieldsFragment = { id: string, kind: SyncKind, trigger: SyncTrigger, status: SyncRunStatus, fetched: number, written: number, failed: number, pages: number, attempts: number, error: string | null, errorReason: string | null, startedAt: string | null, finishedAt: string | null, connection: { id: string } | null, platform: { slug: string } | null };

export type ConnectMarketplaceMutationVariables = Exact<{
  input: ConnectMarketplaceInput;
}>;


export type ConnectMarketplaceMutation = { connectMarketplace: { connection: { id: string, scope: ConnectionScope, status: ConnectionStatus, credentialHint: string | null, externalAccountName: string | null, lastSyncAt: string | null, lastError: string | null, disconnectedAt: string | null, platform: { slug: string } } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DisconnectMarketplaceMutationVariables = Exact<{
  input: DisconnectMarketplaceInput;
}>;


export type DisconnectMarketplaceMutation = { disconnectMarketplace: { connection: { id: string, scope: ConnectionScope, status: ConnectionStatus, credentialHint: string | null, externalAccountName: string | null, lastSyncAt: string | null, lastError: string | null, disconnectedAt: string | null, platform: { slug: string } } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type SyncConnectionMutationVariables = Exact<{
  input: SyncConnectionInput;
}>;


export type SyncConnectionMutation = { syncConnection: { syncRun: { id: string, kind: SyncKind, trigger: SyncTrigger, status: SyncRunStatus, fetched: number, written: number, failed: number, pages: number, attempts: number, error: string | null, errorReason: string | null, startedAt: string | null, finishedAt: string | null, connection: { id: string } | null, platform: { slug: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type ConnectionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConnectionsQuery = { connections: Array<{ id: string, scope: ConnectionScope, status: ConnectionStatus, credentialHint: string | null, externalAccountName: string | null, lastSyncAt: string | null, lastError: string | null, disconnectedAt: string | null, platform: { slug: string } }> };

export type SyncRunsQueryVariables = Exact<{
  filter?: SyncRunFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SyncRunsQuery = { syncRuns: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, kind: SyncKind, trigger: SyncTrigger, status: SyncRunStatus, fetched: number, written: number, failed: number, pages: number, attempts: number, error: string | null, errorReason: string | null, startedAt: string | null, finishedAt: string | null, connection: { id: string } | null, platform: { slug: string } | null } }> } };

export type SyncNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type SyncNodeQuery = { node:
    | { __typename: 'Account', id: string }
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'ExternalRef', id: string }
    | { __typename: 'InventoryItem', id: string }
    | { __typename: 'Listing', id: string }
    | { __typename: 'MarketplaceConnection', credentialHint: string | null, id: string, connectionStatus: ConnectionStatus }
    | { __typename: 'Opportunity', id: string }
    | { __typename: 'Order', id: string }
    | { __typename: 'OrderItem', id: string }
    | { __typename: 'Platform', id: string }
    | { __typename: 'PriceAlert', id: string }
    | { __typename: 'PricingHistory', id: string }
    | { __typename: 'Product', id: string }
    | { __typename: 'RepricingRule', id: string }
    | { __typename: 'SyncRun', kind: SyncKind, id: string, runStatus: SyncRunStatus }
    | { __typename: 'Variant', id: string }
   | null };

export const InventoryItemFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InventoryItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"quantitySold"}},{"kind":"Field","name":{"kind":"Name","value":"quantityAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"purchasePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purchaseCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}}]} as unknown as DocumentNode<InventoryItemFieldsFragment, unknown>;
export const ListingFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ListingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Listing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"askPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costBasis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"floorPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdFrom"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOpportunity"}},{"kind":"Field","name":{"kind":"Name","value":"externalListingId"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationType"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationId"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationError"}},{"kind":"Field","name":{"kind":"Name","value":"listedAt"}},{"kind":"Field","name":{"kind":"Name","value":"delistedAt"}},{"kind":"Field","name":{"kind":"Name","value":"soldAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastPriceChangeAt"}},{"kind":"Field","name":{"kind":"Name","value":"marketLowestAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketHighestBid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventoryItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quantitySold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repricingRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"floorPrice"}},{"kind":"Field","name":{"kind":"Name","value":"ceilingPrice"}},{"kind":"Field","name":{"kind":"Name","value":"minimumMargin"}},{"kind":"Field","name":{"kind":"Name","value":"maxChangePercent"}},{"kind":"Field","name":{"kind":"Name","value":"cooldownSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"undercutAmount"}},{"kind":"Field","name":{"kind":"Name","value":"undercutPercent"}},{"kind":"Field","name":{"kind":"Name","value":"fixedPrice"}}]}}]}}]} as unknown as DocumentNode<ListingFieldsFragment, unknown>;
export const OrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalOrderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"salePrice"}},{"kind":"Field","name":{"kind":"Name","value":"buyerPremium"}},{"kind":"Field","name":{"kind":"Name","value":"sellerFee"}},{"kind":"Field","name":{"kind":"Name","value":"processingFee"}},{"kind":"Field","name":{"kind":"Name","value":"fixedFee"}},{"kind":"Field","name":{"kind":"Name","value":"shippingCost"}},{"kind":"Field","name":{"kind":"Name","value":"netProceeds"}},{"kind":"Field","name":{"kind":"Name","value":"costBasis"}},{"kind":"Field","name":{"kind":"Name","value":"grossProfit"}},{"kind":"Field","name":{"kind":"Name","value":"netProfit"}},{"kind":"Field","name":{"kind":"Name","value":"margin"}},{"kind":"Field","name":{"kind":"Name","value":"roi"}},{"kind":"Field","name":{"kind":"Name","value":"baseCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"fxRate"}},{"kind":"Field","name":{"kind":"Name","value":"fxDate"}},{"kind":"Field","name":{"kind":"Name","value":"baseSale"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"baseTotalFees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"baseNet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"baseCost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"baseProfit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"orderedAt"}},{"kind":"Field","name":{"kind":"Name","value":"shippedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventoryItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quantitySold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalItemId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}}]}}]} as unknown as DocumentNode<OrderFieldsFragment, unknown>;
export const ConnectionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MarketplaceConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"credentialHint"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"disconnectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<ConnectionFieldsFragment, unknown>;
export const SyncRunFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fetched"}},{"kind":"Field","name":{"kind":"Name","value":"written"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"errorReason"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"connection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<SyncRunFieldsFragment, unknown>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"baseCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const ViewerKeyIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerKeyIds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerKeyIdsQuery, ViewerKeyIdsQueryVariables>;
export const NodeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}}]}}]}}]}}]} as unknown as DocumentNode<NodeApiKeyQuery, NodeApiKeyQueryVariables>;
export const PlatformsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Platforms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platforms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"fees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerFeeRate"}},{"kind":"Field","name":{"kind":"Name","value":"paymentProcessingRate"}},{"kind":"Field","name":{"kind":"Name","value":"buyerFeeRate"}},{"kind":"Field","name":{"kind":"Name","value":"fixedFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minimumFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"marketData"}},{"kind":"Field","name":{"kind":"Name","value":"listings"}},{"kind":"Field","name":{"kind":"Name","value":"orders"}}]}}]}}]}}]} as unknown as DocumentNode<PlatformsQuery, PlatformsQueryVariables>;
export const ProductBySkuDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductBySku"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sku"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sku"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sku"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"skuNormalized"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}},{"kind":"Field","name":{"kind":"Name","value":"numericSize"}},{"kind":"Field","name":{"kind":"Name","value":"sizeSystem"}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalRefs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductBySkuQuery, ProductBySkuQueryVariables>;
export const ProductByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ProductByIdQuery, ProductByIdQueryVariables>;
export const ProductsWithSizesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductsWithSizes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"popularity"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductsWithSizesQuery, ProductsWithSizesQueryVariables>;
export const NodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Variant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Platform"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExternalRef"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const NodesByIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodesByIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Variant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Platform"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExternalRef"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]} as unknown as DocumentNode<NodesByIdsQuery, NodesByIdsQueryVariables>;
export const ProductsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"popularity"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"releaseDate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductsPageQuery, ProductsPageQueryVariables>;
export const ProductsDeepDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductsDeep"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalRefs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductsDeepQuery, ProductsDeepQueryVariables>;
export const ProductsDeepWithTotalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductsDeepWithTotal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalRefs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductsDeepWithTotalQuery, ProductsDeepWithTotalQueryVariables>;
export const ProductCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<ProductCountQuery, ProductCountQueryVariables>;
export const UpsertProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertProducts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertProductsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertProducts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"skuNormalized"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}},{"kind":"Field","name":{"kind":"Name","value":"sizeSystem"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<UpsertProductsMutation, UpsertProductsMutationVariables>;
export const UpsertVariantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertVariants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertVariantsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertVariants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<UpsertVariantsMutation, UpsertVariantsMutationVariables>;
export const LinkExternalRefDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkExternalRef"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LinkExternalRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkExternalRef"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalRef"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<LinkExternalRefMutation, LinkExternalRefMutationVariables>;
export const ProductPopularityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductPopularity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sku"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"sku"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sku"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"popularity"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"lastViewedAt"}}]}}]}}]} as unknown as DocumentNode<ProductPopularityQuery, ProductPopularityQueryVariables>;
export const AddInventoryItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddInventoryItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddInventoryItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addInventoryItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inventoryItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InventoryItemFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InventoryItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"quantitySold"}},{"kind":"Field","name":{"kind":"Name","value":"quantityAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"purchasePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purchaseCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}}]} as unknown as DocumentNode<AddInventoryItemMutation, AddInventoryItemMutationVariables>;
export const UpdateInventoryItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateInventoryItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateInventoryItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateInventoryItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inventoryItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InventoryItemFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InventoryItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"quantitySold"}},{"kind":"Field","name":{"kind":"Name","value":"quantityAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"purchasePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purchaseCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}}]} as unknown as DocumentNode<UpdateInventoryItemMutation, UpdateInventoryItemMutationVariables>;
export const RemoveInventoryItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveInventoryItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveInventoryItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeInventoryItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inventoryItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveInventoryItemMutation, RemoveInventoryItemMutationVariables>;
export const InventoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Inventory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inventory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InventoryItemFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InventoryItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"quantitySold"}},{"kind":"Field","name":{"kind":"Name","value":"quantityAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"purchasePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purchaseCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}}]} as unknown as DocumentNode<InventoryQuery, InventoryQueryVariables>;
export const InventoryMarketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InventoryMarket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inventory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"marketplaceData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ourAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lowestAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"highestBid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastSale"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"salesLast7Days"}},{"kind":"Field","name":{"kind":"Name","value":"salesLast30Days"}},{"kind":"Field","name":{"kind":"Name","value":"salesPerDay"}},{"kind":"Field","name":{"kind":"Name","value":"volatility"}},{"kind":"Field","name":{"kind":"Name","value":"sellerFeeRate"}},{"kind":"Field","name":{"kind":"Name","value":"feeRate"}},{"kind":"Field","name":{"kind":"Name","value":"estimateBasis"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedNet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capturedAt"}},{"kind":"Field","name":{"kind":"Name","value":"platformData"}}]}},{"kind":"Field","name":{"kind":"Name","value":"valuation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"costBasis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platforms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitNet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unrealizedProfit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"margin"}},{"kind":"Field","name":{"kind":"Name","value":"roi"}}]}},{"kind":"Field","name":{"kind":"Name","value":"best"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitNet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unrealizedProfit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InventoryMarketQuery, InventoryMarketQueryVariables>;
export const InventoryValuationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InventoryValuation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"basis"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PriceBasis"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valuation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"basis"},"value":{"kind":"Variable","name":{"kind":"Name","value":"basis"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"platforms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitNet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unrealizedProfit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"margin"}},{"kind":"Field","name":{"kind":"Name","value":"roi"}}]}},{"kind":"Field","name":{"kind":"Name","value":"best"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InventoryValuationQuery, InventoryValuationQueryVariables>;
export const InventoryRecommendationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InventoryRecommendations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"strategy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RepricingStrategy"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minimumMargin"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Decimal"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pricingRecommendations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"strategy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"strategy"}}},{"kind":"Argument","name":{"kind":"Name","value":"minimumMargin"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minimumMargin"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"floor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expectedNet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expectedProfit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"margin"}},{"kind":"Field","name":{"kind":"Name","value":"roi"}},{"kind":"Field","name":{"kind":"Name","value":"guards"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InventoryRecommendationsQuery, InventoryRecommendationsQueryVariables>;
export const InventoryItemNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InventoryItemNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InventoryItemFields"}},{"kind":"Field","name":{"kind":"Name","value":"listings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InventoryItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"quantitySold"}},{"kind":"Field","name":{"kind":"Name","value":"quantityAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"purchasePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purchaseCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}}]} as unknown as DocumentNode<InventoryItemNodeQuery, InventoryItemNodeQueryVariables>;
export const CreateListingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateListing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateListingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createListing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ListingFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platformSync"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ListingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Listing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"askPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costBasis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"floorPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdFrom"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOpportunity"}},{"kind":"Field","name":{"kind":"Name","value":"externalListingId"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationType"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationId"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationError"}},{"kind":"Field","name":{"kind":"Name","value":"listedAt"}},{"kind":"Field","name":{"kind":"Name","value":"delistedAt"}},{"kind":"Field","name":{"kind":"Name","value":"soldAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastPriceChangeAt"}},{"kind":"Field","name":{"kind":"Name","value":"marketLowestAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketHighestBid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventoryItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quantitySold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repricingRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"floorPrice"}},{"kind":"Field","name":{"kind":"Name","value":"ceilingPrice"}},{"kind":"Field","name":{"kind":"Name","value":"minimumMargin"}},{"kind":"Field","name":{"kind":"Name","value":"maxChangePercent"}},{"kind":"Field","name":{"kind":"Name","value":"cooldownSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"undercutAmount"}},{"kind":"Field","name":{"kind":"Name","value":"undercutPercent"}},{"kind":"Field","name":{"kind":"Name","value":"fixedPrice"}}]}}]}}]} as unknown as DocumentNode<CreateListingMutation, CreateListingMutationVariables>;
export const CreateListingsFromOpportunitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateListingsFromOpportunities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateListingsFromOpportunitiesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createListingsFromOpportunities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"askPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdFrom"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOpportunity"}},{"kind":"Field","name":{"kind":"Name","value":"repricingRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategy"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platformSync"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CreateListingsFromOpportunitiesMutation, CreateListingsFromOpportunitiesMutationVariables>;
export const UpdateListingPriceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateListingPrice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateListingPriceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateListingPrice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ListingFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pricingHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"oldPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketLowestAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketHighestBid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"platformSync"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ListingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Listing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"askPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costBasis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"floorPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdFrom"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOpportunity"}},{"kind":"Field","name":{"kind":"Name","value":"externalListingId"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationType"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationId"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationError"}},{"kind":"Field","name":{"kind":"Name","value":"listedAt"}},{"kind":"Field","name":{"kind":"Name","value":"delistedAt"}},{"kind":"Field","name":{"kind":"Name","value":"soldAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastPriceChangeAt"}},{"kind":"Field","name":{"kind":"Name","value":"marketLowestAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketHighestBid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventoryItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quantitySold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repricingRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"floorPrice"}},{"kind":"Field","name":{"kind":"Name","value":"ceilingPrice"}},{"kind":"Field","name":{"kind":"Name","value":"minimumMargin"}},{"kind":"Field","name":{"kind":"Name","value":"maxChangePercent"}},{"kind":"Field","name":{"kind":"Name","value":"cooldownSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"undercutAmount"}},{"kind":"Field","name":{"kind":"Name","value":"undercutPercent"}},{"kind":"Field","name":{"kind":"Name","value":"fixedPrice"}}]}}]}}]} as unknown as DocumentNode<UpdateListingPriceMutation, UpdateListingPriceMutationVariables>;
export const ActivateListingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActivateListing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ListingStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activateListing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ListingFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platformSync"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ListingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Listing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"askPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costBasis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"floorPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdFrom"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOpportunity"}},{"kind":"Field","name":{"kind":"Name","value":"externalListingId"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationType"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationId"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationError"}},{"kind":"Field","name":{"kind":"Name","value":"listedAt"}},{"kind":"Field","name":{"kind":"Name","value":"delistedAt"}},{"kind":"Field","name":{"kind":"Name","value":"soldAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastPriceChangeAt"}},{"kind":"Field","name":{"kind":"Name","value":"marketLowestAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketHighestBid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventoryItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quantitySold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repricingRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"floorPrice"}},{"kind":"Field","name":{"kind":"Name","value":"ceilingPrice"}},{"kind":"Field","name":{"kind":"Name","value":"minimumMargin"}},{"kind":"Field","name":{"kind":"Name","value":"maxChangePercent"}},{"kind":"Field","name":{"kind":"Name","value":"cooldownSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"undercutAmount"}},{"kind":"Field","name":{"kind":"Name","value":"undercutPercent"}},{"kind":"Field","name":{"kind":"Name","value":"fixedPrice"}}]}}]}}]} as unknown as DocumentNode<ActivateListingMutation, ActivateListingMutationVariables>;
export const DeactivateListingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeactivateListing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ListingStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deactivateListing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ListingFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platformSync"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ListingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Listing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"askPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costBasis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"floorPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdFrom"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOpportunity"}},{"kind":"Field","name":{"kind":"Name","value":"externalListingId"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationType"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationId"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationError"}},{"kind":"Field","name":{"kind":"Name","value":"listedAt"}},{"kind":"Field","name":{"kind":"Name","value":"delistedAt"}},{"kind":"Field","name":{"kind":"Name","value":"soldAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastPriceChangeAt"}},{"kind":"Field","name":{"kind":"Name","value":"marketLowestAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketHighestBid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventoryItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quantitySold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repricingRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"floorPrice"}},{"kind":"Field","name":{"kind":"Name","value":"ceilingPrice"}},{"kind":"Field","name":{"kind":"Name","value":"minimumMargin"}},{"kind":"Field","name":{"kind":"Name","value":"maxChangePercent"}},{"kind":"Field","name":{"kind":"Name","value":"cooldownSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"undercutAmount"}},{"kind":"Field","name":{"kind":"Name","value":"undercutPercent"}},{"kind":"Field","name":{"kind":"Name","value":"fixedPrice"}}]}}]}}]} as unknown as DocumentNode<DeactivateListingMutation, DeactivateListingMutationVariables>;
export const SetRepricingRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetRepricingRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetRepricingRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setRepricingRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"repricingRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"floorPrice"}},{"kind":"Field","name":{"kind":"Name","value":"ceilingPrice"}},{"kind":"Field","name":{"kind":"Name","value":"minimumMargin"}},{"kind":"Field","name":{"kind":"Name","value":"maxChangePercent"}},{"kind":"Field","name":{"kind":"Name","value":"cooldownSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"undercutAmount"}},{"kind":"Field","name":{"kind":"Name","value":"undercutPercent"}},{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<SetRepricingRuleMutation, SetRepricingRuleMutationVariables>;
export const RepriceListingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RepriceListings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RepriceListingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"repriceListings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"evaluated"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listingId"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"oldPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"proposedPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"skipReason"}},{"kind":"Field","name":{"kind":"Name","value":"guards"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"floor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ceiling"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketLowestAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<RepriceListingsMutation, RepriceListingsMutationVariables>;
export const ListingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Listings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ListingFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ListingFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ListingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Listing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"askPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costBasis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"floorPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdFrom"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOpportunity"}},{"kind":"Field","name":{"kind":"Name","value":"externalListingId"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationType"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationId"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationError"}},{"kind":"Field","name":{"kind":"Name","value":"listedAt"}},{"kind":"Field","name":{"kind":"Name","value":"delistedAt"}},{"kind":"Field","name":{"kind":"Name","value":"soldAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastPriceChangeAt"}},{"kind":"Field","name":{"kind":"Name","value":"marketLowestAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketHighestBid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventoryItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quantitySold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repricingRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"floorPrice"}},{"kind":"Field","name":{"kind":"Name","value":"ceilingPrice"}},{"kind":"Field","name":{"kind":"Name","value":"minimumMargin"}},{"kind":"Field","name":{"kind":"Name","value":"maxChangePercent"}},{"kind":"Field","name":{"kind":"Name","value":"cooldownSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"undercutAmount"}},{"kind":"Field","name":{"kind":"Name","value":"undercutPercent"}},{"kind":"Field","name":{"kind":"Name","value":"fixedPrice"}}]}}]}}]} as unknown as DocumentNode<ListingsQuery, ListingsQueryVariables>;
export const ListingsHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListingsHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"askPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pricingHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"oldPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketLowestAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketHighestBid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ListingsHistoryQuery, ListingsHistoryQueryVariables>;
export const ListingNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListingNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Listing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ListingFields"}},{"kind":"Field","name":{"kind":"Name","value":"pricingHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"oldPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ListingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Listing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"askPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costBasis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"floorPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdFrom"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOpportunity"}},{"kind":"Field","name":{"kind":"Name","value":"externalListingId"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationType"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationId"}},{"kind":"Field","name":{"kind":"Name","value":"externalOperationError"}},{"kind":"Field","name":{"kind":"Name","value":"listedAt"}},{"kind":"Field","name":{"kind":"Name","value":"delistedAt"}},{"kind":"Field","name":{"kind":"Name","value":"soldAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastPriceChangeAt"}},{"kind":"Field","name":{"kind":"Name","value":"marketLowestAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketHighestBid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventoryItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quantitySold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repricingRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"floorPrice"}},{"kind":"Field","name":{"kind":"Name","value":"ceilingPrice"}},{"kind":"Field","name":{"kind":"Name","value":"minimumMargin"}},{"kind":"Field","name":{"kind":"Name","value":"maxChangePercent"}},{"kind":"Field","name":{"kind":"Name","value":"cooldownSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"undercutAmount"}},{"kind":"Field","name":{"kind":"Name","value":"undercutPercent"}},{"kind":"Field","name":{"kind":"Name","value":"fixedPrice"}}]}}]}}]} as unknown as DocumentNode<ListingNodeQuery, ListingNodeQueryVariables>;
export const StrategyPerformanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StrategyPerformance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategyPerformance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"listings"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"sales"}},{"kind":"Field","name":{"kind":"Name","value":"sellThroughRate"}},{"kind":"Field","name":{"kind":"Name","value":"averageMargin"}},{"kind":"Field","name":{"kind":"Name","value":"averageDaysToSale"}}]}}]}}]} as unknown as DocumentNode<StrategyPerformanceQuery, StrategyPerformanceQueryVariables>;
export const IngestMarketSnapshotsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IngestMarketSnapshots"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IngestMarketSnapshotsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestMarketSnapshots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"written"}},{"kind":"Field","name":{"kind":"Name","value":"changes"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<IngestMarketSnapshotsMutation, IngestMarketSnapshotsMutationVariables>;
export const VariantMarketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VariantMarket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platforms"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxAgeSeconds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Variant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}},{"kind":"Field","name":{"kind":"Name","value":"market"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"platforms"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platforms"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxAgeSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxAgeSeconds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lowestAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"highestBid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastSale"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousLowestAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousHighestBid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sales7d"}},{"kind":"Field","name":{"kind":"Name","value":"sales30d"}},{"kind":"Field","name":{"kind":"Name","value":"volatility"}},{"kind":"Field","name":{"kind":"Name","value":"capturedAt"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"ageSeconds"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VariantMarketQuery, VariantMarketQueryVariables>;
export const VariantPriceHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VariantPriceHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HistoryInterval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Variant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priceHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"close"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"samples"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VariantPriceHistoryQuery, VariantPriceHistoryQueryVariables>;
export const VariantBestPlatformDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VariantBestPlatform"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"basis"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PayoutBasis"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currency"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Currency"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Variant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bestPlatform"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"basis"},"value":{"kind":"Variable","name":{"kind":"Name","value":"basis"}}},{"kind":"Argument","name":{"kind":"Name","value":"currency"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currency"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sellerFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"processingFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fixedFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalFees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"net"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<VariantBestPlatformQuery, VariantBestPlatformQueryVariables>;
export const ProductMarketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductMarket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"market"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lowestAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stale"}}]}}]}}]}}]} as unknown as DocumentNode<ProductMarketQuery, ProductMarketQueryVariables>;
export const ProductPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}},{"kind":"Field","name":{"kind":"Name","value":"market"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lowestAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"highestBid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stale"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priceHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"EnumValue","value":"DAY"}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"close"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductPageQuery, ProductPageQueryVariables>;
export const PlatformComparisonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlatformComparison"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"days"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platformComparison"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"Variable","name":{"kind":"Name","value":"days"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"quotes"}},{"kind":"Field","name":{"kind":"Name","value":"listings"}},{"kind":"Field","name":{"kind":"Name","value":"averageAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"averageFeeRate"}},{"kind":"Field","name":{"kind":"Name","value":"averageSalesPerDay"}},{"kind":"Field","name":{"kind":"Name","value":"averageVolatility"}}]}}]}}]} as unknown as DocumentNode<PlatformComparisonQuery, PlatformComparisonQueryVariables>;
export const MarketMoversDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MarketMovers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MoverPeriod"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"marketMovers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changePercent"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<MarketMoversQuery, MarketMoversQueryVariables>;
export const CreatePriceAlertDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePriceAlert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePriceAlertInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPriceAlert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priceAlert"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"triggerCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastTriggeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CreatePriceAlertMutation, CreatePriceAlertMutationVariables>;
export const DeletePriceAlertDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeletePriceAlert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeletePriceAlertInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePriceAlert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<DeletePriceAlertMutation, DeletePriceAlertMutationVariables>;
export const PriceAlertsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PriceAlerts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"active"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priceAlerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"active"},"value":{"kind":"Variable","name":{"kind":"Name","value":"active"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"triggerCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastTriggeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PriceAlertsQuery, PriceAlertsQueryVariables>;
export const PriceChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PriceChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PriceChangeFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priceChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"old"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"new"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changePercent"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}}]}}]}}]} as unknown as DocumentNode<PriceChangedSubscription, PriceChangedSubscriptionVariables>;
export const PriceAlertTriggeredDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PriceAlertTriggered"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priceAlertTriggered"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alert"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}}]}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"old"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"new"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changePercent"}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]} as unknown as DocumentNode<PriceAlertTriggeredSubscription, PriceAlertTriggeredSubscriptionVariables>;
export const VariantMarketFreshDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VariantMarketFresh"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platforms"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxAgeSeconds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"waitMs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Variant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"market"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"platforms"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platforms"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxAgeSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxAgeSeconds"}}},{"kind":"Argument","name":{"kind":"Name","value":"waitMs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"waitMs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lowestAsk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capturedAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"ageSeconds"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VariantMarketFreshQuery, VariantMarketFreshQueryVariables>;
export const ProductMarketFreshDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductMarketFresh"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxAgeSeconds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"waitMs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"market"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"maxAgeSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxAgeSeconds"}}},{"kind":"Argument","name":{"kind":"Name","value":"waitMs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"waitMs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capturedAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}}]}}]}}]}}]} as unknown as DocumentNode<ProductMarketFreshQuery, ProductMarketFreshQueryVariables>;
export const RecordOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalOrderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"salePrice"}},{"kind":"Field","name":{"kind":"Name","value":"buyerPremium"}},{"kind":"Field","name":{"kind":"Name","value":"sellerFee"}},{"kind":"Field","name":{"kind":"Name","value":"processingFee"}},{"kind":"Field","name":{"kind":"Name","value":"fixedFee"}},{"kind":"Field","name":{"kind":"Name","value":"shippingCost"}},{"kind":"Field","name":{"kind":"Name","value":"netProceeds"}},{"kind":"Field","name":{"kind":"Name","value":"costBasis"}},{"kind":"Field","name":{"kind":"Name","value":"grossProfit"}},{"kind":"Field","name":{"kind":"Name","value":"netProfit"}},{"kind":"Field","name":{"kind":"Name","value":"margin"}},{"kind":"Field","name":{"kind":"Name","value":"roi"}},{"kind":"Field","name":{"kind":"Name","value":"baseCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"fxRate"}},{"kind":"Field","name":{"kind":"Name","value":"fxDate"}},{"kind":"Field","name":{"kind":"Name","value":"baseSale"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"baseTotalFees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"baseNet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"baseCost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"baseProfit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"orderedAt"}},{"kind":"Field","name":{"kind":"Name","value":"shippedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventoryItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quantitySold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalItemId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}}]}}]} as unknown as DocumentNode<RecordOrderMutation, RecordOrderMutationVariables>;
export const UpdateOrderStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateOrderStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOrderStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrderStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"shippedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateOrderStatusMutation, UpdateOrderStatusMutationVariables>;
export const OrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Orders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalOrderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"salePrice"}},{"kind":"Field","name":{"kind":"Name","value":"buyerPremium"}},{"kind":"Field","name":{"kind":"Name","value":"sellerFee"}},{"kind":"Field","name":{"kind":"Name","value":"processingFee"}},{"kind":"Field","name":{"kind":"Name","value":"fixedFee"}},{"kind":"Field","name":{"kind":"Name","value":"shippingCost"}},{"kind":"Field","name":{"kind":"Name","value":"netProceeds"}},{"kind":"Field","name":{"kind":"Name","value":"costBasis"}},{"kind":"Field","name":{"kind":"Name","value":"grossProfit"}},{"kind":"Field","name":{"kind":"Name","value":"netProfit"}},{"kind":"Field","name":{"kind":"Name","value":"margin"}},{"kind":"Field","name":{"kind":"Name","value":"roi"}},{"kind":"Field","name":{"kind":"Name","value":"baseCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"fxRate"}},{"kind":"Field","name":{"kind":"Name","value":"fxDate"}},{"kind":"Field","name":{"kind":"Name","value":"baseSale"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"baseTotalFees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"baseNet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"baseCost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"baseProfit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"orderedAt"}},{"kind":"Field","name":{"kind":"Name","value":"shippedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventoryItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quantitySold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalItemId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}}]}}]} as unknown as DocumentNode<OrdersQuery, OrdersQueryVariables>;
export const OrdersDeepDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrdersDeep"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"netProfit"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventoryItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrdersDeepQuery, OrdersDeepQueryVariables>;
export const OrderNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"netProfit"}}]}}]}}]}}]} as unknown as DocumentNode<OrderNodeQuery, OrderNodeQueryVariables>;
export const ProfitAnalyticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProfitAnalytics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profitAnalytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"orders"}},{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"}},{"kind":"Field","name":{"kind":"Name","value":"fees"}},{"kind":"Field","name":{"kind":"Name","value":"shipping"}},{"kind":"Field","name":{"kind":"Name","value":"netProceeds"}},{"kind":"Field","name":{"kind":"Name","value":"costBasis"}},{"kind":"Field","name":{"kind":"Name","value":"grossProfit"}},{"kind":"Field","name":{"kind":"Name","value":"netProfit"}},{"kind":"Field","name":{"kind":"Name","value":"margin"}},{"kind":"Field","name":{"kind":"Name","value":"roi"}},{"kind":"Field","name":{"kind":"Name","value":"completedOrders"}},{"kind":"Field","name":{"kind":"Name","value":"openOrders"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledOrders"}},{"kind":"Field","name":{"kind":"Name","value":"returnedOrders"}},{"kind":"Field","name":{"kind":"Name","value":"realizedNetProfit"}},{"kind":"Field","name":{"kind":"Name","value":"pendingNetProfit"}},{"kind":"Field","name":{"kind":"Name","value":"averageNetProfit"}},{"kind":"Field","name":{"kind":"Name","value":"returnRate"}},{"kind":"Field","name":{"kind":"Name","value":"ordersWithoutProfit"}},{"kind":"Field","name":{"kind":"Name","value":"ordersWithoutRate"}}]}}]}}]} as unknown as DocumentNode<ProfitAnalyticsQuery, ProfitAnalyticsQueryVariables>;
export const SalesSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SalesSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SalesGrouping"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currency"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Currency"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"salesSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"currency"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currency"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"orders"}},{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"}},{"kind":"Field","name":{"kind":"Name","value":"fees"}},{"kind":"Field","name":{"kind":"Name","value":"shipping"}},{"kind":"Field","name":{"kind":"Name","value":"netProceeds"}},{"kind":"Field","name":{"kind":"Name","value":"costBasis"}},{"kind":"Field","name":{"kind":"Name","value":"netProfit"}},{"kind":"Field","name":{"kind":"Name","value":"margin"}},{"kind":"Field","name":{"kind":"Name","value":"roi"}},{"kind":"Field","name":{"kind":"Name","value":"returnedOrders"}},{"kind":"Field","name":{"kind":"Name","value":"ordersWithoutProfit"}},{"kind":"Field","name":{"kind":"Name","value":"ordersWithoutRate"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}}]}}]}}]} as unknown as DocumentNode<SalesSummaryQuery, SalesSummaryQueryVariables>;
export const TopProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TopProducts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topProductsByMarketplace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"orders"}},{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"}},{"kind":"Field","name":{"kind":"Name","value":"netProfit"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TopProductsQuery, TopProductsQueryVariables>;
export const ReturnRatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReturnRates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnRatesByMarketplace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"delivered"}},{"kind":"Field","name":{"kind":"Name","value":"returned"}},{"kind":"Field","name":{"kind":"Name","value":"returnRate"}}]}}]}}]} as unknown as DocumentNode<ReturnRatesQuery, ReturnRatesQueryVariables>;
export const TaxReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaxReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"method"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CostBasisMethod"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"method"},"value":{"kind":"Variable","name":{"kind":"Name","value":"method"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"acquiredOn"}},{"kind":"Field","name":{"kind":"Name","value":"soldOn"}},{"kind":"Field","name":{"kind":"Name","value":"proceeds"}},{"kind":"Field","name":{"kind":"Name","value":"costBasis"}},{"kind":"Field","name":{"kind":"Name","value":"fees"}},{"kind":"Field","name":{"kind":"Name","value":"gain"}},{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"saleId"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"inventoryItemId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proceeds"}},{"kind":"Field","name":{"kind":"Name","value":"costBasis"}},{"kind":"Field","name":{"kind":"Name","value":"fees"}},{"kind":"Field","name":{"kind":"Name","value":"gain"}},{"kind":"Field","name":{"kind":"Name","value":"shortTermGain"}},{"kind":"Field","name":{"kind":"Name","value":"longTermGain"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"unmatchedQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TaxReportQuery, TaxReportQueryVariables>;
export const ArbitrageOpportunitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArbitrageOpportunities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minProfit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Decimal"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minMarginPercent"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Decimal"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arbitrageOpportunities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"minProfit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minProfit"}}},{"kind":"Argument","name":{"kind":"Name","value":"minMarginPercent"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minMarginPercent"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"buyPrice"}},{"kind":"Field","name":{"kind":"Name","value":"buyerFee"}},{"kind":"Field","name":{"kind":"Name","value":"buyCost"}},{"kind":"Field","name":{"kind":"Name","value":"sellPrice"}},{"kind":"Field","name":{"kind":"Name","value":"sellPriceSource"}},{"kind":"Field","name":{"kind":"Name","value":"sellerFees"}},{"kind":"Field","name":{"kind":"Name","value":"expectedNet"}},{"kind":"Field","name":{"kind":"Name","value":"expectedProfit"}},{"kind":"Field","name":{"kind":"Name","value":"margin"}},{"kind":"Field","name":{"kind":"Name","value":"roi"}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}},{"kind":"Field","name":{"kind":"Name","value":"buyPlatform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sellPlatform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ArbitrageOpportunitiesQuery, ArbitrageOpportunitiesQueryVariables>;
export const RepricingOpportunitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RepricingOpportunities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minGapPercent"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Decimal"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"repricingOpportunities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"minGapPercent"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minGapPercent"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"ask"}},{"kind":"Field","name":{"kind":"Name","value":"marketLowestAsk"}},{"kind":"Field","name":{"kind":"Name","value":"gapPercent"}},{"kind":"Field","name":{"kind":"Name","value":"sales7d"}},{"kind":"Field","name":{"kind":"Name","value":"sales30d"}},{"kind":"Field","name":{"kind":"Name","value":"netAtMarket"}},{"kind":"Field","name":{"kind":"Name","value":"profitAtMarket"}},{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RepricingOpportunitiesQuery, RepricingOpportunitiesQueryVariables>;
export const OrderChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OrderChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"externalOrderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"netProfit"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]}}]} as unknown as DocumentNode<OrderChangedSubscription, OrderChangedSubscriptionVariables>;
export const ConnectMarketplaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConnectMarketplace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectMarketplaceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectMarketplace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConnectionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MarketplaceConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"credentialHint"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"disconnectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<ConnectMarketplaceMutation, ConnectMarketplaceMutationVariables>;
export const DisconnectMarketplaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisconnectMarketplace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DisconnectMarketplaceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disconnectMarketplace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConnectionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MarketplaceConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"credentialHint"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"disconnectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<DisconnectMarketplaceMutation, DisconnectMarketplaceMutationVariables>;
export const SyncConnectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SyncConnection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SyncConnectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRunFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fetched"}},{"kind":"Field","name":{"kind":"Name","value":"written"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"errorReason"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"connection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<SyncConnectionMutation, SyncConnectionMutationVariables>;
export const ConnectionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Connections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConnectionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MarketplaceConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"credentialHint"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"disconnectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<ConnectionsQuery, ConnectionsQueryVariables>;
export const SyncRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRunFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRunFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fetched"}},{"kind":"Field","name":{"kind":"Name","value":"written"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"errorReason"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"connection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<SyncRunsQuery, SyncRunsQueryVariables>;
export const SyncNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MarketplaceConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"connectionStatus"},"name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"credentialHint"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","alias":{"kind":"Name","value":"runStatus"},"name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SyncNodeQuery, SyncNodeQueryVariables>;