/** Platform-neutral state of a listing (an ask, an offer, a product variant for sale). */
export enum UnifiedListingStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
  SOLD = 'SOLD',
  DELETED = 'DELETED',
}
