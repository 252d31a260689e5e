import { simulateQuote, simulateSnapshots, type SimulatedPlatform, type SimulatedProduct, type SimulatedVariant } from './simulated-market';

const TICK = 352_000_000;
const SIZES = ['4', '5', '6', '7', '8', '8.5', '9', '9.5', '10', '10.5', '11', '11.5', '12', '13', '14', '15'];
const PLATFORMS: SimulatedPlatform[] = ['stockx', 'alias', 'goat', 'ebay', 'blokpax', 'shootstrayt'].map((slug) => ({ id: `${slug}-id`, slug, currency: 'USD' }));

function sneaker(key: string, popularity: number, retailPrice: string | null = '180.00'): SimulatedProduct {
  return { key, category: 'SNEAKERS', popularity, retailPrice };
}

function sizesOf(product: SimulatedProduct, sizes = SIZES): SimulatedVariant[] {
  return sizes.map((size) => ({ variantId: `${product.key}/${size}`, sizeKey: size, numericSize: Number(size), sizeSystem: 'US_M', product }));
}

const catalog: SimulatedVariant[] = [
  ...Array.from({ length: 12 }, (_, i) => sizesOf(sneaker(`SNKR${i}`, i * 9, i % 4 === 0 ? null : `${110 + i * 10}.00`))).flat(),
  ...['Raw', 'PSA 9', 'PSA 10', '1st Edition Holo'].map((grade) => ({
    variantId: `CARD/${grade}`,
    sizeKey: grade,
    numericSize: null,
    sizeSystem: 'NONE',
    product: { key: 'PKM-BS-004', category: 'TRADING_CARD' as const, popularity: 70, retailPrice: null },
  })),
];

/** Snapshots of the catalog over `ticks` consecutive ticks. */
function history(ticks: number, variants = catalog, seed = 42) {
  return Array.from({ length: ticks }, (_, i) => simulateSnapshots(variants, PLATFORMS, { seed, tick: TICK + i, capturedAt: new Date(0) })).flat();
}

/** Fifty ticks of the whole catalog, shared by the specs that check every row. */
const fiftyTicks = history(50);

const num = (value: string) => Number(value);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const std = (values: number[]) => Math.sqrt(mean(values.map((v) => (v - mean(values)) ** 2)));

describe('simulateSnapshots', () => {
  it('is deterministic: the same seed and tick give the same rows, whatever else is in the batch', () => {
    const clock = { seed: 42, tick: TICK, capturedAt: new Date('2026-11-21T12:00:00Z') };
    const once = simulateSnapshots(catalog, PLATFORMS, clock);
    const again = simulateSnapshots([...catalog].reverse(), [...PLATFORMS].reverse(), clock);
    const byKey = (rows: typeof once) => new Map(rows.map((r) => [`${r.variantId}@${r.platformId}`, r]));
    expect(byKey(again)).toEqual(byKey(once));
    expect(simulateSnapshots(catalog.slice(0, 3), PLATFORMS, clock)).toEqual(once.filter((r) => catalog.slice(0, 3).some((v) => v.variantId === r.variantId)));
  });

  it('differs by seed and moves with the tick', () => {
    const at = (seed: number, tick: number) => simulateSnapshots(catalog, PLATFORMS, { seed, tick, capturedAt: new Date(0) }).map((r) => r.lowestAsk);
    const base = at(42, TICK);
    const otherSeed = at(7, TICK);
    const nextTick = at(42, TICK + 1);
    expect(otherSeed.filter((ask, i) => ask !== base[i]).length).toBeGreaterThan(base.length * 0.9);
    expect(nextTick.filter((ask, i) => ask !== base[i]).length).toBeGreaterThan(base.length * 0.5);
  });

  it('marks rows SIMULATED with the platform currency and the given capture time', () => {
    const capturedAt = new Date('2026-11-21T12:00:05Z');
    for (const row of simulateSnapshots(catalog.slice(0, 2), PLATFORMS, { seed: 42, tick: TICK, capturedAt })) {
      expect(row).toMatchObject({ source: 'SIMULATED', currency: 'USD', capturedAt });
    }
  });

  it('quotes positive cent amounts, whole sales counts with 7 days ≤ 30 days, and volatility in 0–1', () => {
    const invalid = fiftyTicks.filter(
      (row) =>
        ![row.lowestAsk, row.highestBid, row.lastSale].every((amount) => /^\d+\.\d{2}$/.test(amount) && num(amount) > 0) ||
        !(Number.isInteger(row.sales7d) && Number.isInteger(row.sales30d) && row.sales7d >= 0 && row.sales7d <= row.sales30d) ||
        !(/^[01]\.\d{4}$/.test(row.volatility) && num(row.volatility) <= 1),
    );
    expect(fiftyTicks.length).toBeGreaterThan(10_000);
    expect(invalid).toEqual([]);
  });

  it('never crosses the book: every highest bid is below its lowest ask', () => {
    expect(fiftyTicks.filter((r) => num(r.highestBid) >= num(r.lowestAsk))).toEqual([]);
  });

  it('keeps StockX and Alias asks 5–15 % above bids (within one dollar of rounding)', () => {
    const rows = fiftyTicks.filter((r) => r.platformId === 'stockx-id' || r.platformId === 'alias-id');
    expect(rows.length).toBeGreaterThan(1000);
    const outside = rows.filter((r) => {
      const [ask, bid] = [num(r.lowestAsk), num(r.highestBid)];
      return ask - bid < 0.05 * bid - 1.05 || ask - bid > 0.15 * bid + 1.05;
    });
    expect(outside).toEqual([]);
  });

  it('quotes whole dollars on StockX, Alias and GOAT and cents on eBay', () => {
    const bidAsk = fiftyTicks.filter((row) => ['stockx-id', 'alias-id', 'goat-id'].includes(row.platformId));
    expect(bidAsk.filter((r) => ![r.lowestAsk, r.highestBid, r.lastSale].every((amount) => amount.endsWith('.00')))).toEqual([]);
    expect(fiftyTicks.filter((r) => r.platformId === 'ebay-id').some((r) => !r.lowestAsk.endsWith('.00'))).toBe(true);
  });

  it('makes eBay last sales noisier than StockX (and sometimes outside the book)', () => {
    const rows = fiftyTicks;
    const dispersion = (platformId: string) =>
      std(rows.filter((r) => r.platformId === platformId).map((r) => Math.log(num(r.lastSale) / ((num(r.lowestAsk) + num(r.highestBid)) / 2))));
    expect(dispersion('ebay-id')).toBeGreaterThan(1.5 * dispersion('stockx-id'));
    const ebay = rows.filter((r) => r.platformId === 'ebay-id');
    expect(ebay.some((r) => num(r.lastSale) > num(r.lowestAsk) || num(r.lastSale) < num(r.highestBid))).toBe(true);
  });

  it('prices the smallest and largest sneaker sizes above the mid sizes', () => {
    const rows = fiftyTicks.filter((r) => r.platformId === 'stockx-id');
    const askOf = (size: string) => mean(rows.filter((r) => r.variantId.endsWith(`/${size}`)).map((r) => num(r.lowestAsk)));
    expect(askOf('4')).toBeGreaterThan(askOf('10') * 1.1);
    expect(askOf('15')).toBeGreaterThan(askOf('10') * 1.1);
    expect(askOf('9.5') / askOf('10')).toBeCloseTo(1, 1);
  });

  it('prices card grades and treatments above raw cards, only on card venues', () => {
    const cards = catalog.filter((v) => v.product.category === 'TRADING_CARD');
    const rows = history(20, cards);
    const askOf = (grade: string) => mean(rows.filter((r) => r.variantId === `CARD/${grade}` && r.platformId === 'ebay-id').map((r) => num(r.lowestAsk)));
    expect(askOf('PSA 10')).toBeGreaterThan(askOf('PSA 9'));
    expect(askOf('PSA 9')).toBeGreaterThan(askOf('Raw'));
    expect(askOf('1st Edition Holo')).toBeGreaterThan(askOf('Raw'));
    expect(new Set(rows.map((r) => r.platformId))).toEqual(new Set(['ebay-id', 'blokpax-id', 'shootstrayt-id']));
    expect(new Set(history(1, catalog.slice(0, 1)).map((r) => r.platformId))).toEqual(new Set(['stockx-id', 'alias-id', 'goat-id', 'ebay-id']));
  });

  it('makes hot products pricier, more volatile and more traded than cold ones', () => {
    const quote = (popularity: number) => simulateQuote(sizesOf(sneaker(`P${popularity}`, popularity))[8], 'stockx', { seed: 42, tick: TICK })!;
    const hot = quote(95);
    const cold = quote(5);
    expect(num(hot.volatility)).toBeGreaterThan(num(cold.volatility));
    expect(hot.sales30d).toBeGreaterThan(cold.sales30d);
    expect(num(hot.lowestAsk)).toBeGreaterThan(num(cold.lowestAsk));
  });

  it('moves prices like a random walk: small steps, no runaway over long spans', () => {
    const variant = sizesOf(sneaker('WALK', 80))[8];
    const asks = Array.from({ length: 400 }, (_, i) => num(simulateQuote(variant, 'stockx', { seed: 42, tick: TICK + i * 997 })!.lowestAsk));
    const steps = Array.from({ length: 200 }, (_, i) => {
      const [a, b] = [TICK + i, TICK + i + 1].map((tick) => num(simulateQuote(variant, 'stockx', { seed: 42, tick })!.lowestAsk));
      return Math.abs(b / a - 1);
    });
    expect(Math.max(...steps)).toBeLessThan(0.1);
    expect(Math.max(...asks) / Math.min(...asks)).toBeLessThan(1.6);
  });
});
