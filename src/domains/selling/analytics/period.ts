import { registerEnumType } from 'type-graphql';

/** A reporting window, in UTC. */
export enum Period {
  LAST_7_DAYS = 'LAST_7_DAYS',
  LAST_30_DAYS = 'LAST_30_DAYS',
  LAST_90_DAYS = 'LAST_90_DAYS',
  LAST_365_DAYS = 'LAST_365_DAYS',
  MONTH_TO_DATE = 'MONTH_TO_DATE',
  PREVIOUS_MONTH = 'PREVIOUS_MONTH',
  YEAR_TO_DATE = 'YEAR_TO_DATE',
  PREVIOUS_YEAR = 'PREVIOUS_YEAR',
  ALL_TIME = 'ALL_TIME',
}

registerEnumType(Period, {
  name: 'Period',
  description: 'A reporting window (UTC): orders placed at or after its start and before its end.',
  valuesConfig: {
    LAST_7_DAYS: { description: 'The 7 × 24 hours up to now.' },
    LAST_30_DAYS: { description: 'The 30 × 24 hours up to now.' },
    LAST_90_DAYS: { description: 'The 90 × 24 hours up to now.' },
    LAST_365_DAYS: { description: 'The 365 × 24 hours up to now.' },
    MONTH_TO_DATE: { description: 'From the first of this month up to now.' },
    PREVIOUS_MONTH: { description: 'The whole previous calendar month.' },
    YEAR_TO_DATE: { description: 'From January 1 of this year up to now.' },
    PREVIOUS_YEAR: { description: 'The whole previous calendar year.' },
    ALL_TIME: { description: 'Every order.' },
  },
});

/** A half-open time range [from, to); `from` is null for ALL_TIME. */
export interface TimeRange {
  from: Date | null;
  to: Date;
}

const DAY_MS = 86_400_000;

/** The range a period covers at `now` (UTC calendar for months and years). */
export function periodRange(period: Period, now: Date): TimeRange {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const trailing = (days: number): TimeRange => ({ from: new Date(now.getTime() - days * DAY_MS), to: now });
  switch (period) {
    case Period.LAST_7_DAYS: return trailing(7);
    case Period.LAST_30_DAYS: return trailing(30);
    case Period.LAST_90_DAYS: return trailing(90);
    case Period.LAST_365_DAYS: return trailing(365);
    case Period.MONTH_TO_DATE: return { from: new Date(Date.UTC(year, month, 1)), to: now };
    case Period.PREVIOUS_MONTH: return { from: new Date(Date.UTC(year, month - 1, 1)), to: new Date(Date.UTC(year, month, 1)) };
    case Period.YEAR_TO_DATE: return { from: new Date(Date.UTC(year, 0, 1)), to: now };
    case Period.PREVIOUS_YEAR: return { from: new Date(Date.UTC(year - 1, 0, 1)), to: new Date(Date.UTC(year, 0, 1)) };
    case Period.ALL_TIME: return { from: null, to: now };
  }
}
