import { HoldingTerm, type LocalDate } from './tax-lot';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Parses a strict "YYYY-MM-DD" calendar date; throws a RangeError for anything else (2025-02-30, 2025-2-3). */
export function parseLocalDate(value: LocalDate): { year: number; month: number; day: number } {
  const match = LOCAL_DATE.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  }
  return { year, month, day };
}

/**
 * The first anniversary of an acquisition: same month and day a year later, February 29 becoming
 * February 28. Selling on it is still short term; selling after it is long term.
 */
export function firstAnniversary(acquiredOn: LocalDate): LocalDate {
  const { year, month, day } = parseLocalDate(acquiredOn);
  return `${pad(year + 1, 4)}-${pad(month, 2)}-${pad(Math.min(day, daysInMonth(year + 1, month)), 2)}`;
}

/**
 * US rule: the holding period starts the day after acquisition and includes the day of sale; held
 * more than one year is long term. Bought 2023-03-15: sold 2024-03-15 is short, 2024-03-16 long.
 */
export function holdingTerm(acquiredOn: LocalDate, soldOn: LocalDate): HoldingTerm {
  parseLocalDate(soldOn);
  // ISO dates compare correctly as strings.
  return soldOn > firstAnniversary(acquiredOn) ? HoldingTerm.LONG : HoldingTerm.SHORT;
}
