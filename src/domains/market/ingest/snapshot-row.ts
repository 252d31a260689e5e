import type Decimal from 'decimal.js';
import type { UserError } from '../../../common/errors';

/** One market observation of a variant on a platform, as the sync services and the admin mutation hand it over. */
export interface SnapshotRow {
  variantId: string;
  platformId: string;
  lowestAsk?: Decimal.Value | null;
  highestBid?: Decimal.Value | null;
  lastSale?: Decimal.Value | null;
  sales7d?: number | null;
  sales30d?: number | null;
  /** 0..1 */
  volatility?: Decimal.Value | null;
  currency: string;
  capturedAt: Date;
  source: 'API' | 'CSV' | 'MANUAL' | 'SIMULATED';
}

/** Outcome of one bulk ingest. */
export interface IngestResult {
  /** Snapshot rows inserted (an identical snapshot already stored is skipped, not counted). */
  written: number;
  /** Price change events detected against the latest prices (and published). */
  changes: number;
  /** Rows that failed validation, by input index; empty when every row was valid. */
  rowErrors: Array<{ index: number; errors: UserError[] }>;
}
