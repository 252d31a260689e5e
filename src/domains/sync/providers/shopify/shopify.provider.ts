import { z } from 'zod';
import { HttpClient, type RetryDirective } from '../../http/http-client';
import { decodeCursor, encodeCursor } from '../../http/opaque-cursor';
import { ProviderError, ProviderErrorKind, ProviderErrorReason } from '../../http/provider-error';
import {
  checkCredentials,
  invalidInput,
  ListingOperationStatus,
  moneyString,
  parseCredentials,
  type CredentialCheck,
  type FetchOrdersInput,
  type ListingOperation,
  type ListingsPage,
  type MarketplaceProvider,
  type OrdersPage,
  type ProviderContext,
  type ProviderFactory,
  type ProviderSettings,
  type UpdateListingPriceInput,
  connectionHttpClient,
} from '../provider';
import {
  ORDERS_QUERY,
  SHOP_QUERY,
  SHOPIFY,
  SHOPIFY_API_VERSION,
  SHOPIFY_PAGE_SIZE,
  SHOPIFY_SHOP_DOMAIN,
  shopifyEnvelope,
  shopifyGraphqlPath,
  shopifyListing,
  shopifyOrder,
  shopifyOrdersData,
  shopifyRefillMs,
  shopifyShopData,
  shopifyUpdatedSince,
  shopifyUpdatePriceData,
  shopifyVariantsData,
  UPDATE_PRICE_MUTATION,
  VARIANTS_QUERY,
  type ShopifyCost,
} from './shopify.mapping';

const credentialsSchema = z.object({
  shopDomain: z.string().transform((s) => s.trim().toLowerCase()),
  accessToken: z.string().min(1),
});

/** Deployment settings of the Shopify adapter. */
export interface ShopifySettings extends ProviderSettings {
  apiVersion?: string;
}

const orderCursor = z.object({ after: z.string(), query: z.string().nullable() });
const listingCursor = z.object({ after: z.string() });

/**
 * Shopify Admin GraphQL: orders and variants through cursor connections, price updates with
 * `userErrors`, and the cost-based leaky bucket (waits when the bucket runs low, retries THROTTLED).
 */
export class ShopifyProvider implements MarketplaceProvider {
  readonly platform = SHOPIFY;
  private readonly http: HttpClient;
  private readonly path: string;

  constructor(private readonly context: ProviderContext<ShopifySettings>) {
    const { shopDomain, accessToken } = parseCredentials(SHOPIFY, credentialsSchema, context.credentials);
    if (!SHOPIFY_SHOP_DOMAIN.test(shopDomain)) throw invalidInput(SHOPIFY, 'the shop domain must be <shop>.myshopify.com');
    const settings = context.settings ?? {};
    // Tests point at a local server; in production we only ever call the shop's own myshopify.com host.
    if (context.production && settings.baseUrl) throw invalidInput(SHOPIFY, 'a base URL override is not allowed in production');
    this.path = shopifyGraphqlPath(settings.apiVersion ?? SHOPIFY_API_VERSION);
    this.http = connectionHttpClient(context, {
      platform: SHOPIFY,
      baseUrl: `https://${shopDomain}`,
      authHeaders: { 'x-shopify-access-token': accessToken },
      secrets: [accessToken],
      rateLimit: { points: 4, durationSeconds: 1 },
    });
  }

  validateCredentials(signal?: AbortSignal): Promise<CredentialCheck> {
    return checkCredentials(async () => (await this.graphql('shopify.shop', SHOP_QUERY, {}, shopifyShopData, signal)).shop.name);
  }

  async fetchOrders(input: FetchOrdersInput): Promise<OrdersPage> {
    const state = input.cursor ? decodeCursor(SHOPIFY, input.cursor, orderCursor) : { after: null, query: input.since ? shopifyUpdatedSince(input.since) : null };
    const data = await this.graphql('shopify.orders', ORDERS_QUERY, { first: SHOPIFY_PAGE_SIZE, after: state.after, query: state.query }, shopifyOrdersData, input.signal);
    const { pageInfo, nodes } = data.orders;
    const nextCursor = pageInfo.hasNextPage && pageInfo.endCursor ? encodeCursor({ after: pageInfo.endCursor, query: state.query }) : null;
    return { orders: nodes.map(shopifyOrder), nextCursor, done: nextCursor === null };
  }

  async fetchListings(input: { cursor?: string | null; signal?: AbortSignal }): Promise<ListingsPage> {
    const after = input.cursor ? decodeCursor(SHOPIFY, input.cursor, listingCursor).after : null;
    const data = await this.graphql('shopify.variants', VARIANTS_QUERY, { first: SHOPIFY_PAGE_SIZE, after }, shopifyVariantsData, input.signal);
    const { pageInfo, nodes } = data.productVariants;
    const nextCursor = pageInfo.hasNextPage && pageInfo.endCursor ? encodeCursor({ after: pageInfo.endCursor }) : null;
    return { listings: nodes.map((v) => shopifyListing(v, data.shop.currencyCode)), nextCursor, done: nextCursor === null };
  }

  /** The listing is a variant; its price is set through its product. `userErrors` come back as a FAILED operation. */
  async updateListingPrice(input: UpdateListingPriceInput): Promise<ListingOperation> {
    if (!input.externalProductId) throw invalidInput(SHOPIFY, 'updating a variant price needs its product id');
    const data = await this.graphql(
      'shopify.variants.price',
      UPDATE_PRICE_MUTATION,
      { productId: input.externalProductId, variants: [{ id: input.externalListingId, price: moneyString(input.amount) }] },
      shopifyUpdatePriceData,
    );
    const { userErrors } = data.productVariantsBulkUpdate;
    return {
      platform: SHOPIFY,
      operationType: 'UPDATE_PRICE',
      status: userErrors.length === 0 ? ListingOperationStatus.SUCCEEDED : ListingOperationStatus.FAILED,
      externalListingId: input.externalListingId,
      operationId: null,
      error: userErrors.length === 0 ? null : this.http.scrub(userErrors.map((e) => e.message).join('; ')),
      raw: data,
    };
  }

  /**
   * One GraphQL call: THROTTLED answers are retried by the client after the bucket refills;
   * other GraphQL errors fail PERMANENT; a low bucket after success waits before the next call.
   */
  private async graphql<T extends z.ZodTypeAny>(operation: string, query: string, variables: Record<string, unknown>, data: T, signal?: AbortSignal): Promise<z.infer<T>> {
    const envelope = shopifyEnvelope(data);
    const { data: body } = await this.http.request({
      operation,
      method: 'POST',
      path: this.path,
      body: { query, variables },
      schema: envelope,
      // Queries are reads and our one mutation sets absolute prices: resending is harmless.
      idempotent: true,
      inspect: (b) => throttled(b.errors, b.extensions?.cost),
      signal,
    });
    if (body.errors?.length) {
      throw new ProviderError(this.http.scrub(`${SHOPIFY} ${operation} failed: ${body.errors[0].message}`), {
        kind: ProviderErrorKind.PERMANENT,
        reason: ProviderErrorReason.REJECTED,
        platform: SHOPIFY,
        operation,
      });
    }
    if (body.data === null || body.data === undefined) {
      throw new ProviderError(`${SHOPIFY} ${operation} failed: no data in the answer`, { kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.INVALID_RESPONSE, platform: SHOPIFY, operation });
    }
    await this.respectBucket(body.extensions?.cost, signal);
    return body.data;
  }

  /** Waits until the bucket could pay for another query as expensive as this one. */
  private async respectBucket(cost: ShopifyCost | null | undefined, signal?: AbortSignal): Promise<void> {
    if (!cost) return;
    const waitMs = shopifyRefillMs(cost, cost.requestedQueryCost ?? cost.actualQueryCost ?? 0);
    if (waitMs > 0) await this.context.runtime.sleep(waitMs, signal);
  }
}

function throttled(errors: Array<{ extensions?: { code?: string | null } | null }> | null | undefined, cost: ShopifyCost | null | undefined): RetryDirective | undefined {
  if (!errors?.some((e) => e.extensions?.code === 'THROTTLED')) return undefined;
  const refillMs = cost ? shopifyRefillMs(cost, cost.requestedQueryCost ?? cost.throttleStatus.maximumAvailable / 2) : 0;
  // Another client may have drained the bucket since Shopify measured it: wait a second at least then.
  return { retryAfterMs: refillMs > 0 ? refillMs : 1000, message: 'THROTTLED: query cost exceeds the available bucket' };
}

/** Registry entry of the Shopify adapter. */
export const shopifyProviderFactory: ProviderFactory<ShopifySettings> = {
  platform: SHOPIFY,
  create: (context) => new ShopifyProvider(context),
};
