import { z } from 'zod';
import type { HttpClient } from '../../http/http-client';
import { decodeCursor, encodeCursor } from '../../http/opaque-cursor';
import {
  checkCredentials,
  parseCredentials,
  type CredentialCheck,
  type FetchOrdersInput,
  type MarketplaceProvider,
  type OrdersPage,
  type ProviderContext,
  type ProviderFactory,
  type ProviderSettings,
  connectionHttpClient,
} from '../provider';
import {
  FLIPKART,
  FLIPKART_BASE_URL,
  FLIPKART_FILTER_PHASES,
  FLIPKART_PAGE_SIZE,
  FLIPKART_PATHS,
  flipkartModifiedFilter,
  flipkartOrder,
  flipkartShipmentsResponse,
} from './flipkart.mapping';

const credentialsSchema = z.object({ accessToken: z.string().min(1) });
const orderCursor = z.object({
  phase: z.number().int().nonnegative(),
  nextPageUrl: z.string().nullable(),
  since: z.string().nullable(),
  until: z.string(),
});

/** Flipkart seller API: order items through the shipments filter, one phase per shipment type. */
export class FlipkartProvider implements MarketplaceProvider {
  readonly platform = FLIPKART;
  private readonly http: HttpClient;

  constructor(private readonly context: ProviderContext<ProviderSettings>) {
    const { accessToken } = parseCredentials(FLIPKART, credentialsSchema, context.credentials);
    this.http = connectionHttpClient(context, {
      platform: FLIPKART,
      baseUrl: FLIPKART_BASE_URL,
      authHeaders: { authorization: `Bearer ${accessToken}` },
      secrets: [accessToken],
      rateLimit: { points: 5, durationSeconds: 1 },
    });
  }

  validateCredentials(signal?: AbortSignal): Promise<CredentialCheck> {
    return checkCredentials(async () => {
      await this.filter(0, null, new Date(this.context.runtime.now()), 1, signal);
      return null;
    });
  }

  async fetchOrders(input: FetchOrdersInput): Promise<OrdersPage> {
    const state = input.cursor
      ? decodeCursor(FLIPKART, input.cursor, orderCursor)
      : { phase: 0, nextPageUrl: null, since: input.since?.toISOString() ?? null, until: new Date(this.context.runtime.now()).toISOString() };
    const data = state.nextPageUrl
      ? (await this.http.request({ operation: 'flipkart.shipments.next', method: 'GET', path: state.nextPageUrl, schema: flipkartShipmentsResponse, signal: input.signal })).data
      : await this.filter(state.phase, state.since, new Date(state.until), FLIPKART_PAGE_SIZE, input.signal);

    const orders = data.shipments.flatMap((s) => s.orderItems).map(flipkartOrder);
    const next =
      data.hasMore && data.nextPageUrl
        ? { ...state, nextPageUrl: data.nextPageUrl }
        : state.phase + 1 < FLIPKART_FILTER_PHASES.length
          ? { ...state, phase: state.phase + 1, nextPageUrl: null }
          : null;
    return { orders, nextCursor: next ? encodeCursor(next) : null, done: next === null };
  }

  private async filter(phase: number, since: string | null, until: Date, pageSize: number, signal?: AbortSignal) {
    const { type, states } = FLIPKART_FILTER_PHASES[phase];
    const { data } = await this.http.request({
      operation: `flipkart.shipments.${type}`,
      method: 'POST',
      path: FLIPKART_PATHS.shipmentsFilter,
      body: { filter: { type, states, ...(since ? flipkartModifiedFilter(new Date(since), until) : {}) }, pagination: { pageSize } },
      schema: flipkartShipmentsResponse,
      // A search: resending it changes nothing.
      idempotent: true,
      signal,
    });
    return data;
  }
}

/** Registry entry of the Flipkart adapter. */
export const flipkartProviderFactory: ProviderFactory = {
  platform: FLIPKART,
  create: (context) => new FlipkartProvider(context),
};
