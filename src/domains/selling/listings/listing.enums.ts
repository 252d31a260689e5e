import { registerEnumType } from 'type-graphql';

/** Where a listing stands (DESIGN §5). */
export enum ListingStatus {
  DRAFT = 'DRAFT',
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
  SOLD = 'SOLD',
  EXPIRED = 'EXPIRED',
  DELETED = 'DELETED',
}

/** How a listing came to be. */
export enum ListingSource {
  MANUAL = 'MANUAL',
  OPPORTUNITY = 'OPPORTUNITY',
  BULK = 'BULK',
  IMPORT = 'IMPORT',
}

/** A write to the platform that a listing change needs. */
export enum ListingOperationType {
  CREATE = 'CREATE',
  UPDATE_PRICE = 'UPDATE_PRICE',
  ACTIVATE = 'ACTIVATE',
  DEACTIVATE = 'DEACTIVATE',
}

/** Progress of that write; asynchronous platforms (StockX) stay PENDING until polled to an end. */
export enum ListingOperationStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

/** What a mutation did on the marketplace itself. */
export enum PlatformSync {
  SYNCED = 'SYNCED',
  PENDING = 'PENDING',
  FAILED = 'FAILED',
  LOCAL_ONLY = 'LOCAL_ONLY',
}

/** Statuses in which a listing still holds its item on its platform (one such listing per item and platform). */
export const LIVE_LISTING_STATUSES: readonly ListingStatus[] = [ListingStatus.DRAFT, ListingStatus.PENDING, ListingStatus.ACTIVE, ListingStatus.INACTIVE];

/** Statuses that are final: nothing can be changed any more. */
export const FINAL_LISTING_STATUSES: readonly ListingStatus[] = [ListingStatus.SOLD, ListingStatus.EXPIRED, ListingStatus.DELETED];

registerEnumType(ListingStatus, {
  name: 'ListingStatus',
  description: 'Where a listing stands.',
  valuesConfig: {
    DRAFT: { description: 'Created but never put up for sale.' },
    PENDING: { description: 'A platform operation (create, activate, deactivate) is still in progress.' },
    ACTIVE: { description: 'For sale; the repricer manages it.' },
    INACTIVE: { description: 'Taken down; can be activated again.' },
    SOLD: { description: 'Sold; final.' },
    EXPIRED: { description: 'Expired on the platform; final.' },
    DELETED: { description: 'Deleted; final.' },
  },
});
registerEnumType(ListingSource, {
  name: 'ListingSource',
  description: 'How a listing came to be.',
  valuesConfig: {
    MANUAL: { description: 'createListing.' },
    OPPORTUNITY: { description: 'createListingsFromOpportunities with an arbitrage opportunity.' },
    BULK: { description: 'createListingsFromOpportunities with explicit rows.' },
    IMPORT: { description: 'Imported from a platform by listing sync.' },
  },
});
registerEnumType(ListingOperationType, {
  name: 'ListingOperationType',
  description: 'A write to the marketplace that a listing change needs.',
  valuesConfig: {
    CREATE: { description: 'Create the listing on the platform.' },
    UPDATE_PRICE: { description: 'Change its price on the platform.' },
    ACTIVATE: { description: 'Put it up for sale on the platform.' },
    DEACTIVATE: { description: 'Take it down on the platform.' },
  },
});
registerEnumType(ListingOperationStatus, {
  name: 'ListingOperationStatus',
  description: 'Progress of a marketplace write.',
  valuesConfig: {
    PENDING: { description: 'Sent (or about to be) and not finished; polled in the background.' },
    SUCCEEDED: { description: 'The platform applied it.' },
    FAILED: { description: 'The platform refused it or it could not be sent; see the error.' },
  },
});
registerEnumType(PlatformSync, {
  name: 'PlatformSync',
  description: 'What a mutation did on the marketplace itself.',
  valuesConfig: {
    SYNCED: { description: 'The platform applied the change.' },
    PENDING: { description: 'The platform accepted the change asynchronously; listingChanged reports the outcome.' },
    FAILED: { description: 'The platform refused the change; MarketGraph kept its own record and reports why in the note.' },
    LOCAL_ONLY: { description: 'No marketplace connection (or no listing support) for this platform: tracked in MarketGraph only.' },
  },
});

/** Why a listing's price changed (DESIGN §5). */
export enum PricingReason {
  MARKET_UPDATE = 'MARKET_UPDATE',
  COMPETITION = 'COMPETITION',
  ALGORITHM = 'ALGORITHM',
  MANUAL = 'MANUAL',
}

registerEnumType(PricingReason, {
  name: 'PricingReason',
  description: "Why a listing's price changed.",
  valuesConfig: {
    MARKET_UPDATE: { description: 'The repricer reacted to a price-change event on the market.' },
    COMPETITION: { description: 'A scheduled or requested run followed competing asks (COMPETITIVE, MATCH_LOWEST_ASK).' },
    ALGORITHM: { description: 'A scheduled or requested run of a model strategy (PROFIT_MAXIMIZATION, HIGHEST_BID, FIXED).' },
    MANUAL: { description: 'The seller set the price.' },
  },
});
