import { z } from 'zod';
import type { HttpClient } from '../../http/http-client';
import { decodeCursor, encodeCursor } from '../../http/opaque-cursor';
import {
  checkCredentials,
  parseCredentials,
  type CredentialCheck,
  type FetchOrdersInput,
  type MarketplaceProvider,
  type NormalizedOrder,
  type OrdersPage,
  type ProviderContext,
  type ProviderFactory,
  type ProviderSettings,
  connectionHttpClient,
} from '../provider';
import {
  AMAZON,
  AMAZON_BASE_URL,
  AMAZON_DEFAULT_MARKETPLACE,
  AMAZON_FIRST_SYNC_DAYS,
  AMAZON_PAGE_SIZE,
  AMAZON_PATHS,
  amazonOrder,
  amazonOrderItemsResponse,
  amazonOrdersResponse,
  type AmazonOrderItem,
} from './amazon.mapping';

/** An LWA access token (SP-API no longer needs request signing). */
const credentialsSchema = z.object({ accessToken: z.string().min(1) });
const orderCursor = z.object({ nextToken: z.string().min(1) });

/** Deployment settings of the Amazon adapter. */
export interface AmazonSettings extends ProviderSettings {
  marketplaceIds?: string[];
}

/** Amazon SP-API Orders v0: orders updated since the cursor, each with its items. */
export class AmazonProvider implements MarketplaceProvider {
  readonly platform = AMAZON;
  private readonly http: HttpClient;
  private readonly marketplaceIds: string[];

  constructor(private readonly context: ProviderContext<AmazonSettings>) {
    const { accessToken } = parseCredentials(AMAZON, credentialsSchema, context.credentials);
    this.marketplaceIds = context.settings?.marketplaceIds ?? [AMAZON_DEFAULT_MARKETPLACE];
    this.http = connectionHttpClient(context, {
      platform: AMAZON,
      baseUrl: AMAZON_BASE_URL,
      authHeaders: { 'x-amz-access-token': accessToken },
      secrets: [accessToken],
      // (?) getOrderItems allows 0.5 request/s (burst 30); getOrders far less but with a burst of 20.
      rateLimit: { points: 1, durationSeconds: 2 },
    });
  }

  validateCredentials(signal?: AbortSignal): Promise<CredentialCheck> {
    return checkCredentials(async () => {
      await this.http.request({
        operation: 'amazon.credentials',
        method: 'GET',
        path: AMAZON_PATHS.orders,
        query: { MarketplaceIds: this.marketplaceIds.join(','), CreatedAfter: new Date(this.context.runtime.now() - 86_400_000).toISOString(), MaxResultsPerPage: 1 },
        schema: amazonOrdersResponse,
        signal,
      });
      return null;
    });
  }

  async fetchOrders(input: FetchOrdersInput): Promise<OrdersPage> {
    const nextToken = input.cursor ? decodeCursor(AMAZON, input.cursor, orderCursor).nextToken : undefined;
    const lastUpdatedAfter = input.since ?? new Date(this.context.runtime.now() - AMAZON_FIRST_SYNC_DAYS * 86_400_000);
    const { data } = await this.http.request({
      operation: 'amazon.orders',
      method: 'GET',
      path: AMAZON_PATHS.orders,
      // With a NextToken the other filters must not change; Amazon ignores them, we send them unchanged.
      query: { MarketplaceIds: this.marketplaceIds.join(','), ...(nextToken ? { NextToken: nextToken } : { LastUpdatedAfter: lastUpdatedAfter.toISOString() }), MaxResultsPerPage: AMAZON_PAGE_SIZE },
      schema: amazonOrdersResponse,
      signal: input.signal,
    });
    const orders: NormalizedOrder[] = [];
    for (const order of data.payload.Orders) orders.push(amazonOrder(order, await this.orderItems(order.AmazonOrderId, input.signal)));
    const next = data.payload.NextToken;
    return { orders, nextCursor: next ? encodeCursor({ nextToken: next }) : null, done: !next };
  }

  private async orderItems(orderId: string, signal?: AbortSignal): Promise<AmazonOrderItem[]> {
    const items: AmazonOrderItem[] = [];
    let nextToken: string | undefined;
    do {
      const { data } = await this.http.request({
        operation: 'amazon.order-items',
        method: 'GET',
        path: AMAZON_PATHS.orderItems(orderId),
        query: { NextToken: nextToken },
        schema: amazonOrderItemsResponse,
        signal,
      });
      items.push(...data.payload.OrderItems);
      nextToken = data.payload.NextToken ?? undefined;
    } while (nextToken);
    return items;
  }
}

/** Registry entry of the Amazon adapter. */
export const amazonProviderFactory: ProviderFactory<AmazonSettings> = {
  platform: AMAZON,
  create: (context) => new AmazonProvider(context),
};
