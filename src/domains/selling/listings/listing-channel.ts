import type { EntityManager } from '@mikro-orm/postgresql';

/** The platform's answer to a listing write; a `MarketplaceProvider`'s `ListingOperation` satisfies it. */
export interface ChannelOperation {
  platform: string;
  operationType: 'CREATE' | 'UPDATE_PRICE' | 'ACTIVATE' | 'DEACTIVATE';
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  externalListingId: string | null;
  operationId: string | null;
  error: string | null;
  raw: unknown;
}

/** A new listing on the platform, with the platform's ids of the size. */
export interface ChannelCreateInput {
  externalProductId: string;
  externalVariantId?: string;
  sizeKey?: string;
  amount: string;
  currency: string;
  active?: boolean;
  expiresAt?: Date;
}

/**
 * The listing writes of one marketplace account. Every method is optional, like the capabilities of a
 * `MarketplaceProvider` (which satisfies this interface structurally): what a platform lacks stays local.
 */
export interface ListingChannel {
  readonly platform: string;
  createListing?(input: ChannelCreateInput): Promise<ChannelOperation>;
  updateListingPrice?(input: { externalListingId: string; amount: string; currency: string; externalProductId?: string }): Promise<ChannelOperation>;
  activateListing?(externalListingId: string): Promise<ChannelOperation>;
  deactivateListing?(externalListingId: string): Promise<ChannelOperation>;
  pollOperation?(operation: ChannelOperation): Promise<ChannelOperation>;
}

/** Finds the listing channel of an account on a platform (its seller connection), or null when it has none. */
export type ListingChannelSource = (em: EntityManager, target: { accountId: string; platform: string }) => Promise<ListingChannel | null>;

let source: ListingChannelSource | undefined;

/**
 * Plugs marketplace connections into listings. The sync domain owns connections and credentials and depends on
 * selling's data, so it registers here at start-up (the provider of the account's SELLER_ACCOUNT connection);
 * until then every listing is tracked locally only.
 */
export function setListingChannelSource(fn: ListingChannelSource | undefined): void {
  source = fn;
}

/** The account's channel on a platform, or null (no connection, or no source registered). */
export async function listingChannelFor(em: EntityManager, accountId: string, platform: string): Promise<ListingChannel | null> {
  return source ? source(em, { accountId, platform }) : null;
}
