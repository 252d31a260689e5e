import { z } from 'zod';
import type { HttpClient } from '../../http/http-client';
import { decodeCursor, encodeCursor } from '../../http/opaque-cursor';
import {
  checkCredentials,
  invalidInput,
  ListingOperationStatus,
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
  centsToMoneyString,
  connectionHttpClient,
} from '../provider';
import {
  ALIAS,
  ALIAS_BASE_URL,
  ALIAS_CURRENCY,
  ALIAS_DEFAULT_VARIATION,
  ALIAS_ORDER_SETTLE_DAYS,
  ALIAS_PAGE_SIZE,
  ALIAS_PATHS,
  ALIAS_UPDATE_METHOD,
  aliasCatalogProduct,
  aliasCatalogResponse,
  aliasListing,
  aliasListingResponse,
  aliasListingsResponse,
  aliasNextToken,
  aliasOrder,
  aliasOrdersResponse,
  aliasPriceCents,
  aliasPricingResponse,
} from './alias.mapping';

const credentialsSchema = z.object({ accessToken: z.string().min(1) });
const tokenCursor = z.object({ token: z.string().min(1) });

/** Alias (GOAT) seller API: catalog, pricing insights per size, synchronous listings, orders. */
export class AliasProvider implements MarketplaceProvider {
  readonly platform = ALIAS;
  private readonly http: HttpClient;

  constructor(private readonly context: ProviderContext<ProviderSettings>) {
    const { accessToken } = parseCredentials(ALIAS, credentialsSchema, context.credentials);
    this.http = connectionHttpClient(context, {
      platform: ALIAS,
      baseUrl: ALIAS_BASE_URL,
      authHeaders: { authorization: `Bearer ${accessToken}` },
      secrets: [accessToken],
      rateLimit: { points: 5, durationSeconds: 1 },
    });
  }

  validateCredentials(signal?: AbortSignal): Promise<CredentialCheck> {
    return checkCredentials(async () => {
      await this.http.request({ operation: 'alias.test', method: 'GET', path: ALIAS_PATHS.test, schema: z.object({ ok: z.boolean().optional() }).passthrough(), signal });
      return null;
    });
  }

  /** Alias pages by token, so page N > 1 means "the page after the one before" and needs the token; only page 1 is addressable. */
  async searchCatalog(query: string, page: number): Promise<CatalogSearchPage> {
    if (page !== 1) throw invalidInput(ALIAS, 'catalog search pages by token; only the first page can be asked for directly');
    const { data } = await this.http.request({ operation: 'alias.catalog.search', method: 'GET', path: ALIAS_PATHS.catalog, query: { query, limit: 50 }, schema: aliasCatalogResponse });
    return { products: data.catalog_items.map(aliasCatalogProduct), page, hasNextPage: aliasNextToken(data) !== null };
  }

  async fetchMarketData(variants: MarketDataRequest[], signal?: AbortSignal): Promise<MarketDataResult> {
    const failures: MarketDataFailure[] = [];
    const quotes: MarketQuote[] = [];
    for (const request of variants) {
      const size = Number(request.sizeKey);
      if (!Number.isFinite(size)) {
        failures.push({ variantId: request.variantId, error: invalidInput(ALIAS, `size ${request.sizeKey} is not a US size Alias can price`) });
        continue;
      }
      const quote = await perVariant(request.variantId, failures, async () => {
        const { data } = await this.http.request({
          operation: 'alias.pricing',
          method: 'GET',
          path: ALIAS_PATHS.pricing,
          query: {
            catalog_id: request.externalProductId,
            size,
            product_condition: ALIAS_DEFAULT_VARIATION.product_condition,
            packaging_condition: ALIAS_DEFAULT_VARIATION.packaging_condition,
            consigned: ALIAS_DEFAULT_VARIATION.consigned,
          },
          schema: aliasPricingResponse,
          signal,
        });
        const a = data.availability;
        return {
          variantId: request.variantId,
          platform: ALIAS,
          externalProductId: request.externalProductId,
          externalVariantId: null,
          currency: ALIAS_CURRENCY,
          lowestAsk: centsToMoneyString(a.lowest_listing_price_cents),
          highestBid: centsToMoneyString(a.highest_offer_price_cents),
          lastSale: centsToMoneyString(a.last_sold_listing_price_cents),
          sellFaster: null,
          earnMore: null,
          globalIndicator: centsToMoneyString(a.global_indicator_price_cents),
          capturedAt: new Date(this.context.runtime.now()),
        } satisfies MarketQuote;
      });
      if (quote) quotes.push(quote);
    }
    return { quotes, failures };
  }

  async fetchOrders(input: FetchOrdersInput): Promise<OrdersPage> {
    const token = input.cursor ? decodeCursor(ALIAS, input.cursor, tokenCursor).token : undefined;
    const { data } = await this.http.request({
      operation: 'alias.orders',
      method: 'GET',
      path: ALIAS_PATHS.orders,
      query: { page_size: ALIAS_PAGE_SIZE, pagination_token: token },
      schema: aliasOrdersResponse,
      signal: input.signal,
    });
    const orders = data.orders.map(aliasOrder);
    const settledBefore = input.since ? input.since.getTime() - ALIAS_ORDER_SETTLE_DAYS * 86_400_000 : undefined;
    const pastHorizon = settledBefore !== undefined && orders.length > 0 && orders.every((o) => o.orderedAt.getTime() < settledBefore);
    const next = pastHorizon ? null : aliasNextToken(data);
    return { orders, nextCursor: next ? encodeCursor({ token: next }) : null, done: next === null };
  }

  async fetchListings(input: { cursor?: string | null; signal?: AbortSignal }): Promise<ListingsPage> {
    const token = input.cursor ? decodeCursor(ALIAS, input.cursor, tokenCursor).token : undefined;
    const { data } = await this.http.request({
      operation: 'alias.listings',
      method: 'GET',
      path: ALIAS_PATHS.listings,
      query: { page_size: ALIAS_PAGE_SIZE, pagination_token: token },
      schema: aliasListingsResponse,
      signal: input.signal,
    });
    const next = aliasNextToken(data);
    return { listings: data.listings.map(aliasListing), nextCursor: next ? encodeCursor({ token: next }) : null, done: next === null };
  }

  async createListing(input: CreateListingInput): Promise<ListingOperation> {
    const priceCents = this.priceCents(input.amount, input.currency);
    if (!input.sizeKey || !Number.isFinite(Number(input.sizeKey))) throw invalidInput(ALIAS, 'an Alias listing needs a numeric US size');
    const { data } = await this.http.request({
      operation: 'alias.listings.create',
      method: 'POST',
      path: ALIAS_PATHS.listings,
      query: {
        catalog_id: input.externalProductId,
        price_cents: priceCents,
        condition: ALIAS_DEFAULT_VARIATION.listing_condition,
        packaging_condition: ALIAS_DEFAULT_VARIATION.packaging_condition,
        size: Number(input.sizeKey),
        size_unit: ALIAS_DEFAULT_VARIATION.size_unit,
        activate: input.active ?? true,
      },
      body: {},
      schema: aliasListingResponse,
    });
    return this.done('CREATE', data);
  }

  async updateListingPrice(input: UpdateListingPriceInput): Promise<ListingOperation> {
    const { data } = await this.http.request({
      operation: 'alias.listings.update',
      method: ALIAS_UPDATE_METHOD,
      path: ALIAS_PATHS.listing(input.externalListingId),
      query: { price_cents: this.priceCents(input.amount, input.currency) },
      body: {},
      schema: aliasListingResponse,
      idempotent: true,
    });
    return this.done('UPDATE_PRICE', data);
  }

  async activateListing(externalListingId: string): Promise<ListingOperation> {
    const { data } = await this.http.request({ operation: 'alias.listings.activate', method: 'POST', path: ALIAS_PATHS.activate(externalListingId), body: {}, schema: aliasListingResponse, idempotent: true });
    return this.done('ACTIVATE', data);
  }

  async deactivateListing(externalListingId: string): Promise<ListingOperation> {
    const { data } = await this.http.request({ operation: 'alias.listings.deactivate', method: 'POST', path: ALIAS_PATHS.deactivate(externalListingId), body: {}, schema: aliasListingResponse, idempotent: true });
    return this.done('DEACTIVATE', data);
  }

  private priceCents(amount: string, currency: string): string {
    if (currency !== ALIAS_CURRENCY) throw invalidInput(ALIAS, `Alias lists in ${ALIAS_CURRENCY}, not ${currency}`);
    const cents = aliasPriceCents(amount);
    if (cents === null) throw invalidInput(ALIAS, `Alias prices are whole dollars; ${amount} is not`);
    return cents;
  }

  /** Alias writes are synchronous: the answer is the listing after the change. */
  private done(operationType: ListingOperation['operationType'], data: z.infer<typeof aliasListingResponse>): ListingOperation {
    return { platform: ALIAS, operationType, status: ListingOperationStatus.SUCCEEDED, externalListingId: data.listing.id, operationId: null, error: null, raw: data };
  }
}

/** Registry entry of the Alias adapter. */
export const aliasProviderFactory: ProviderFactory = {
  platform: ALIAS,
  create: (context) => new AliasProvider(context),
};
