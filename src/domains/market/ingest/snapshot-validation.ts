import type Decimal from 'decimal.js';
import { ErrorCode, userError, type UserError } from '../../../common/errors';
import { Dec } from '../../../common/money';
import type { SnapshotRow } from './snapshot-row';

/** Prices above this are treated as data errors (NUMERIC(12,2) could hold more, no sneaker or card costs it). */
export const MAX_PRICE = new Dec(1_000_000);
/** Clock skew tolerated on `capturedAt` before a snapshot counts as from the future. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Snapshots older than this are rejected as absurd rather than creating partitions for them. */
export const OLDEST_CAPTURED_AT = new Date('2000-01-01T00:00:00Z');
const MAX_SALES = 10_000_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A plain price within range with at most two decimals: taken as is, no Decimal needed (the hot path of bulk ingest). */
const PLAIN_PRICE = /^(?:(?:0|[1-9]\d{0,5})(?:\.\d{1,2})?|1000000(?:\.0{1,2})?)$/;
const PLAIN_VOLATILITY = /^(?:0(?:\.\d{1,4})?|1(?:\.0{1,4})?)$/;
const SOURCES = new Set(['API', 'CSV', 'MANUAL', 'SIMULATED']);
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** A validated snapshot: amounts as canonical decimal strings (exact, ready to bind), time as epoch milliseconds. */
export interface ParsedSnapshot {
  variantId: string;
  platformId: string;
  lowestAsk: string | null;
  highestBid: string | null;
  lastSale: string | null;
  sales7d: number | null;
  sales30d: number | null;
  volatility: string | null;
  currency: string;
  capturedAt: number;
  source: SnapshotRow['source'];
}

type Report = (field: string, code: ErrorCode, message: string) => void;

function toDecimal(value: Decimal.Value): Decimal | null {
  try {
    const parsed = new Dec(typeof value === 'string' ? value.trim() : value);
    return parsed.isFinite() ? parsed : null;
  } catch {
    return null;
  }
}

function price(value: Decimal.Value | null | undefined, field: string, label: string, report: Report): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
  if (text !== null && PLAIN_PRICE.test(text)) return text;
  const parsed = toDecimal(value);
  if (!parsed) report(field, ErrorCode.INVALID, `${label} must be a decimal number (got ${JSON.stringify(String(value))}).`);
  else if (parsed.isNegative()) report(field, ErrorCode.OUT_OF_RANGE, `${label} must not be negative (got ${parsed.toFixed()}).`);
  else if (parsed.greaterThan(MAX_PRICE)) report(field, ErrorCode.OUT_OF_RANGE, `${label} ${parsed.toFixed()} is implausibly high (at most ${MAX_PRICE.toFixed()}).`);
  else if (parsed.decimalPlaces() > 2) report(field, ErrorCode.INVALID, `${label} must have at most 2 decimal places (got ${parsed.toFixed()}).`);
  else return parsed.toFixed();
  return null;
}

function count(value: number | null | undefined, field: string, label: string, report: Report): number | null {
  if (value === null || value === undefined) return null;
  if (Number.isInteger(value) && value >= 0 && value <= MAX_SALES) return value;
  report(field, ErrorCode.OUT_OF_RANGE, `${label} must be a whole number between 0 and ${MAX_SALES} (got ${value}).`);
  return null;
}

function volatilityOf(value: Decimal.Value | null | undefined, report: Report): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
  if (text !== null && PLAIN_VOLATILITY.test(text)) return text;
  const parsed = toDecimal(value);
  if (!parsed) report('volatility', ErrorCode.INVALID, `Volatility must be a decimal number (got ${JSON.stringify(String(value))}).`);
  else if (parsed.isNegative() || parsed.greaterThan(1)) report('volatility', ErrorCode.OUT_OF_RANGE, `Volatility must be between 0 and 1 (got ${parsed.toFixed()}).`);
  else return parsed.toDecimalPlaces(4, Dec.ROUND_HALF_EVEN).toFixed();
  return null;
}

/**
 * Checks one row on its own (references to variants and platforms are checked per batch against the database):
 * the parsed row, or its errors with paths like ["snapshots", 3, "lowestAsk"], built only for failing rows.
 */
export function validateSnapshotRow(row: SnapshotRow, list: string, index: number, now: number): ParsedSnapshot | UserError[] {
  let errors: UserError[] | null = null;
  const report: Report = (field, code, message) => (errors ??= []).push(userError(code, message, [list, index, field]));
  const lowestAsk = price(row.lowestAsk, 'lowestAsk', 'Lowest ask', report);
  const highestBid = price(row.highestBid, 'highestBid', 'Highest bid', report);
  const lastSale = price(row.lastSale, 'lastSale', 'Last sale', report);
  // Two-decimal amounts below 10^7 compare exactly as doubles.
  if (lowestAsk !== null && highestBid !== null && Number(lowestAsk) < Number(highestBid)) {
    report('lowestAsk', ErrorCode.CONFLICT, `Crossed market: lowest ask ${new Dec(lowestAsk).toFixed(2)} is below highest bid ${new Dec(highestBid).toFixed(2)}.`);
  }
  const volatility = volatilityOf(row.volatility, report);
  const sales7d = count(row.sales7d, 'sales7d', 'Sales in 7 days', report);
  const sales30d = count(row.sales30d, 'sales30d', 'Sales in 30 days', report);
  if (sales7d !== null && sales30d !== null && sales7d > sales30d) {
    report('sales7d', ErrorCode.CONFLICT, `Sales in 7 days (${sales7d}) cannot exceed sales in 30 days (${sales30d}).`);
  }
  let currency = typeof row.currency === 'string' ? row.currency : '';
  if (!CURRENCIES.has(currency)) {
    currency = currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency) || !CURRENCIES.has(currency)) {
      report('currency', ErrorCode.INVALID, `Currency must be an ISO 4217 code such as USD (got ${JSON.stringify(row.currency)}).`);
    }
  }
  const capturedAt = row.capturedAt instanceof Date ? row.capturedAt.getTime() : Number.NaN;
  if (Number.isNaN(capturedAt)) report('capturedAt', ErrorCode.INVALID, 'Captured at must be a valid date and time.');
  else if (capturedAt > now + FUTURE_TOLERANCE_MS) report('capturedAt', ErrorCode.OUT_OF_RANGE, `Captured at ${row.capturedAt.toISOString()} is in the future.`);
  else if (capturedAt < OLDEST_CAPTURED_AT.getTime()) {
    report('capturedAt', ErrorCode.OUT_OF_RANGE, `Captured at ${row.capturedAt.toISOString()} is before ${OLDEST_CAPTURED_AT.toISOString().slice(0, 10)}.`);
  }
  if (!SOURCES.has(row.source)) report('source', ErrorCode.INVALID, `Source must be API, CSV, MANUAL or SIMULATED (got ${JSON.stringify(row.source)}).`);
  if (errors) return errors;
  return {
    variantId: typeof row.variantId === 'string' ? row.variantId.toLowerCase() : '',
    platformId: typeof row.platformId === 'string' ? row.platformId.toLowerCase() : '',
    lowestAsk,
    highestBid,
    lastSale,
    sales7d,
    sales30d,
    volatility,
    currency,
    capturedAt,
    source: row.source,
  };
}

/** Whether a string is a UUID (malformed ids answer like unknown ones). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
