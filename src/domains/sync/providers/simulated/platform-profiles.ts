/** Product families as the catalog names them. */
export type SimulatedCategory = 'SNEAKERS' | 'APPAREL' | 'TRADING_CARD' | 'COLLECTIBLE' | 'OTHER';

/** How one marketplace's order book behaves in the simulation. */
export interface PlatformProfile {
  /** Product families the venue trades. */
  categories: readonly SimulatedCategory[];
  /** Price level relative to the cross-venue market (buyer fees and audiences differ). */
  level: number;
  /** Lowest ask over highest bid: (ask − bid) / bid, from tight (liquid, hot) to wide (illiquid, cold). */
  spread: readonly [min: number, max: number];
  /** Asks, bids and sales are whole dollars (StockX, GOAT, Alias take whole-dollar prices). */
  wholeDollars: boolean;
  /** Log-normal noise of a sale around the mid price; 0 trades inside the spread (bid/ask venues). */
  saleNoise: number;
  /** Share of the whole market's sales this venue sees. */
  salesShare: number;
  /** Weight of the venue's own drift against the shared market (venues drift apart a little: arbitrage). */
  ownDrift: number;
}

const SNEAKER_LIKE = ['SNEAKERS', 'APPAREL', 'COLLECTIBLE', 'OTHER'] as const;
const EVERYTHING = ['SNEAKERS', 'APPAREL', 'TRADING_CARD', 'COLLECTIBLE', 'OTHER'] as const;

/** Venues the simulator prices, by platform slug; platforms without a profile get no simulated data. */
export const PLATFORM_PROFILES: Readonly<Record<string, PlatformProfile>> = {
  stockx: { categories: SNEAKER_LIKE, level: 1.0, spread: [0.05, 0.12], wholeDollars: true, saleNoise: 0, salesShare: 1.0, ownDrift: 0.3 },
  alias: { categories: SNEAKER_LIKE, level: 0.985, spread: [0.06, 0.15], wholeDollars: true, saleNoise: 0, salesShare: 0.35, ownDrift: 0.35 },
  goat: { categories: SNEAKER_LIKE, level: 1.02, spread: [0.07, 0.15], wholeDollars: true, saleNoise: 0, salesShare: 0.6, ownDrift: 0.35 },
  // eBay: best offers instead of a bid book, sales from auctions and Buy It Now — wide and noisy.
  ebay: { categories: EVERYTHING, level: 0.95, spread: [0.1, 0.25], wholeDollars: false, saleNoise: 0.06, salesShare: 0.5, ownDrift: 0.45 },
  blokpax: { categories: ['TRADING_CARD'], level: 1.0, spread: [0.05, 0.15], wholeDollars: false, saleNoise: 0.04, salesShare: 0.3, ownDrift: 0.4 },
  shootstrayt: { categories: ['TRADING_CARD'], level: 1.03, spread: [0.06, 0.18], wholeDollars: false, saleNoise: 0.03, salesShare: 0.2, ownDrift: 0.4 },
};

/** The profile of a platform when it trades the category, else null. */
export function profileFor(platformSlug: string, category: SimulatedCategory): PlatformProfile | null {
  const profile = PLATFORM_PROFILES[platformSlug];
  return profile && profile.categories.includes(category) ? profile : null;
}
