import { moveRate, productsMovingAt, tickAt } from './tick-selection';

const products = Array.from({ length: 40 }, (_, i) => ({ key: `SKU${i}`, popularity: (i * 5) % 101 }));

describe('tickAt', () => {
  it('numbers wall-clock slots of the interval, identically in every process', () => {
    expect(tickAt(new Date('2026-11-21T12:00:00.000Z'), 5)).toBe(tickAt(new Date('2026-11-21T12:00:04.999Z'), 5));
    expect(tickAt(new Date('2026-11-21T12:00:05.000Z'), 5)).toBe(tickAt(new Date('2026-11-21T12:00:00.000Z'), 5) + 1);
    expect(tickAt(Date.UTC(2026, 10, 21, 12), 60)).toBe(Date.UTC(2026, 10, 21, 12) / 60_000);
  });
});

describe('productsMovingAt', () => {
  it('is deterministic in seed and tick', () => {
    const clock = { seed: 42, tick: 1_000 };
    expect(productsMovingAt(products, clock)).toEqual(productsMovingAt([...products].reverse(), clock));
    const ticks = Array.from({ length: 50 }, (_, tick) => productsMovingAt(products, { seed: 42, tick }).map((p) => p.key).join());
    const otherSeed = Array.from({ length: 50 }, (_, tick) => productsMovingAt(products, { seed: 43, tick }).map((p) => p.key).join());
    expect(otherSeed).not.toEqual(ticks);
  });

  it('moves hot products far more often than cold ones, at about their move rate', () => {
    const hot = { key: 'HOT', popularity: 95 };
    const cold = { key: 'COLD', popularity: 5 };
    const counts = { HOT: 0, COLD: 0 };
    for (let tick = 0; tick < 4_000; tick++) for (const p of productsMovingAt([hot, cold], { seed: 42, tick })) counts[p.key as 'HOT' | 'COLD']++;
    expect(counts.HOT).toBeGreaterThan(8 * counts.COLD);
    expect(counts.HOT / 4_000).toBeCloseTo(moveRate(95), 1);
    expect(counts.COLD / 4_000).toBeCloseTo(moveRate(5), 1);
  });

  it('orders the moving products by urgency so a capped batch favours hot ones', () => {
    let hotFirst = 0;
    let both = 0;
    for (let tick = 0; tick < 4_000; tick++) {
      const moving = productsMovingAt([{ key: 'COLD', popularity: 10 }, { key: 'HOT', popularity: 90 }], { seed: 42, tick });
      if (moving.length === 2) {
        both++;
        if (moving[0].key === 'HOT') hotFirst++;
      }
    }
    expect(both).toBeGreaterThan(0);
    expect(hotFirst / both).toBeGreaterThan(0.7);
  });
});
