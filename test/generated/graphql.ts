/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A field whose value is a Currency: https://en.wikipedia.org/wiki/ISO_4217. */
  Currency: { input: string; output: string; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** An exact decimal number serialized as a string, e.g. "129.99". Used for money and rates; never a float. */
  Decimal: { input: string; output: string; }
  /** A local date string (i.e., with no associated timezone) in `YYYY-MM-DD` format, e.g. `2020-01-01`. */
  LocalDate: { input: string; output: string; }
};

/** A reseller account: the owner of inventory, listings, orders and API keys. */
export type Account = Node & {
  __typename?: 'Account';
  /** The account's API keys, revoked ones included. Only visible to the account itself. */
  apiKeys: Array<ApiKey>;
  /** Currency that reports and profits are converted to. */
  baseCurrency: Scalars['Currency']['output'];
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Login email, unique, stored in lower case. */
  email: Scalars['String']['output'];
  /** Globally unique, opaque id. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** ADMIN or MEMBER. */
  role: AccountRole;
};

/** What an account may do beyond its own data. */
export type AccountRole =
  /** May also write shared data: catalog, market data, sellers, SKU mappings. */
  | 'ADMIN'
  /** May read shared data and manage its own inventory, listings and orders. */
  | 'MEMBER';

/** An API key of the viewer. The secret is shown once, at creation, and stored only as a hash. */
export type ApiKey = Node & {
  __typename?: 'ApiKey';
  /** When the key was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Globally unique, opaque id. */
  id: Scalars['ID']['output'];
  /** Last time the key authenticated a request (minute precision). */
  lastUsedAt: Maybe<Scalars['DateTime']['output']>;
  /** Label chosen by the owner, e.g. "spreadsheet". */
  name: Scalars['String']['output'];
  /** Public part of the key (mg_<prefix>_...), safe to show to identify it. */
  prefix: Scalars['String']['output'];
  /** When the key was revoked; a revoked key authenticates nothing. */
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  /** Scopes granted: "read" and/or "write". */
  scopes: Array<Scalars['String']['output']>;
};

/** A new API key for the viewer. */
export type CreateApiKeyInput = {
  /** Label to recognise the key by, e.g. "spreadsheet". */
  name: Scalars['String']['input'];
  /** Scopes to grant: "read" and/or "write" (default both). */
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Result of createApiKey. */
export type CreateApiKeyPayload = {
  __typename?: 'CreateApiKeyPayload';
  /** The new key, without its secret. */
  apiKey: Maybe<ApiKey>;
  /** Why the key was not created. */
  errors: Array<UserError>;
  /** The full token, shown this once: store it now. Send it as Authorization: Bearer <token>. */
  token: Maybe<Scalars['String']['output']>;
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

/** A product's or variant's identifier on one platform (StockX productId, Alias catalog_id, eBay item id). Identifiers only. */
export type ExternalRef = Node & {
  __typename?: 'ExternalRef';
  /** The platform's identifier. */
  externalId: Scalars['String']['output'];
  /** Globally unique, opaque id. */
  id: Scalars['ID']['output'];
  /** Whether the id identifies a product or a variant. */
  kind: ExternalRefKind;
  /** The platform the id belongs to. */
  platform: Platform;
  /** The product identified (or whose size is identified). */
  product: Product;
  /** The size identified, for VARIANT ids. */
  variant: Maybe<Variant>;
};

/** What an external id identifies. */
export type ExternalRefKind =
  /** A product. */
  | 'PRODUCT'
  /** A variant (size). */
  | 'VARIANT';

/** A platform's seller and buyer fees; net payout = price − seller fee (at least the minimum) − processing − fixed fee. */
export type FeeSchedule = {
  __typename?: 'FeeSchedule';
  /** Fee the buyer pays on top of the price, as a fraction. */
  buyerFeeRate: Scalars['Decimal']['output'];
  /** Fixed fee per sale. */
  fixedFee: Money;
  /** Minimum seller fee per sale. */
  minimumFee: Money;
  /** Payment processing fee as a fraction of the sale price. */
  paymentProcessingRate: Scalars['Decimal']['output'];
  /** Seller transaction fee as a fraction of the sale price, e.g. "0.0900". */
  sellerFeeRate: Scalars['Decimal']['output'];
};

/** Links a platform's identifier to a product or to one of its variants (give exactly one). */
export type LinkExternalRefInput = {
  /** The platform's identifier. */
  externalId: Scalars['String']['input'];
  /** Platform slug, e.g. "stockx". */
  platform: Scalars['String']['input'];
  /** The product the id identifies. */
  productId?: InputMaybe<Scalars['ID']['input']>;
  /** The variant the id identifies. */
  variantId?: InputMaybe<Scalars['ID']['input']>;
};

/** Result of linkExternalRef. */
export type LinkExternalRefPayload = {
  __typename?: 'LinkExternalRefPayload';
  /** Why the link was not made. */
  errors: Array<UserError>;
  /** The link, new or existing. */
  externalRef: Maybe<ExternalRef>;
};

/** An exact amount of money in a currency. */
export type Money = {
  __typename?: 'Money';
  /** The amount, as an exact decimal string. */
  amount: Scalars['Decimal']['output'];
  /** ISO 4217 currency code, e.g. USD. */
  currency: Scalars['Currency']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Creates an API key for the viewer; the token is returned once. */
  createApiKey: CreateApiKeyPayload;
  /** Admin: links a platform's identifier to a product or a size. */
  linkExternalRef: LinkExternalRefPayload;
  /** Revokes one of the viewer's API keys; open subscriptions using it are closed. */
  revokeApiKey: RevokeApiKeyPayload;
  /** Admin: creates or updates products (matched by normalized SKU) with their sizes. */
  upsertProducts: UpsertProductsPayload;
  /** Admin: adds or updates sizes of a product. */
  upsertVariants: UpsertVariantsPayload;
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationLinkExternalRefArgs = {
  input: LinkExternalRefInput;
};


export type MutationRevokeApiKeyArgs = {
  input: RevokeApiKeyInput;
};


export type MutationUpsertProductsArgs = {
  input: UpsertProductsInput;
};


export type MutationUpsertVariantsArgs = {
  input: UpsertVariantsInput;
};

/** An object with a globally unique, opaque id that `node(id:)` can fetch. */
export type Node = {
  /** Globally unique, opaque id. */
  id: Scalars['ID']['output'];
};

/** Sort direction. */
export type OrderDirection =
  /** Smallest first. */
  | 'ASC'
  /** Largest first. */
  | 'DESC';

/** Where a page sits in its list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of the page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** True when more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when items precede this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of the page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** A marketplace or storefront a reseller sells on, with its fee schedule. */
export type Platform = Node & {
  __typename?: 'Platform';
  /** What can be synced and automated on this platform. */
  capabilities: PlatformCapabilities;
  /** Currency prices are quoted in by default. */
  defaultCurrency: Scalars['Currency']['output'];
  /** Seller and buyer fees. */
  fees: FeeSchedule;
  /** Globally unique, opaque id. */
  id: Scalars['ID']['output'];
  /** What kind of venue this is. */
  kind: PlatformKind;
  /** Display name. */
  name: Scalars['String']['output'];
  /** Stable short name, e.g. "stockx", "ebay". */
  slug: Scalars['String']['output'];
};

/** What MarketGraph can do with a platform. */
export type PlatformCapabilities = {
  __typename?: 'PlatformCapabilities';
  /** Listings can be created and repriced. */
  listings: Scalars['Boolean']['output'];
  /** Market prices (asks, bids, sales) can be synced. */
  marketData: Scalars['Boolean']['output'];
  /** Orders can be synced. */
  orders: Scalars['Boolean']['output'];
};

/** What kind of venue a platform is. */
export type PlatformKind =
  /** Open marketplace of many sellers (eBay, Amazon, Flipkart). */
  | 'MARKETPLACE'
  /** Bid/ask market with authentication (StockX, Alias/GOAT). */
  | 'RESALE_MARKET'
  /** The reseller's own shop (Shopify) or manual sales. */
  | 'STOREFRONT';

/** A catalog product (a sneaker model and colorway, a card), shared by all accounts. */
export type Product = Node & {
  __typename?: 'Product';
  /** Brand, e.g. "Jordan". */
  brand: Scalars['String']['output'];
  /** Product family. */
  category: ProductCategory;
  /** Colorway as the brand names it. */
  colorway: Maybe<Scalars['String']['output']>;
  /** When the product entered the catalog. */
  createdAt: Scalars['DateTime']['output'];
  /** The product's and its sizes' identifiers on platforms. */
  externalRefs: Array<ExternalRef>;
  /** Globally unique, opaque id. */
  id: Scalars['ID']['output'];
  /** Product image URL. */
  imageUrl: Maybe<Scalars['String']['output']>;
  /** Last time market data for this product was synced. */
  lastSyncedAt: Maybe<Scalars['DateTime']['output']>;
  /** Last time anyone viewed this product. */
  lastViewedAt: Maybe<Scalars['DateTime']['output']>;
  /** Model line, e.g. "Air Jordan 1 Retro High OG". */
  model: Scalars['String']['output'];
  /** Full display name. */
  name: Scalars['String']['output'];
  /** Popularity score 0–100 from views and market activity. */
  popularity: Scalars['Int']['output'];
  /** Release date (YYYY-MM-DD). */
  releaseDate: Maybe<Scalars['LocalDate']['output']>;
  /** Retail price at release. */
  retailPrice: Maybe<Money>;
  /** Style code or SKU as the brand prints it, e.g. "DZ5485-612". */
  sku: Scalars['String']['output'];
  /** SKU upper-cased with spaces and punctuation removed ("DZ5485612"); what lookups match on. */
  skuNormalized: Scalars['String']['output'];
  /** HOT when popularity is 50 or more; hot products sync more often. */
  tier: ProductTier;
  /** Last change of the product record. */
  updatedAt: Scalars['DateTime']['output'];
  /** Sizes of the product, in size order. */
  variants: Array<Variant>;
};

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

/** A page of catalog products. */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  /** The edges of this page. */
  edges: Array<ProductEdge>;
  /** The nodes of this page, without cursors. */
  nodes: Array<Product>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a Product list. */
export type ProductEdge = {
  __typename?: 'ProductEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The Product. */
  node: Product;
};

/** Narrows the product list; all given conditions must hold. */
export type ProductFilter = {
  /** Brands, case-insensitive. */
  brands?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Categories. */
  categories?: InputMaybe<Array<ProductCategory>>;
  /** Only these products. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Words matched (as prefixes) against SKU, brand, model, name and colorway; a style code in any format also matches. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only HOT or only COLD products. */
  tier?: InputMaybe<ProductTier>;
};

/** A product to create, or to update when its normalized SKU exists. */
export type ProductInput = {
  /** Brand. */
  brand: Scalars['String']['input'];
  /** Product family. */
  category: ProductCategory;
  /** Colorway. */
  colorway?: InputMaybe<Scalars['String']['input']>;
  /** Image URL (http or https). */
  imageUrl?: InputMaybe<Scalars['String']['input']>;
  /** Model line. */
  model: Scalars['String']['input'];
  /** Full display name. */
  name: Scalars['String']['input'];
  /** Popularity 0–100 (default 0 for new products; unchanged when omitted on update). */
  popularity?: InputMaybe<Scalars['Int']['input']>;
  /** Release date. */
  releaseDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Currency of the retail price (default USD). */
  retailCurrency?: InputMaybe<Scalars['Currency']['input']>;
  /** Retail price. */
  retailPrice?: InputMaybe<Scalars['Decimal']['input']>;
  /** Style code or SKU; "HQ7978 100", "hq7978-100" and "HQ7978100" are the same product. */
  sku: Scalars['String']['input'];
  /** Sizes to add or update; existing sizes not listed are kept. */
  variants?: InputMaybe<Array<VariantInput>>;
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

export type Query = {
  __typename?: 'Query';
  /** Fetches any object by its global id; null when it does not exist or is not visible to the viewer. */
  node: Maybe<Node>;
  /** Fetches up to 100 objects by global id, in order; null entries for ids that do not resolve. */
  nodes: Array<Maybe<Node>>;
  /** Every platform MarketGraph knows, with fees and capabilities. */
  platforms: Array<Platform>;
  /** One product by id, or by SKU in any format ("HQ7978 100", "hq7978-100", "HQ7978100"). */
  product: Maybe<Product>;
  /** The shared catalog, searchable and filterable, most popular first by default. */
  products: ProductConnection;
  /** The authenticated account, or null for anonymous callers. */
  viewer: Maybe<Account>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QueryProductArgs = {
  id: InputMaybe<Scalars['ID']['input']>;
  sku: InputMaybe<Scalars['String']['input']>;
};


export type QueryProductsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ProductFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  orderBy: InputMaybe<ProductOrder>;
};

/** The key to revoke. */
export type RevokeApiKeyInput = {
  /** Id of one of the viewer's keys. */
  id: Scalars['ID']['input'];
};

/** Result of revokeApiKey. */
export type RevokeApiKeyPayload = {
  __typename?: 'RevokeApiKeyPayload';
  /** The revoked key. */
  apiKey: Maybe<ApiKey>;
  /** Why the key was not revoked. */
  errors: Array<UserError>;
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

/** Outcome of one row of a bulk product upsert. */
export type UpsertProductResult = {
  __typename?: 'UpsertProductResult';
  /** True when the row created a new product. */
  created: Scalars['Boolean']['output'];
  /** Why the row was not written. */
  errors: Array<UserError>;
  /** Position of the row in the input. */
  index: Scalars['Int']['output'];
  /** The product as written; null when the row was not written. */
  product: Maybe<Product>;
};

/** Products to create or update in one request. */
export type UpsertProductsInput = {
  /** What to do when some rows are invalid. */
  errorPolicy?: ErrorPolicy;
  /** The products (at most 500). */
  products: Array<ProductInput>;
};

/** Result of upsertProducts. */
export type UpsertProductsPayload = {
  __typename?: 'UpsertProductsPayload';
  /** Every row error, with field paths like ["products", "2", "sku"]. */
  errors: Array<UserError>;
  /** Products written, in input order. */
  products: Array<Product>;
  /** One result per input row. */
  results: Array<UpsertProductResult>;
};

/** Sizes to add to or update on one product. */
export type UpsertVariantsInput = {
  /** What to do when some rows are invalid. */
  errorPolicy?: ErrorPolicy;
  /** The product. */
  productId: Scalars['ID']['input'];
  /** The sizes (at most 200). */
  variants: Array<VariantInput>;
};

/** Result of upsertVariants. */
export type UpsertVariantsPayload = {
  __typename?: 'UpsertVariantsPayload';
  /** Row errors, with field paths like ["variants", "1", "sizeKey"]. */
  errors: Array<UserError>;
  /** The product, with its sizes. */
  product: Maybe<Product>;
  /** Variants written, in input order. */
  variants: Array<Variant>;
};

/** An expected failure of a mutation: validation, not found, conflict, floor violated. */
export type UserError = {
  __typename?: 'UserError';
  /** Machine-readable reason. */
  code: ErrorCode;
  /** Path to the input field at fault, e.g. ["products", "2", "sku"]. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** Human-readable explanation, safe to show to the user. */
  message: Scalars['String']['output'];
};

/** A size of a product (or a card treatment/grade): the unit that is priced and sold. */
export type Variant = Node & {
  __typename?: 'Variant';
  /** This size's identifiers on platforms. */
  externalRefs: Array<ExternalRef>;
  /** Globally unique, opaque id. */
  id: Scalars['ID']['output'];
  /** Size as a number for sorting and ranges, when it is one. */
  numericSize: Maybe<Scalars['Float']['output']>;
  /** Order of the size within its product. */
  position: Scalars['Int']['output'];
  /** The product this is a size of. */
  product: Product;
  /** Size as shown, e.g. "10.5", "5Y", or a card treatment such as "Holo". */
  sizeKey: Scalars['String']['output'];
  /** Size system of the size key. */
  sizeSystem: SizeSystem;
};

/** A size (or card treatment) of a product. */
export type VariantInput = {
  /** Size as shown, e.g. "10.5", "5Y", "Holo". Unique within the product. */
  sizeKey: Scalars['String']['input'];
  /** Size system (default: the product's first variant's, else US_M; NONE for cards). */
  sizeSystem?: InputMaybe<SizeSystem>;
};

/** What an account may do beyond its own data. */
export type AccountRole =
  /** May also write shared data: catalog, market data, sellers, SKU mappings. */
  | 'ADMIN'
  /** May read shared data and manage its own inventory, listings and orders. */
  | 'MEMBER';

/** A new API key for the viewer. */
export type CreateApiKeyInput = {
  /** Label to recognise the key by, e.g. "spreadsheet". */
  name: string;
  /** Scopes to grant: "read" and/or "write" (default both). */
  scopes?: Array<string> | null | undefined;
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

/** Sort direction. */
export type OrderDirection =
  /** Smallest first. */
  | 'ASC'
  /** Largest first. */
  | 'DESC';

/** What kind of venue a platform is. */
export type PlatformKind =
  /** Open marketplace of many sellers (eBay, Amazon, Flipkart). */
  | 'MARKETPLACE'
  /** Bid/ask market with authentication (StockX, Alias/GOAT). */
  | 'RESALE_MARKET'
  /** The reseller's own shop (Shopify) or manual sales. */
  | 'STOREFRONT';

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

/** The key to revoke. */
export type RevokeApiKeyInput = {
  /** Id of one of the viewer's keys. */
  id: string | number;
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
    | { __typename: 'ExternalRef', id: string }
    | { __typename: 'Platform', slug: string, id: string }
    | { __typename: 'Product', sku: string, id: string }
    | { __typename: 'Variant', sizeKey: string, id: string, product: { sku: string } }
   | null };

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


export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"baseCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const PlatformsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Platforms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platforms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"fees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerFeeRate"}},{"kind":"Field","name":{"kind":"Name","value":"paymentProcessingRate"}},{"kind":"Field","name":{"kind":"Name","value":"buyerFeeRate"}},{"kind":"Field","name":{"kind":"Name","value":"fixedFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minimumFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"marketData"}},{"kind":"Field","name":{"kind":"Name","value":"listings"}},{"kind":"Field","name":{"kind":"Name","value":"orders"}}]}}]}}]}}]} as unknown as DocumentNode<PlatformsQuery, PlatformsQueryVariables>;
export const ProductBySkuDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductBySku"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sku"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sku"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sku"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"skuNormalized"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}},{"kind":"Field","name":{"kind":"Name","value":"numericSize"}},{"kind":"Field","name":{"kind":"Name","value":"sizeSystem"}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalRefs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductBySkuQuery, ProductBySkuQueryVariables>;
export const ProductByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ProductByIdQuery, ProductByIdQueryVariables>;
export const ProductsWithSizesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductsWithSizes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"popularity"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductsWithSizesQuery, ProductsWithSizesQueryVariables>;
export const NodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Variant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Platform"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const UpsertProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertProducts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertProductsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertProducts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"skuNormalized"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}},{"kind":"Field","name":{"kind":"Name","value":"sizeSystem"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<UpsertProductsMutation, UpsertProductsMutationVariables>;
export const UpsertVariantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertVariants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertVariantsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertVariants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<UpsertVariantsMutation, UpsertVariantsMutationVariables>;
export const LinkExternalRefDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkExternalRef"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LinkExternalRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkExternalRef"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalRef"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<LinkExternalRefMutation, LinkExternalRefMutationVariables>;