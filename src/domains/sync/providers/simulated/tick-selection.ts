import { stream, substream, uniform } from './seeded-random';
import type { SimulationClock } from './simulated-market';

/** The simulator's tick at a time: wall-clock slots of `intervalSeconds`, the same in every process. */
export function tickAt(time: Date | number, intervalSeconds: number): number {
  return Math.floor(+time / (intervalSeconds * 1000));
}

/** Chance a product's market moves in one tick: about every other tick for the hottest, every ~30 for the coldest. */
export function moveRate(popularity: number): number {
  const heat = Math.min(100, Math.max(0, popularity)) / 100;
  return 0.03 + 0.5 * heat ** 2;
}

/**
 * Products whose market moves at this tick (a deterministic draw per product and tick below its {@link moveRate}),
 * most urgent first. Given that a product moves, draw / rate is uniform for hot and cold alike, so urgency divides
 * once more by the rate: a capped batch then mostly keeps the hot products, yet cold ones still get in at times.
 */
export function productsMovingAt<T extends { key: string; popularity: number }>(products: readonly T[], clock: SimulationClock): T[] {
  return products
    .map((product) => {
      const rate = moveRate(product.popularity);
      return { product, rate, draw: uniform(substream(stream(clock.seed, `moves:${product.key}`), clock.tick)) };
    })
    .filter((entry) => entry.draw < entry.rate)
    .map((entry) => ({ product: entry.product, urgency: entry.draw / entry.rate ** 2 }))
    .sort((a, b) => a.urgency - b.urgency || (a.product.key < b.product.key ? -1 : 1))
    .map((entry) => entry.product);
}
