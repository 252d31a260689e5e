import { z } from 'zod';
import { HttpClient } from '../../http/http-client';
import { refreshOAuthToken, type OAuthTokens } from '../../http/oauth-token';
import { decodeCursor, encodeCursor } from '../../http/opaque-cursor';
import {
  checkCredentials,
  invalidInput,
  parseCredentials,
  perVariant,
  type CatalogSearchPage,
  type CreateListingInput,
  type CredentialCheck,
  type FetchOrdersInput,
  type ListingOperation,
  type ListingsPage,
  type MarketDataFailure,
  type MarketDataRequest,
  type MarketDataResult,
  type MarketplaceProvider,
  type MarketQuote,
  type OrdersPage,
  type ProviderContext,
  type ProviderFactory,
  type ProviderSettings,
  type UpdateListingPriceInput,
  moneyString,
} from '../provider';
import {
  STOCKX,
  STOCKX_AUTH_BASE_URL,
  STOCKX_BASE_URL,
  STOCKX_PAGE_SIZE,
  STOCKX_PATHS,
  stockxAmount,
  stockxCatalogProduct,
  stockxHistoryDate,
  stockxListing,
  stockxListingsResponse,
  stockxMarketDataResponse,
  stockxOperation,
  stockxOperationResponse,
  stockxOrder,
  stockxOrdersResponse,
  stockxSearchResponse,
  stockxSizeMatches,
  stockxVariantsResponse,
} from './stockx.mapping';

const credentialsSchema = z.object({
  apiKey: z.string().min(1),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
});

/** Deployment settings of the StockX adapter. */
export interface StockxSettings extends ProviderSettings {
  /** OAuth host (tokens); defaults to accounts.stockx.com. */
  authBaseUrl?: string;
  /** Our OAuth application; needed only to refresh tokens. */
  clientId?: string;
  clientSecret?: string;
  /** Currency of market data and new listings (default USD). */
  currency?: string;
  /** How far back the first order sync reads history (default 90 days). */
  historyDays?: number;
}

const orderCursor = z.object({ phase: z.enum(['active', 'history']), page: z.number().int().positive(), fromDate: z.string(), toDate: z.string() });
const pageCursor = z.object({ page: z.number().int().positive() });

/** StockX official API v2: catalog, per-variant market data, asynchronous listings, active and historical orders. */
export class StockxProvider implements MarketplaceProvider {
  readonly platform = STOCKX;
  private readonly http: HttpClient;
  private readonly credentials: z.infer<typeof credentialsSchema>;
  private readonly currency: string;

  constructor(private readonly context: ProviderContext<StockxSettings>) {
    this.credentials = parseCredentials(STOCKX, credentialsSchema, context.credentials);
    const settings = context.settings ?? {};
    this.currency = settings.currency ?? 'USD';
    this.http = new HttpClient({
      platform: STOCKX,
      connectionId: context.connectionId,
      baseUrl: settings.baseUrl ?? STOCKX_BASE_URL,
      authHeaders: { authorization: `Bearer ${this.credentials.accessToken}`, 'x-api-key': this.credentials.apiKey },
      secrets: this.secrets(),
      runtime: context.runtime,
      // (?) ~1 request/s per connection; integrators space calls ≥ 400 ms after a 429.
      policy: { rateLimit: { points: 1, durationSeconds: 1 }, minThrottleDelayMs: 400, ...settings.policy },
    });
  }

  validateCredentials(signal?: AbortSignal): Promise<CredentialCheck> {
    return checkCredentials(async () => {
      await this.http.request({ operation: 'stockx.credentials', method: 'GET', path: STOCKX_PATHS.ordersActive, query: { pageNumber: 1, pageSize: 1 }, schema: stockxOrdersResponse, signal });
      return null;
    });
  }

  async searchCatalog(query: string, page: number): Promise<CatalogSearchPage> {
    const { data } = await this.http.request({
      operation: 'stockx.catalog.search',
      method: 'GET',
      path: STOCKX_PATHS.catalogSearch,
      query: { query, pageNumber: page, pageSize: 50 },
      schema: stockxSearchResponse,
    });
    return { products: data.products.map((p) => stockxCatalogProduct(p, this.currency)), page, hasNextPage: data.hasNextPage };
  }

  async fetchMarketData(variants: MarketDataRequest[], signal?: AbortSignal): Promise<MarketDataResult> {
    const failures: MarketDataFailure[] = [];
    const quotes: MarketQuote[] = [];
    const resolved = await this.resolveVariantIds(variants, failures, signal);
    for (const { request, externalVariantId } of resolved) {
      const quote = await perVariant(request.variantId, failures, async () => {
        const { data } = await this.http.request({
          operation: 'stockx.market-data',
          method: 'GET',
          path: STOCKX_PATHS.marketData(request.externalProductId, externalVariantId),
          query: { currencyCode: this.currency },
          schema: stockxMarketDataResponse,
          signal,
        });
        return {
          variantId: request.variantId,
          platform: STOCKX,
          externalProductId: request.externalProductId,
          externalVariantId,
          currency: this.currency,
          lowestAsk: moneyString(data.lowestAskAmount),
          highestBid: moneyString(data.highestBidAmount),
          // The official API has no last sale: our own snapshots are the history.
          lastSale: null,
          sellFaster: moneyString(data.sellFasterAmount),
          earnMore: moneyString(data.earnMoreAmount),
          globalIndicator: null,
          capturedAt: new Date(this.context.runtime.now()),
        } satisfies MarketQuote;
      });
      if (quote) quotes.push(quote);
    }
    return { quotes, failures };
  }

  /** Fills in missing StockX variant ids with one variants call per product. */
  private async resolveVariantIds(variants: MarketDataRequest[], failures: MarketDataFailure[], signal?: AbortSignal) {
    const missing = [...new Set(variants.filter((v) => !v.externalVariantId).map((v) => v.externalProductId))];
    const catalog = new Map<string, z.infer<typeof stockxVariantsResponse>>();
    const productFailures: MarketDataFailure[] = [];
    for (const productId of missing) {
      const fetched = await perVariant(productId, productFailures, async () => {
        const { data } = await this.http.request({ operation: 'stockx.catalog.variants', method: 'GET', path: STOCKX_PATHS.variants(productId), schema: stockxVariantsResponse, signal });
        return data;
      });
      if (fetched) catalog.set(productId, fetched);
    }
    const out: Array<{ request: MarketDataRequest; externalVariantId: string }> = [];
    for (const request of variants) {
      const externalVariantId =
        request.externalVariantId ?? catalog.get(request.externalProductId)?.find((v) => stockxSizeMatches(v.variantValue, request.sizeKey))?.variantId;
      if (externalVariantId) {
        out.push({ request, externalVariantId });
        continue;
      }
      const productError = productFailures.find((f) => f.variantId === request.externalProductId)?.error;
      failures.push({ variantId: request.variantId, error: productError ?? invalidInput(STOCKX, `no StockX variant of product ${request.externalProductId} has size ${request.sizeKey}`) });
    }
    return out;
  }

  /** Active orders first (all of them; StockX cannot filter them by date), then history since `since`. */
  async fetchOrders(input: FetchOrdersInput): Promise<OrdersPage> {
    const now = new Date(this.context.runtime.now());
    const historyDays = this.context.settings?.historyDays ?? 90;
    const state = input.cursor
      ? decodeCursor(STOCKX, input.cursor, orderCursor)
      : {
          phase: 'active' as const,
          page: 1,
          fromDate: stockxHistoryDate(input.since ?? new Date(now.getTime() - historyDays * 86_400_000)),
          toDate: stockxHistoryDate(new Date(now.getTime() + 86_400_000)),
        };
    const { data } = await this.http.request({
      operation: `stockx.orders.${state.phase}`,
      method: 'GET',
      path: state.phase === 'active' ? STOCKX_PATHS.ordersActive : STOCKX_PATHS.ordersHistory,
      query: {
        pageNumber: state.page,
        pageSize: STOCKX_PAGE_SIZE,
        ...(state.phase === 'history' ? { fromDate: state.fromDate, toDate: state.toDate } : {}),
      },
      schema: stockxOrdersResponse,
      signal: input.signal,
    });
    const next = data.hasNextPage
      ? { ...state, page: state.page + 1 }
      : state.phase === 'active'
        ? { ...state, phase: 'history' as const, page: 1 }
        : null;
    return { orders: data.orders.map(stockxOrder), nextCursor: next ? encodeCursor(next) : null, done: next === null };
  }

  async fetchListings(input: { cursor?: string | null; signal?: AbortSignal }): Promise<ListingsPage> {
    const { page } = input.cursor ? decodeCursor(STOCKX, input.cursor, pageCursor) : { page: 1 };
    const { data } = await this.http.request({
      operation: 'stockx.listings',
      method: 'GET',
      path: STOCKX_PATHS.listings,
      query: { pageNumber: page, pageSize: STOCKX_PAGE_SIZE },
      schema: stockxListingsResponse,
      signal: input.signal,
    });
    const nextCursor = data.hasNextPage ? encodeCursor({ page: page + 1 }) : null;
    return { listings: data.listings.map((l) => stockxListing(l, this.currency)), nextCursor, done: nextCursor === null };
  }

  async createListing(input: CreateListingInput): Promise<ListingOperation> {
    if (!input.externalVariantId) throw invalidInput(STOCKX, 'a StockX listing needs the variant id');
    const { data } = await this.http.request({
      operation: 'stockx.listings.create',
      method: 'POST',
      path: STOCKX_PATHS.listings,
      body: {
        amount: stockxAmount(input.amount),
        variantId: input.externalVariantId,
        currencyCode: input.currency,
        active: input.active ?? true,
        ...(input.expiresAt ? { expiresAt: input.expiresAt.toISOString() } : {}),
      },
      schema: stockxOperationResponse,
    });
    return stockxOperation(data, 'CREATE');
  }

  async updateListingPrice(input: UpdateListingPriceInput): Promise<ListingOperation> {
    const { data } = await this.http.request({
      operation: 'stockx.listings.update',
      method: 'PATCH',
      path: STOCKX_PATHS.listing(input.externalListingId),
      body: { amount: stockxAmount(input.amount), currencyCode: input.currency },
      schema: stockxOperationResponse,
      // Setting an absolute price twice is harmless, so a lost answer may be retried.
      idempotent: true,
    });
    return stockxOperation(data, 'UPDATE_PRICE');
  }

  async activateListing(externalListingId: string): Promise<ListingOperation> {
    const { data } = await this.http.request({ operation: 'stockx.listings.activate', method: 'PUT', path: STOCKX_PATHS.activate(externalListingId), body: {}, schema: stockxOperationResponse });
    return stockxOperation(data, 'ACTIVATE');
  }

  async deactivateListing(externalListingId: string): Promise<ListingOperation> {
    const { data } = await this.http.request({ operation: 'stockx.listings.deactivate', method: 'PUT', path: STOCKX_PATHS.deactivate(externalListingId), body: {}, schema: stockxOperationResponse });
    return stockxOperation(data, 'DEACTIVATE');
  }

  async pollOperation(operation: ListingOperation): Promise<ListingOperation> {
    if (!operation.externalListingId || !operation.operationId) throw invalidInput(STOCKX, 'only operations returned by StockX can be polled');
    const { data } = await this.http.request({
      operation: 'stockx.listings.operation',
      method: 'GET',
      path: STOCKX_PATHS.operation(operation.externalListingId, operation.operationId),
      schema: stockxOperationResponse,
    });
    return stockxOperation(data, operation.operationType);
  }

  async refreshCredentials(): Promise<OAuthTokens> {
    const settings = this.context.settings ?? {};
    if (!this.credentials.refreshToken || !settings.clientId || !settings.clientSecret) {
      throw invalidInput(STOCKX, 'refreshing needs a refresh token and the OAuth client id and secret');
    }
    const auth = new HttpClient({
      platform: STOCKX,
      connectionId: this.context.connectionId,
      baseUrl: settings.authBaseUrl ?? STOCKX_AUTH_BASE_URL,
      authHeaders: {},
      secrets: this.secrets(),
      runtime: this.context.runtime,
      policy: { rateLimit: { points: 1, durationSeconds: 1 }, ...settings.policy },
    });
    return refreshOAuthToken(
      auth,
      { path: STOCKX_PATHS.token, clientId: settings.clientId, clientSecret: settings.clientSecret, refreshToken: this.credentials.refreshToken },
      this.context.runtime.now,
    );
  }

  private secrets(): string[] {
    const { apiKey, accessToken, refreshToken } = this.credentials;
    return [apiKey, accessToken, refreshToken, this.context.settings?.clientSecret].filter((s): s is string => !!s);
  }
}

/** Registry entry of the StockX adapter. */
export const stockxProviderFactory: ProviderFactory<StockxSettings> = {
  platform: STOCKX,
  create: (context) => new StockxProvider(context),
};
