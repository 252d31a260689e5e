import type Decimal from 'decimal.js';
import type { FeeSchedule } from '../../catalog';

/** The repricing strategies a rule can name (DESIGN §5). */
export enum RepricingStrategyKind {
  COMPETITIVE = 'COMPETITIVE',
  MATCH_LOWEST_ASK = 'MATCH_LOWEST_ASK',
  HIGHEST_BID = 'HIGHEST_BID',
  PROFIT_MAXIMIZATION = 'PROFIT_MAXIMIZATION',
  FIXED = 'FIXED',
}

/** What the repricer needs to know about one listing. */
export interface RepricingListing {
  /** The ask currently live on the platform, in whole cents. */
  askPrice: Decimal;
  /** What the item cost; the default floor is built on it. */
  costBasis: Decimal;
  /** When the ask last changed (by anyone); the cooldown counts from here. Null: never changed. */
  lastPriceChangeAt: Date | null;
  /**
   * The platform's fees and the seller's shipping for this listing. When given, the default floor
   * is fee-aware: the lowest ask whose net proceeds still cover cost basis + minimum margin.
   */
  fees?: { schedule: FeeSchedule; shippingCost?: Decimal } | null;
}

/** The market for the listing's variant on the listing's platform (the latest `MarketPrice`). */
export interface MarketView {
  lowestAsk: Decimal | null;
  highestBid: Decimal | null;
  lastSale: Decimal | null;
  /** Sales in the last 7 days; a count, not money. */
  salesLast7Days: number | null;
  /** Sales in the last 30 days; used when the 7-day count is missing. */
  salesLast30Days?: number | null;
  /** Price volatility, 0 (calm) to 1 (wild). */
  volatility: Decimal | null;
  /** True when the lowest ask is this very listing: undercutting it would only chase our own price down. */
  lowestAskIsOwn?: boolean;
}

/**
 * A listing's repricing rule. Percentages are percents (5 = 5 %), amounts are in the listing's
 * currency. The `RepricingRule` entity is meant to satisfy this shape structurally.
 */
export interface RepricingRuleSettings {
  strategy: RepricingStrategyKind;
  /** COMPETITIVE: undercut the lowest ask by this amount (wins over the percent when both are set). */
  undercutAmount?: Decimal | null;
  /** COMPETITIVE: undercut the lowest ask by this percent of it. Neither set: one cent. */
  undercutPercent?: Decimal | null;
  /** FIXED: the price to hold; unset holds the current ask. */
  fixedPrice?: Decimal | null;
  /** Explicit floor; replaces the default (cost basis + minimum margin). Never crossed. */
  floorPrice?: Decimal | null;
  /** Profit to protect on top of the cost basis for the default floor; unset = 0. */
  minimumMargin?: Decimal | null;
  /** Highest price the repricer may set. */
  ceilingPrice?: Decimal | null;
  /** Largest move per run, as a percent of the current ask. Unset: unlimited. */
  maxChangePercent?: Decimal | null;
  /** Minimum time between two price changes, in seconds. Unset or 0: none. */
  cooldownSeconds?: number | null;
}

/** A strategy's raw opinion, before any guard. */
export interface StrategyProposal {
  /** The price the strategy wants, or null when the market gives it nothing to go on. */
  target: Decimal | null;
  /** Human-readable: how the target was derived, or why there is none. */
  explanation: string;
}

/** Inputs every strategy sees. */
export interface StrategyInput {
  listing: RepricingListing;
  market: MarketView;
  rule: RepricingRuleSettings;
}

/** One way of turning a market into a target price; guards (floor, ceiling, …) are applied afterwards, not here. */
export interface RepricingStrategy {
  readonly kind: RepricingStrategyKind;
  propose(input: StrategyInput): StrategyProposal;
}
