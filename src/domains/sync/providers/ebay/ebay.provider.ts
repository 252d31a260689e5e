import { z } from 'zod';
import type { HttpClient } from '../../http/http-client';
import { decodeCursor, encodeCursor } from '../../http/opaque-cursor';
import {
  checkCredentials,
  chunk,
  ListingOperationStatus,
  moneyString,
  parseCredentials,
  type CredentialCheck,
  type FetchOrdersInput,
  type ListingOperation,
  type MarketplaceProvider,
  type OrdersPage,
  type ProviderContext,
  type ProviderFactory,
  type ProviderSettings,
  type UpdateListingPriceInput,
  connectionHttpClient,
} from '../provider';
import {
  EBAY,
  EBAY_BASE_URL,
  EBAY_BULK_LIMIT,
  EBAY_DEFAULT_MARKETPLACE,
  EBAY_ORDERS_PAGE_SIZE,
  EBAY_PATHS,
  ebayBulkUpdateResponse,
  ebayModifiedSinceFilter,
  ebayOrder,
  ebayOrdersResponse,
} from './ebay.mapping';

const credentialsSchema = z.object({ accessToken: z.string().min(1) });
const orderCursor = z.object({ offset: z.number().int().nonnegative(), filter: z.string().nullable() });

/** Deployment settings of the eBay adapter. */
export interface EbaySettings extends ProviderSettings {
  /** `X-EBAY-C-MARKETPLACE-ID` (default EBAY_US). */
  marketplaceId?: string;
}

/** eBay: orders from the Fulfillment API (offset paging, modified-since filter) and batched price updates. */
export class EbayProvider implements MarketplaceProvider {
  readonly platform = EBAY;
  private readonly http: HttpClient;

  constructor(context: ProviderContext<EbaySettings>) {
    const { accessToken } = parseCredentials(EBAY, credentialsSchema, context.credentials);
    this.http = connectionHttpClient(context, {
      platform: EBAY,
      baseUrl: EBAY_BASE_URL,
      authHeaders: { authorization: `Bearer ${accessToken}` },
      secrets: [accessToken],
      defaultHeaders: { 'x-ebay-c-marketplace-id': context.settings?.marketplaceId ?? EBAY_DEFAULT_MARKETPLACE },
      rateLimit: { points: 5, durationSeconds: 1 },
    });
  }

  validateCredentials(signal?: AbortSignal): Promise<CredentialCheck> {
    return checkCredentials(async () => {
      await this.http.request({ operation: 'ebay.credentials', method: 'GET', path: EBAY_PATHS.orders, query: { limit: 1 }, schema: ebayOrdersResponse, signal });
      return null;
    });
  }

  /** Without `since` eBay returns its default window (the last 90 days). */
  async fetchOrders(input: FetchOrdersInput): Promise<OrdersPage> {
    const state = input.cursor
      ? decodeCursor(EBAY, input.cursor, orderCursor)
      : { offset: 0, filter: input.since ? ebayModifiedSinceFilter(input.since) : null };
    const { data } = await this.http.request({
      operation: 'ebay.orders',
      method: 'GET',
      path: EBAY_PATHS.orders,
      query: { filter: state.filter ?? undefined, limit: EBAY_ORDERS_PAGE_SIZE, offset: state.offset },
      schema: ebayOrdersResponse,
      signal: input.signal,
    });
    const nextOffset = data.offset + data.limit;
    const more = data.orders.length > 0 && nextOffset < data.total;
    const nextCursor = more ? encodeCursor({ offset: nextOffset, filter: state.filter }) : null;
    return { orders: data.orders.map(ebayOrder), nextCursor, done: nextCursor === null };
  }

  async updateListingPrice(input: UpdateListingPriceInput): Promise<ListingOperation> {
    const [operation] = await this.updateListingPrices([input]);
    return operation;
  }

  /** bulkUpdatePriceQuantity, 25 offers per call; each offer succeeds or fails on its own (HTTP 207). */
  async updateListingPrices(inputs: UpdateListingPriceInput[]): Promise<ListingOperation[]> {
    const operations: ListingOperation[] = [];
    for (const batch of chunk(inputs, EBAY_BULK_LIMIT)) {
      const { data } = await this.http.request({
        operation: 'ebay.offers.bulk-price',
        method: 'POST',
        path: EBAY_PATHS.bulkUpdatePriceQuantity,
        body: { requests: batch.map((u) => ({ offers: [{ offerId: u.externalListingId, price: { value: moneyString(u.amount), currency: u.currency } }] })) },
        schema: ebayBulkUpdateResponse,
        // Absolute prices: sending the same batch twice leaves the same prices.
        idempotent: true,
      });
      for (const input of batch) {
        const answer = data.responses.find((r) => r.offerId === input.externalListingId);
        const ok = answer !== undefined && answer.statusCode >= 200 && answer.statusCode < 300;
        const problem = answer?.errors?.[0];
        operations.push({
          platform: EBAY,
          operationType: 'UPDATE_PRICE',
          status: ok ? ListingOperationStatus.SUCCEEDED : ListingOperationStatus.FAILED,
          externalListingId: input.externalListingId,
          operationId: null,
          error: ok ? null : (problem?.longMessage ?? problem?.message ?? 'eBay did not answer for this offer'),
          raw: answer ?? null,
        });
      }
    }
    return operations;
  }
}

/** Registry entry of the eBay adapter. */
export const ebayProviderFactory: ProviderFactory<EbaySettings> = {
  platform: EBAY,
  create: (context) => new EbayProvider(context),
};
