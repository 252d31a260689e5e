import Decimal from 'decimal.js';
import type { ZodType, ZodTypeDef } from 'zod';
import { Dec } from '../../../common/money';
import { HttpClient, type HttpPolicyOverrides } from '../http/http-client';
import type { HttpRuntime } from '../http/http-runtime';
import type { OAuthTokens } from '../http/oauth-token';
import { isProviderError, ProviderError, ProviderErrorKind, ProviderErrorReason } from '../http/provider-error';
import type { UnifiedListingStatus } from '../status/unified-listing-status';
import type { UnifiedOrderStatus } from '../status/unified-order-status';

/** Money as an exact decimal string with two places ("170.00"); never a JS number. */
export type DecimalString = string;

/** One of our variants to price on a platform. */
export interface MarketDataRequest {
  variantId: string;
  externalProductId: string;
  /** Unknown until first resolved; providers that need it look it up by `sizeKey` and return it. */
  externalVariantId?: string;
  sizeKey: string;
}

/** The market of one variant on one platform at one moment; amounts in `currency`, null when the platform says nothing. */
export interface MarketQuote {
  variantId: string;
  platform: string;
  externalProductId: string;
  externalVariantId: string | null;
  currency: string;
  lowestAsk: DecimalString | null;
  highestBid: DecimalString | null;
  lastSale: DecimalString | null;
  /** StockX's suggested asks: one that should sell faster, one that earns more. */
  sellFaster: DecimalString | null;
  earnMore: DecimalString | null;
  /** Alias's global indicator price (a competitive price across regions). */
  globalIndicator: DecimalString | null;
  capturedAt: Date;
}

/** A variant the platform could not price (unknown id, no such size); the batch goes on without it. */
export interface MarketDataFailure {
  variantId: string;
  error: ProviderError;
}

/** Quotes of a batch plus the variants that failed permanently; transient or auth failures throw instead. */
export interface MarketDataResult {
  quotes: MarketQuote[];
  failures: MarketDataFailure[];
}

/** One line of an order. */
export interface NormalizedOrderItem {
  externalItemId: string;
  title: string | null;
  sku: string | null;
  quantity: number;
  unitPrice: DecimalString | null;
  externalProductId?: string | null;
  externalVariantId?: string | null;
  sizeKey?: string | null;
}

/** A sale as every platform reports it, amounts in the order's own currency. */
export interface NormalizedOrder {
  platform: string;
  externalOrderNumber: string;
  rawStatus: string;
  /** Null for a status no table knows: the caller logs it and keeps `rawStatus`. */
  unifiedStatus: UnifiedOrderStatus | null;
  currency: string;
  salePrice: DecimalString | null;
  sellerFee: DecimalString | null;
  processingFee: DecimalString | null;
  shippingCost: DecimalString | null;
  netProceeds: DecimalString | null;
  orderedAt: Date;
  updatedAt: Date | null;
  items: NormalizedOrderItem[];
  raw: unknown;
}

/** Where a delta sync of orders starts. */
export interface FetchOrdersInput {
  /** Only orders changed since then (the connection's high-water mark), when the platform can filter. */
  since?: Date;
  /** The `nextCursor` of the previous page; absent for the first page. */
  cursor?: string | null;
  signal?: AbortSignal;
}

/** A page of orders. */
export interface OrdersPage {
  orders: NormalizedOrder[];
  nextCursor: string | null;
  done: boolean;
}

/** A listing (ask, offer, variant for sale) as the platform reports it. */
export interface NormalizedListing {
  platform: string;
  externalListingId: string;
  externalProductId: string | null;
  externalVariantId: string | null;
  sku: string | null;
  sizeKey: string | null;
  rawStatus: string;
  status: UnifiedListingStatus | null;
  amount: DecimalString | null;
  currency: string;
  quantity: number | null;
  updatedAt: Date | null;
  raw: unknown;
}

/** A page of listings. */
export interface ListingsPage {
  listings: NormalizedListing[];
  nextCursor: string | null;
  done: boolean;
}

/** A new listing. Platforms read the ids they need (StockX variantId, Alias catalog id + size). */
export interface CreateListingInput {
  externalProductId: string;
  externalVariantId?: string;
  sizeKey?: string;
  amount: DecimalString;
  currency: string;
  quantity?: number;
  active?: boolean;
  expiresAt?: Date;
}

/** A price change of one listing. */
export interface UpdateListingPriceInput {
  externalListingId: string;
  amount: DecimalString;
  currency: string;
  /** Shopify needs the product of a variant to update its price. */
  externalProductId?: string;
}

/** Progress of a listing write; asynchronous platforms answer PENDING and are polled. */
export enum ListingOperationStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

/** What a listing write did (or is still doing). */
export interface ListingOperation {
  platform: string;
  operationType: 'CREATE' | 'UPDATE_PRICE' | 'ACTIVATE' | 'DEACTIVATE';
  status: ListingOperationStatus;
  externalListingId: string | null;
  /** Set by asynchronous platforms; pass the whole operation to `pollOperation`. */
  operationId: string | null;
  /** The platform's reason when FAILED (user-facing, credential-free). */
  error: string | null;
  raw: unknown;
}

/** A product found in a platform's catalog. */
export interface CatalogProduct {
  externalProductId: string;
  sku: string | null;
  title: string;
  brand: string | null;
  productType: string | null;
  colorway: string | null;
  releaseDate: string | null;
  retailPrice: DecimalString | null;
  currency: string | null;
  raw: unknown;
}

/** A page of catalog search results (pages count from 1). */
export interface CatalogSearchPage {
  products: CatalogProduct[];
  page: number;
  hasNextPage: boolean;
}

/** Result of checking credentials when a connection is made; transient failures throw instead. */
export type CredentialCheck =
  | { valid: true; accountName: string | null }
  | { valid: false; reason: ProviderErrorReason; message: string };

/**
 * A marketplace adapter. Every capability is optional: a platform implements what its API offers
 * and the sync engine asks {@link supports} before calling. Adapters hold no state beyond the
 * connection they were built for and never touch the database.
 */
export interface MarketplaceProvider {
  readonly platform: string;
  validateCredentials?(signal?: AbortSignal): Promise<CredentialCheck>;
  searchCatalog?(query: string, page: number): Promise<CatalogSearchPage>;
  fetchMarketData?(variants: MarketDataRequest[], signal?: AbortSignal): Promise<MarketDataResult>;
  fetchOrders?(input: FetchOrdersInput): Promise<OrdersPage>;
  fetchListings?(input: { cursor?: string | null; signal?: AbortSignal }): Promise<ListingsPage>;
  createListing?(input: CreateListingInput): Promise<ListingOperation>;
  updateListingPrice?(input: UpdateListingPriceInput): Promise<ListingOperation>;
  /** Batched price updates (eBay: 25 per call); one operation per input, in input order. */
  updateListingPrices?(inputs: UpdateListingPriceInput[]): Promise<ListingOperation[]>;
  activateListing?(externalListingId: string): Promise<ListingOperation>;
  deactivateListing?(externalListingId: string): Promise<ListingOperation>;
  /** Re-reads a PENDING operation of an asynchronous platform. */
  pollOperation?(operation: ListingOperation): Promise<ListingOperation>;
  /** Exchanges the refresh token; the caller stores the new tokens and rebuilds the provider. */
  refreshCredentials?(): Promise<OAuthTokens>;
}

/** Name of an optional capability of {@link MarketplaceProvider}. */
export type ProviderCapability = Exclude<keyof MarketplaceProvider, 'platform'>;

/** Narrows a provider to one that implements `capability`. */
export function supports<C extends ProviderCapability>(
  provider: MarketplaceProvider,
  capability: C,
): provider is MarketplaceProvider & Required<Pick<MarketplaceProvider, C>> {
  return typeof provider[capability] === 'function';
}

/** Deployment-level settings every real provider accepts (tests point `baseUrl` at a local server). */
export interface ProviderSettings {
  baseUrl?: string;
  policy?: HttpPolicyOverrides;
}

/** What a factory needs to build the provider of one connection. */
export interface ProviderContext<S extends ProviderSettings = ProviderSettings> {
  connectionId: string;
  /** Decrypted credentials; validated by the provider's own schema. */
  credentials: unknown;
  settings?: S;
  runtime: HttpRuntime;
  /** In production, base URLs must be the platform's own (Shopify: `*.myshopify.com`). */
  production?: boolean;
}

/** How one platform's adapter authenticates and paces the requests of a connection. */
export interface ConnectionClientOptions {
  platform: string;
  /** The platform's own base URL; settings may point a connection elsewhere (local fakes, tests). */
  baseUrl: string;
  authHeaders: Record<string, string>;
  /** Values scrubbed from every error and log line. */
  secrets: string[];
  rateLimit: { points: number; durationSeconds: number };
  defaultHeaders?: Record<string, string>;
}

/** The shared HTTP client for one connection of a platform; settings' policy overrides the platform's pace. */
export function connectionHttpClient(context: ProviderContext<ProviderSettings>, options: ConnectionClientOptions): HttpClient {
  return new HttpClient({
    platform: options.platform,
    connectionId: context.connectionId,
    baseUrl: context.settings?.baseUrl ?? options.baseUrl,
    authHeaders: options.authHeaders,
    secrets: options.secrets,
    runtime: context.runtime,
    defaultHeaders: options.defaultHeaders,
    policy: { rateLimit: options.rateLimit, ...context.settings?.policy },
  });
}

/** Builds providers of one platform. */
export interface ProviderFactory<S extends ProviderSettings = ProviderSettings> {
  readonly platform: string;
  create(context: ProviderContext<S>): MarketplaceProvider;
}

/**
 * Validates decrypted credentials against a provider's schema. The error names the missing or
 * malformed fields, never their values.
 */
export function parseCredentials<T>(platform: string, schema: ZodType<T, ZodTypeDef, unknown>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].join(', ');
  throw new ProviderError(`${platform}: credentials are incomplete or malformed (${fields})`, {
    kind: ProviderErrorKind.PERMANENT,
    reason: ProviderErrorReason.INVALID_CREDENTIALS,
    platform,
  });
}

/** An amount from a platform ("170", 170.5, "170.50") as a two-place decimal string; null stays null. */
export function moneyString(value: Decimal.Value | null | undefined): DecimalString | null {
  if (value === null || value === undefined || value === '') return null;
  return new Dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2);
}

/** Cents ("22000", 22000) to a decimal major-unit string ("220.00"); null, empty and "0" are "no price". */
export function centsToMoneyString(cents: Decimal.Value | null | undefined): DecimalString | null {
  if (cents === null || cents === undefined || cents === '') return null;
  const value = new Dec(cents);
  if (value.isZero()) return null;
  return value.div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2);
}

/** Splits `items` into chunks of at most `size` (platform batch limits). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Runs a cheap authenticated read to check credentials: rejected credentials (401, invalid grant,
 * 403, malformed) give `{ valid: false }`; transient failures still throw so the caller can retry.
 */
export async function checkCredentials(probe: () => Promise<string | null>): Promise<CredentialCheck> {
  try {
    return { valid: true, accountName: await probe() };
  } catch (error) {
    if (!isProviderError(error)) throw error;
    const rejected =
      error.kind === ProviderErrorKind.REAUTH_REQUIRED ||
      error.reason === ProviderErrorReason.FORBIDDEN ||
      error.reason === ProviderErrorReason.INVALID_CREDENTIALS;
    if (!rejected) throw error;
    return { valid: false, reason: error.reason, message: error.message };
  }
}

/** Runs one variant's lookup; a PERMANENT failure becomes a per-variant failure, anything else aborts the batch. */
export async function perVariant<T>(variantId: string, failures: MarketDataFailure[], run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (isProviderError(error) && error.kind === ProviderErrorKind.PERMANENT) {
      failures.push({ variantId, error });
      return undefined;
    }
    throw error;
  }
}

/** A PERMANENT error for input the platform cannot take (checked before any request is sent). */
export function invalidInput(platform: string, message: string): ProviderError {
  return new ProviderError(`${platform}: ${message}`, { kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.INVALID_REQUEST, platform });
}

/** Parses a platform timestamp; null for absent or unparseable values. */
export function dateOrNull(value: string | null | undefined): Date | null {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}
