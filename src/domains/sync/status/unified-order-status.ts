/** Platform-neutral lifecycle of a sale; every platform's raw order status maps onto one of these. */
export enum UnifiedOrderStatus {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  AUTHENTICATING = 'AUTHENTICATING',
  AUTHENTICATED = 'AUTHENTICATED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  RETURNED = 'RETURNED',
}

/** A platform's status vocabulary: raw value → unified status. */
export type StatusTable<S extends string = UnifiedOrderStatus> = Readonly<Record<string, S>>;

/**
 * Looks a raw status up in a table; `null` for anything the table does not know, so the caller
 * logs it and keeps the raw value instead of guessing.
 */
export function lookupStatus<S extends string>(table: StatusTable<S>, raw: string | null | undefined): S | null {
  if (raw === null || raw === undefined) return null;
  return Object.prototype.hasOwnProperty.call(table, raw) ? table[raw] : null;
}
