import type Decimal from 'decimal.js';
import { Dec } from '../../../common/money';
import { PriceField } from '../entities/market.enums';
import type { PriceChangePayload } from '../market.topics';
import type { ChangedPriceRow } from './ingest-statement';

const CENTS = /^(-?)(\d{1,11})(?:\.(\d{1,2}))?$/;

/** An amount of at most two decimals as integer cents (exact in a double below 2^53), or null when it is not one. */
function cents(value: string): number | null {
  const match = CENTS.exec(value);
  if (!match) return null;
  const amount = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -amount : amount;
}

/** (new − old) / old × 100 in hundredths of a percent, rounded half-even, with integer arithmetic only. */
function basisPoints(before: number, after: number): number {
  const numerator = (after - before) * 10_000;
  let quotient = Math.trunc(numerator / before);
  let remainder = numerator - quotient * before;
  // The float division may be off by one; the remainder is exact, so correct the quotient with it.
  if (Math.abs(remainder) >= Math.abs(before)) {
    const step = Math.sign(remainder) * Math.sign(before);
    quotient += step;
    remainder -= step * before;
  }
  const twice = 2 * Math.abs(remainder);
  const away = twice > Math.abs(before) || (twice === Math.abs(before) && Math.abs(quotient) % 2 === 1);
  return away ? quotient + Math.sign(remainder) * Math.sign(before) : quotient;
}

/** (new − old) / old × 100, half-even to two decimals; null when either side is missing or old is zero. */
export function changePercent(oldValue: Decimal.Value | null, newValue: Decimal.Value | null): Decimal | null {
  if (oldValue === null || newValue === null) return null;
  const before = typeof oldValue === 'string' ? cents(oldValue) : null;
  const after = typeof newValue === 'string' ? cents(newValue) : null;
  if (before !== null && after !== null) return before === 0 ? null : new Dec(basisPoints(before, after)).dividedBy(100);
  const old = new Dec(oldValue);
  if (old.isZero()) return null;
  return new Dec(newValue).minus(old).dividedBy(old).times(100).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN);
}

/** changePercent formatted for the payload ("-5.00"), without building a Decimal on the hot path. */
function changePercentText(oldValue: string | null, newValue: string | null): string | null {
  if (oldValue === null || newValue === null) return null;
  const before = cents(oldValue);
  const after = cents(newValue);
  if (before === null || after === null) return changePercent(oldValue, newValue)?.toFixed(2) ?? null;
  if (before === 0) return null;
  const bp = basisPoints(before, after);
  const abs = Math.abs(bp);
  return `${bp < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const FIELDS = [
  { field: PriceField.LOWEST_ASK, value: 'lowest_ask', prev: 'prev_lowest_ask', changed: 'lowest_ask_changed' },
  { field: PriceField.HIGHEST_BID, value: 'highest_bid', prev: 'prev_highest_bid', changed: 'highest_bid_changed' },
  { field: PriceField.LAST_SALE, value: 'last_sale', prev: 'prev_last_sale', changed: 'last_sale_changed' },
] as const;

/** One event per changed field of each changed latest row. */
export function priceChangeEvents(rows: ChangedPriceRow[], platformSlug: (platformId: string) => string): PriceChangePayload[] {
  const events: PriceChangePayload[] = [];
  const isoTimes = new Map<string, string>();
  for (const row of rows) {
    let at = isoTimes.get(row.captured_at);
    if (at === undefined) {
      at = new Date(row.captured_at).toISOString();
      isoTimes.set(row.captured_at, at);
    }
    const currency = row.currency.trim();
    for (const f of FIELDS) {
      if (!row[f.changed]) continue;
      const oldValue = row[f.prev];
      const newValue = row[f.value];
      events.push({
        variantId: row.variant_id,
        productId: row.product_id,
        platformId: row.platform_id,
        platform: platformSlug(row.platform_id),
        field: f.field,
        old: oldValue,
        new: newValue,
        currency,
        changePercent: changePercentText(oldValue, newValue),
        at,
      });
    }
  }
  return events;
}
