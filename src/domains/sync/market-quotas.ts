/** How much market data one run may ask a platform for. */
export interface MarketQuota {
  /** Variants per fetchMarketData call (one transaction per batch). */
  batchSize: number;
  /** Variants one run prices at most; the hottest first, the rest wait for the next run. */
  maxVariantsPerRun: number;
}

/**
 * Batches sized to each platform's documented budget (PROVIDERS.md): StockX ~25,000 requests a day at ~1/s with
 * one request per variant, so a six-hourly run spends at most ~2,000; Alias prices per size with a looser limit.
 * A wrong guess is a one-line fix here.
 */
export const MARKET_QUOTAS: Readonly<Record<string, MarketQuota>> = {
  stockx: { batchSize: 25, maxVariantsPerRun: 2_000 },
  alias: { batchSize: 50, maxVariantsPerRun: 3_000 },
  ebay: { batchSize: 20, maxVariantsPerRun: 1_000 },
};

/** Platforms not listed get a conservative budget. */
export const DEFAULT_MARKET_QUOTA: MarketQuota = { batchSize: 20, maxVariantsPerRun: 1_000 };

/** The simulator costs nothing upstream; its batches only bound a transaction. */
export const SIMULATED_QUOTA: MarketQuota = { batchSize: 500, maxVariantsPerRun: 20_000 };

export const quotaOf = (platform: string): MarketQuota => MARKET_QUOTAS[platform] ?? DEFAULT_MARKET_QUOTA;
