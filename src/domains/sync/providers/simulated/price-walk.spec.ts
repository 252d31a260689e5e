import { walk, WALK_LONG_RUN_STD } from './price-walk';
import { gaussian, stream, uniform } from './seeded-random';

const std = (values: number[]) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
};

describe('seeded random streams', () => {
  it('are pure functions of seed and name', () => {
    expect(stream(42, 'a')).toBe(stream(42, 'a'));
    expect(stream(42, 'a')).not.toBe(stream(43, 'a'));
    expect(stream(42, 'a')).not.toBe(stream(42, 'b'));
  });

  it('give uniform draws in [0, 1) and standard normal draws', () => {
    const uniforms = Array.from({ length: 5_000 }, (_, i) => uniform(stream(1, `u${i}`)));
    expect(Math.min(...uniforms)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...uniforms)).toBeLessThan(1);
    expect(std(uniforms)).toBeCloseTo(Math.sqrt(1 / 12), 1);
    expect(std(Array.from({ length: 5_000 }, (_, i) => gaussian(stream(1, `g${i}`))))).toBeCloseTo(1, 1);
  });
});

describe('walk', () => {
  const walks = Array.from({ length: 100 }, (_, i) => stream(42, `walk${i}`));

  it('takes unit steps from one tick to the next', () => {
    const steps = walks.flatMap((s) => Array.from({ length: 100 }, (_, t) => walk(s, 5_000_000 + t + 1) - walk(s, 5_000_000 + t)));
    expect(std(steps)).toBeGreaterThan(0.85);
    expect(std(steps)).toBeLessThan(1.15);
  });

  it('stays within its long-run spread instead of drifting away', () => {
    const far = walks.flatMap((s) => Array.from({ length: 40 }, (_, i) => walk(s, i * 1_000_003)));
    expect(std(far)).toBeGreaterThan(0.8 * WALK_LONG_RUN_STD);
    expect(std(far)).toBeLessThan(1.2 * WALK_LONG_RUN_STD);
  });
});
