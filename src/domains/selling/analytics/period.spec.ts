import { Period, periodRange } from './period';

const now = new Date('2026-03-15T10:30:00Z');
const iso = (d: Date | null) => d?.toISOString() ?? null;

it.each([
  [Period.LAST_7_DAYS, '2026-03-08T10:30:00.000Z', '2026-03-15T10:30:00.000Z'],
  [Period.LAST_30_DAYS, '2026-02-13T10:30:00.000Z', '2026-03-15T10:30:00.000Z'],
  [Period.MONTH_TO_DATE, '2026-03-01T00:00:00.000Z', '2026-03-15T10:30:00.000Z'],
  [Period.PREVIOUS_MONTH, '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
  [Period.YEAR_TO_DATE, '2026-01-01T00:00:00.000Z', '2026-03-15T10:30:00.000Z'],
  [Period.PREVIOUS_YEAR, '2025-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
  [Period.ALL_TIME, null, '2026-03-15T10:30:00.000Z'],
])('%s covers [%s, %s)', (period, from, to) => {
  const range = periodRange(period, now);
  expect([iso(range.from), iso(range.to)]).toEqual([from, to]);
});

it('PREVIOUS_MONTH in January is December of the year before', () => {
  const range = periodRange(Period.PREVIOUS_MONTH, new Date('2026-01-05T00:00:00Z'));
  expect([iso(range.from), iso(range.to)]).toEqual(['2025-12-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
});
