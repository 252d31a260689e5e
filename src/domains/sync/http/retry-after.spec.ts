import { parseRetryAfter } from './retry-after';

const now = Date.parse('2025-08-01T12:00:00.000Z');

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['2', 2000],
    [' 120 ', 120_000],
    ['1.5', 1500],
  ])('delta seconds %p → %p ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  it('reads an HTTP date relative to the injected clock', () => {
    expect(parseRetryAfter('Fri, 01 Aug 2025 12:00:30 GMT', now)).toBe(30_000);
  });

  it('never goes negative for a date in the past', () => {
    expect(parseRetryAfter('Fri, 01 Aug 2025 11:00:00 GMT', now)).toBe(0);
  });

  it.each([undefined, null, '', 'soon', '-5'])('is undefined for %p', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
