import { firstAnniversary, holdingTerm, parseLocalDate } from './holding-period';
import { HoldingTerm } from './tax-lot';

describe('holdingTerm (US: more than one year, counted from the day after acquisition)', () => {
  it.each([
    ['2023-03-15', '2023-03-15', HoldingTerm.SHORT], // same day
    ['2023-03-15', '2024-03-14', HoldingTerm.SHORT],
    ['2023-03-15', '2024-03-15', HoldingTerm.SHORT], // exactly one year: not more than one year
    ['2023-03-15', '2024-03-16', HoldingTerm.LONG], // the day after the anniversary
    ['2023-12-31', '2024-12-31', HoldingTerm.SHORT],
    ['2023-12-31', '2025-01-01', HoldingTerm.LONG],
    ['2024-02-29', '2025-02-28', HoldingTerm.SHORT], // leap day: anniversary is Feb 28
    ['2024-02-29', '2025-03-01', HoldingTerm.LONG],
    ['2023-03-01', '2024-02-29', HoldingTerm.SHORT], // a year spanning a leap day is still a year
    ['2023-03-01', '2024-03-02', HoldingTerm.LONG],
    ['2020-06-01', '2025-06-01', HoldingTerm.LONG],
  ])('bought %s, sold %s → %s', (acquired, sold, term) => {
    expect(holdingTerm(acquired, sold)).toBe(term);
  });

  it('finds anniversaries', () => {
    expect(firstAnniversary('2023-03-15')).toBe('2024-03-15');
    expect(firstAnniversary('2024-02-29')).toBe('2025-02-28');
    expect(firstAnniversary('2023-02-28')).toBe('2024-02-28');
  });

  it.each(['2025-02-30', '2025-2-03', '2025-13-01', '03/15/2025', '2025-03-15T00:00:00Z', ''])('rejects %j', (value) => {
    expect(() => parseLocalDate(value)).toThrow(RangeError);
  });
});
