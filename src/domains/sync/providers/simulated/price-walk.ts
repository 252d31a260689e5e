import { gaussian, substream, type Stream } from './seeded-random';

/** Dyadic lattices of 1, 2, 4, … 2^20 ticks (2^20 ticks ≈ 60 days at one tick per 5 s). */
const LEVELS = 21;
/** Up to a lattice of 2^(WALK_LEVELS-1) ticks amplitudes grow like a random walk's (√L); beyond they stay flat. */
const WALK_LEVELS = 7;

const { floor } = Math;
const AMPLITUDES = Array.from({ length: LEVELS }, (_, k) => Math.sqrt(2 ** Math.min(k, WALK_LEVELS - 1)) / 2);

/**
 * Long-run standard deviation of {@link walk} in its own units (about 13 per-tick steps): the lattice variances
 * summed, times 2/3 because linear interpolation between two independent points averages (1−f)² + f² over a cell.
 */
export const WALK_LONG_RUN_STD = Math.sqrt((2 / 3) * AMPLITUDES.reduce((sum, a) => sum + a * a, 0));

/**
 * A random walk that can be evaluated at any tick without its history: the sum of piecewise-linear noise on
 * dyadic lattices. Over up to ~64 ticks it moves like a random walk with unit steps; over longer spans the flat
 * amplitudes of the coarse lattices keep it around zero (prices drift, then revert), never wandering off.
 */
export function walk(s: Stream, tick: number): number {
  let sum = 0;
  for (let k = 0; k < LEVELS; k++) {
    const span = 2 ** k;
    const level = substream(s, k);
    const cell = floor(tick / span);
    const fraction = (tick - cell * span) / span;
    const from = gaussian(substream(level, cell));
    const to = gaussian(substream(level, cell + 1));
    sum += AMPLITUDES[k] * (from + (to - from) * fraction);
  }
  return sum;
}

/** Slowly varying noise (one lattice of `span` ticks, linearly interpolated), standard normal at lattice points. */
export function slowNoise(s: Stream, tick: number, span: number): number {
  const cell = floor(tick / span);
  const fraction = (tick - cell * span) / span;
  const from = gaussian(substream(s, cell));
  const to = gaussian(substream(s, cell + 1));
  return from + (to - from) * fraction;
}
