import Decimal from 'decimal.js';
import { Dec } from '../../../../common/money';
import { profileFor, type PlatformProfile, type SimulatedCategory } from './platform-profiles';
import { slowNoise, walk, WALK_LONG_RUN_STD } from './price-walk';
import { gaussian, stream, substream, uniform, type Stream } from './seeded-random';
import { variantLiquidity, variantPremium, type VariantShape } from './variant-premium';

/** A catalog product as the simulator sees it. */
export interface SimulatedProduct {
  /** Stable identity across installs (the normalized SKU), so the same seed prices the same product alike everywhere. */
  key: string;
  category: SimulatedCategory;
  /** 0–100; hot products are pricier, more volatile, more liquid and tighter. */
  popularity: number;
  /** Retail price as a decimal string, when known. */
  retailPrice: string | null;
}

/** A variant (size, grade) of a simulated product. */
export interface SimulatedVariant {
  variantId: string;
  sizeKey: string;
  numericSize: number | null;
  sizeSystem: string;
  product: SimulatedProduct;
}

/** A platform to price on. */
export interface SimulatedPlatform {
  id: string;
  slug: string;
  currency: string;
}

/** The simulated market of one variant on one platform at one tick; amounts are decimal strings in cents. */
export interface SimulatedQuote {
  lowestAsk: string;
  highestBid: string;
  lastSale: string;
  sales7d: number;
  sales30d: number;
  /** 0–1: long-run relative standard deviation of the price. */
  volatility: string;
}

/** A snapshot row ready for market ingest (structurally a market `SnapshotRow`). */
export interface SimulatedSnapshot extends SimulatedQuote {
  variantId: string;
  platformId: string;
  currency: string;
  capturedAt: Date;
  source: 'SIMULATED';
}

/** Which simulated moment: same seed + same tick → same prices. */
export interface SimulationClock {
  seed: number;
  tick: number;
}

/** Memoizes a function of the tick: the shared drift is reused by every size and venue priced at that tick. */
function memoByTick(fn: (tick: number) => number): (tick: number) => number {
  const cache = new Map<number, number>();
  return (tick) => {
    let value = cache.get(tick);
    if (value === undefined) cache.set(tick, (value = fn(tick)));
    return value;
  };
}

/** A product's market: how expensive, how hot, how volatile, and its drift shared by every size and venue. */
class ProductModel {
  readonly heat: number;
  /** Base market price of the cheapest kind of variant, in currency units. */
  readonly anchor: number;
  /** Log-price standard deviation of one tick. */
  readonly sigma: number;
  readonly drift: (tick: number) => number;

  // The model is floating point; amounts become exact decimals once, when a quote is rounded.
  constructor(seed: number, product: SimulatedProduct) {
    const s = stream(seed, `product:${product.key}`);
    this.heat = Math.min(100, Math.max(0, product.popularity)) / 100;
    const retail = product.retailPrice === null ? null : Number(product.retailPrice);
    const hype = Math.exp(0.1 * Math.max(-2, Math.min(2, gaussian(substream(s, 2)))));
    this.anchor =
      product.category === 'TRADING_CARD'
        ? (retail ?? 8 * 50 ** uniform(substream(s, 1))) * (1 + 3 * this.heat ** 2)
        : (retail ?? 150) * (0.85 + 0.9 * this.heat ** 2) * hype;
    this.sigma = (0.0008 + 0.0032 * this.heat) * (0.75 + 0.5 * uniform(substream(s, 3)));
    const drift = stream(seed, `drift:${product.key}`);
    this.drift = memoByTick((tick) => walk(drift, tick));
  }
}

/** A variant's market across venues: its size or grade premium and its own drift on top of the product's. */
class VariantModel {
  readonly key: string;
  readonly base: number;
  readonly liquidity: number;
  readonly drift: (tick: number) => number;

  constructor(
    readonly seed: number,
    readonly product: ProductModel,
    variant: SimulatedVariant,
  ) {
    this.key = `${variant.product.key}:${variant.sizeKey}`;
    const shape: VariantShape = { category: variant.product.category, sizeKey: variant.sizeKey, numericSize: variant.numericSize, sizeSystem: variant.sizeSystem };
    this.base = product.anchor * variantPremium(shape) * Math.exp(0.03 * gaussian(stream(seed, `size:${this.key}`)));
    this.liquidity = variantLiquidity(shape);
    const own = stream(seed, `drift:${this.key}`);
    this.drift = memoByTick((tick) => 0.75 * product.drift(tick) + 0.5 * walk(own, tick));
  }
}

/** Rounds half-even to the venue's price unit (whole dollars or cents), never below one unit. */
function quantize(value: number, profile: PlatformProfile): Decimal {
  const unit = profile.wholeDollars ? 1 : 0.01;
  return Decimal.max(new Dec(value).toDecimalPlaces(profile.wholeDollars ? 0 : 2, Decimal.ROUND_HALF_EVEN), unit);
}

/** Prices one variant on one venue, stateless in time (any tick, in any order). */
class VenueModel {
  private readonly base: number;
  private readonly liquidity: number;
  private readonly streams: Record<'drift' | 'spread' | 'sale' | 'salePrice' | 'sales30' | 'sales7', Stream>;

  constructor(
    private readonly variant: VariantModel,
    slug: string,
    private readonly profile: PlatformProfile,
  ) {
    this.base = variant.base * profile.level;
    this.liquidity = profile.salesShare * variant.liquidity;
    const named = (name: string) => stream(variant.seed, `${name}:${variant.key}:${slug}`);
    this.streams = { drift: named('drift'), spread: named('spread'), sale: named('sale'), salePrice: named('sale-price'), sales30: named('sales30'), sales7: named('sales7') };
  }

  mid(tick: number): number {
    const { sigma } = this.variant.product;
    return this.base * Math.exp(sigma * (this.variant.drift(tick) + this.profile.ownDrift * walk(this.streams.drift, tick)));
  }

  book(tick: number): { ask: number; bid: number } {
    const [min, max] = this.profile.spread;
    const heat = this.variant.product.heat;
    const spread = min + (max - min) * (0.4 * (1 - heat) + 0.6 * uniform(substream(this.streams.spread, tick)));
    const mid = this.mid(tick);
    return { ask: mid * Math.sqrt(1 + spread), bid: mid / Math.sqrt(1 + spread) };
  }

  /** Ticks between sales: hot sizes on big venues trade every couple of ticks, cold ones every few minutes. */
  salePeriod(): number {
    const heat = this.variant.product.heat;
    return Math.min(240, Math.max(2, Math.round(2 + (30 * (1 - heat) ** 2) / this.liquidity)));
  }

  /** One sale per period at a random offset, so the last sale before a tick is found without any history. */
  lastSaleTick(tick: number): number {
    const period = this.salePeriod();
    const block = Math.floor(tick / period);
    const at = (b: number) => b * period + Math.floor(uniform(substream(this.streams.sale, b)) * period);
    return at(block) <= tick ? at(block) : at(block - 1);
  }

  salePrice(tick: number): number {
    const draw = substream(this.streams.salePrice, tick);
    if (this.profile.saleNoise === 0) {
      const { ask, bid } = this.book(tick);
      return bid + (ask - bid) * uniform(draw);
    }
    return this.mid(tick) * Math.exp(this.profile.saleNoise * gaussian(draw));
  }

  sales(tick: number): { sales7d: number; sales30d: number } {
    const heat = this.variant.product.heat;
    const monthly = (3 + 150 * heat ** 2) * this.liquidity * Math.exp(0.25 * slowNoise(this.streams.sales30, tick, 4096));
    const sales30d = Math.round(monthly);
    const sales7d = Math.min(sales30d, Math.round(((monthly * 7) / 30) * Math.exp(0.3 * slowNoise(this.streams.sales7, tick, 1024))));
    return { sales7d, sales30d };
  }

  quote(tick: number): SimulatedQuote {
    const { ask, bid } = this.book(tick);
    const unit = this.profile.wholeDollars ? 1 : 0.01;
    const lowestAsk = Decimal.max(quantize(ask, this.profile), 2 * unit);
    const highestBid = Decimal.min(quantize(bid, this.profile), lowestAsk.minus(unit));
    const volatility = Math.min(1, Math.hypot(this.variant.product.sigma * WALK_LONG_RUN_STD, this.profile.saleNoise));
    return {
      lowestAsk: lowestAsk.toFixed(2),
      highestBid: highestBid.toFixed(2),
      lastSale: quantize(this.salePrice(this.lastSaleTick(tick)), this.profile).toFixed(2),
      ...this.sales(tick),
      volatility: new Dec(volatility).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN).toFixed(4),
    };
  }
}

/** The quote of one variant on one platform, or null when the platform does not trade the product's category. */
export function simulateQuote(variant: SimulatedVariant, platformSlug: string, clock: SimulationClock): SimulatedQuote | null {
  const profile = profileFor(platformSlug, variant.product.category);
  if (!profile) return null;
  const product = new ProductModel(clock.seed, variant.product);
  return new VenueModel(new VariantModel(clock.seed, product, variant), platformSlug, profile).quote(clock.tick);
}

/** Snapshots of every variant on every platform that trades it, all captured at `capturedAt` and marked SIMULATED. */
export function simulateSnapshots(
  variants: readonly SimulatedVariant[],
  platforms: readonly SimulatedPlatform[],
  clock: SimulationClock & { capturedAt: Date },
): SimulatedSnapshot[] {
  const products = new Map<string, ProductModel>();
  const rows: SimulatedSnapshot[] = [];
  for (const variant of variants) {
    let product = products.get(variant.product.key);
    if (!product) products.set(variant.product.key, (product = new ProductModel(clock.seed, variant.product)));
    const model = new VariantModel(clock.seed, product, variant);
    for (const platform of platforms) {
      const profile = profileFor(platform.slug, variant.product.category);
      if (!profile) continue;
      const quote = new VenueModel(model, platform.slug, profile).quote(clock.tick);
      rows.push({ variantId: variant.variantId, platformId: platform.id, currency: platform.currency, capturedAt: clock.capturedAt, source: 'SIMULATED', ...quote });
    }
  }
  return rows;
}
