import { HOT_POPULARITY } from './entities/product.entity';
import { MAX_POPULARITY, nextPopularity, POPULARITY_HALF_LIFE_HOURS, popularityDecay, VIEW_POPULARITY_INCREMENT } from './popularity';

describe('popularityDecay', () => {
  it('keeps everything without a gap, halves per half-life, and vanishes after forever', () => {
    expect(popularityDecay(0)).toBe(1);
    expect(popularityDecay(POPULARITY_HALF_LIFE_HOURS)).toBeCloseTo(0.5, 12);
    expect(popularityDecay(2 * POPULARITY_HALF_LIFE_HOURS)).toBeCloseTo(0.25, 12);
    expect(popularityDecay(Infinity)).toBe(0);
  });

  it('treats a negative gap (clock skew between gateways) or NaN as no gap', () => {
    expect(popularityDecay(-5)).toBe(1);
    expect(popularityDecay(Number.NaN)).toBe(1);
  });

  it('only ever decreases as the gap grows', () => {
    let previous = 1;
    for (let hours = 1; hours <= 24 * 60; hours *= 2) {
      const decay = popularityDecay(hours);
      expect(decay).toBeLessThan(previous);
      expect(decay).toBeGreaterThan(0);
      previous = decay;
    }
  });
});

describe('nextPopularity', () => {
  it('adds one increment per view to a never-viewed product without decaying it', () => {
    expect(nextPopularity(0, null)).toBe(VIEW_POPULARITY_INCREMENT);
    expect(nextPopularity(40, null, 2)).toBe(40 + 2 * VIEW_POPULARITY_INCREMENT);
  });

  it('makes a product HOT after ten quick views from zero', () => {
    let popularity = 0;
    for (let i = 0; i < 10; i++) popularity = nextPopularity(popularity, i === 0 ? null : 0.01);
    expect(popularity).toBeGreaterThanOrEqual(HOT_POPULARITY);
    expect(nextPopularity(0, null, 9)).toBeLessThan(HOT_POPULARITY);
  });

  it('decays the old score by the time since the last view before adding the new views', () => {
    // 80 → 40 after one half-life, + 5.
    expect(nextPopularity(80, POPULARITY_HALF_LIFE_HOURS)).toBe(45);
    // A HOT product viewed again after a month falls back to COLD.
    expect(nextPopularity(90, 30 * 24)).toBeLessThan(HOT_POPULARITY);
  });

  it('rounds half up and caps at 100', () => {
    // 7 × 0.5 = 3.5 → 4, + 5.
    expect(nextPopularity(7, POPULARITY_HALF_LIFE_HOURS)).toBe(9);
    expect(nextPopularity(98, 0, 3)).toBe(MAX_POPULARITY);
    expect(nextPopularity(100, null, 50)).toBe(MAX_POPULARITY);
  });

  it('counts no negative views', () => {
    expect(nextPopularity(30, null, -3)).toBe(30);
  });
});
