import { normalizeSku, numericSizeOf } from './sku';

describe('normalizeSku', () => {
  it.each([
    ['HQ7978 100', 'HQ7978100'],
    ['hq7978-100', 'HQ7978100'],
    ['HQ7978100', 'HQ7978100'],
    ['  dz5485–612 ', 'DZ5485612'],
    ['B75806', 'B75806'],
    ['PKM-BS-004', 'PKMBS004'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSku(input)).toBe(expected);
  });

  it('turns punctuation-only input into an empty string', () => {
    expect(normalizeSku(' - / ')).toBe('');
  });
});

describe('numericSizeOf', () => {
  it.each([
    ['10.5', 10.5],
    ['4', 4],
    ['5Y', 5],
    ['7.5W', 7.5],
    ['Holo', null],
    ['PSA 10', null],
  ])('%s → %s', (input, expected) => {
    expect(numericSizeOf(input)).toBe(expected);
  });
});
