import { ProviderError, ProviderErrorKind, ProviderErrorReason } from '../http/provider-error';
import { aliasProviderFactory } from './alias/alias.provider';
import { amazonProviderFactory } from './amazon/amazon.provider';
import { ebayProviderFactory } from './ebay/ebay.provider';
import { flipkartProviderFactory } from './flipkart/flipkart.provider';
import type { MarketplaceProvider, ProviderContext, ProviderFactory, ProviderSettings } from './provider';
import { shopifyProviderFactory } from './shopify/shopify.provider';
import { stockxProviderFactory } from './stockx/stockx.provider';

// Factories are contravariant in their settings; the registry hands each one the settings stored for its platform.
type AnyProviderFactory = ProviderFactory<any>;

/** The real marketplace adapters shipped with MarketGraph. */
export const BUILT_IN_PROVIDERS: readonly AnyProviderFactory[] = [
  stockxProviderFactory,
  aliasProviderFactory,
  ebayProviderFactory,
  shopifyProviderFactory,
  flipkartProviderFactory,
  amazonProviderFactory,
];

/** Platform slug → provider factory. Built once at start-up by the composition root. */
export class ProviderRegistry {
  private readonly factories = new Map<string, AnyProviderFactory>();

  constructor(factories: readonly AnyProviderFactory[]) {
    for (const factory of factories) {
      if (this.factories.has(factory.platform)) throw new Error(`Two providers registered for platform "${factory.platform}"`);
      this.factories.set(factory.platform, factory);
    }
  }

  /** Slugs of every registered platform. */
  platforms(): string[] {
    return [...this.factories.keys()];
  }

  has(platform: string): boolean {
    return this.factories.has(platform);
  }

  /** Builds the provider of one connection; an unknown platform fails PERMANENT/UNSUPPORTED. */
  create<S extends ProviderSettings>(platform: string, context: ProviderContext<S>): MarketplaceProvider {
    const factory = this.factories.get(platform);
    if (!factory) {
      throw new ProviderError(`No marketplace provider for platform "${platform}"`, {
        kind: ProviderErrorKind.PERMANENT,
        reason: ProviderErrorReason.UNSUPPORTED,
        platform,
      });
    }
    return factory.create(context);
  }
}

/**
 * The registry of the built-in adapters plus `extra` ones (the simulated provider, test doubles);
 * an extra factory may not reuse a built-in slug.
 */
export function createProviderRegistry(extra: readonly AnyProviderFactory[] = []): ProviderRegistry {
  return new ProviderRegistry([...BUILT_IN_PROVIDERS, ...extra]);
}

export * from './provider';
export { ProviderError, ProviderErrorKind, ProviderErrorReason, isProviderError } from '../http/provider-error';
export { createHttpRuntime, type HttpRuntime, type HttpRuntimeOptions } from '../http/http-runtime';
export { DEFAULT_HTTP_POLICY, type HttpPolicy, type HttpPolicyOverrides } from '../http/http-client';
export type { OAuthTokens } from '../http/oauth-token';
export { UnifiedOrderStatus } from '../status/unified-order-status';
export { UnifiedListingStatus } from '../status/unified-listing-status';
