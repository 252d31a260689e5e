/**
 * Stateless, seeded randomness: every draw is a hash of (seed, names, integers), so any tick of any variant
 * can be computed on its own, in any process, in any order, and always gives the same number.
 */

/** A 32-bit hash that identifies one random stream. */
export type Stream = number;

const TWO_32 = 4_294_967_296;
// Module-level bindings: global lookups are slow inside vm contexts (Jest), and this is the innermost loop.
const { imul, sqrt, log, cos, floor, PI } = Math;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The stream of a seed and a name, e.g. `stream(42, 'walk:DZ5485612:10.5')`. */
export function stream(seed: number, name: string): Stream {
  let h = (0x811c9dc5 ^ fmix32(seed >>> 0)) >>> 0;
  for (let i = 0; i < name.length; i++) h = imul(h ^ name.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** A sub-stream for an integer (a tick, a level, a lattice index); integers beyond 32 bits are folded in whole. */
export function substream(s: Stream, n: number): Stream {
  const lo = n >>> 0;
  const hi = floor(n / TWO_32) >>> 0;
  const h = fmix32((s ^ imul(lo, 0x9e3779b1)) >>> 0);
  return fmix32((h ^ imul(hi + 0x7f4a7c15, 0x85ebca77)) >>> 0);
}

/** Uniform in [0, 1). */
export function uniform(s: Stream): number {
  return fmix32((s ^ 0x68e31da4) >>> 0) / TWO_32;
}

/** Standard normal (Box–Muller over two independent uniforms of the stream). */
export function gaussian(s: Stream): number {
  const u1 = (fmix32((s ^ 0x1b56c4e9) >>> 0) + 0.5) / TWO_32;
  const u2 = fmix32((s ^ 0x5bd1e995) >>> 0) / TWO_32;
  return sqrt(-2 * log(u1)) * cos(2 * PI * u2);
}
