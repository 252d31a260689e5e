import type { SimulatedCategory } from './platform-profiles';

/** What the premium of a variant depends on. */
export interface VariantShape {
  category: SimulatedCategory;
  sizeKey: string;
  numericSize: number | null;
  sizeSystem: string;
}

/** The most liquid (cheapest) band of a size run: [low, high]. */
function coreSizes(variant: VariantShape): readonly [number, number] {
  if (/[YC]$/i.test(variant.sizeKey.trim())) return [4.5, 6];
  if (variant.sizeSystem === 'US_W') return [7, 9];
  return [8.5, 11];
}

/**
 * Sneakers: mid sizes are the most produced and traded, so the smallest and largest sizes ask more — about
 * +3 % one size outside the core band, +18 % at size 15 and +24 % at size 4 (the small end climbs faster).
 */
function sizePremium(variant: VariantShape): number {
  if (variant.numericSize === null) return 1;
  const [low, high] = coreSizes(variant);
  const below = Math.max(0, low - variant.numericSize);
  const above = Math.max(0, variant.numericSize - high);
  return 1 + 0.032 * below ** 1.35 + 0.028 * above ** 1.35;
}

/** Card treatments and grades, matched in order; the first grade match and every treatment match multiply. */
const GRADES: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(PSA|CGC|BGS|SGC)\s*10\b/i, 4.0],
  [/\bBGS\s*9\.5\b/i, 3.0],
  [/\b(PSA|CGC|BGS|SGC)\s*9(\.0)?\b/i, 1.8],
  [/\b(PSA|CGC|BGS|SGC)\s*8(\.5)?\b/i, 1.3],
  [/\b(PSA|CGC|BGS|SGC)\s*7(\.5)?\b/i, 1.1],
  [/\b(PSA|CGC|BGS|SGC)\s*[1-6](\.5)?\b/i, 0.75],
];
const TREATMENTS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b1st\s+Edition\b/i, 3.0],
  [/\bShadowless\b/i, 1.8],
  [/\b(Refractor|Silver\s+Prizm)\b/i, 2.2],
  [/\bReverse\s+Holo\b/i, 1.2],
  [/^(?!.*\bNon-Foil\b).*\bFoil\b/i, 1.5],
];

function cardPremium(sizeKey: string): number {
  const grade = GRADES.find(([pattern]) => pattern.test(sizeKey))?.[1] ?? 1;
  return TREATMENTS.reduce((premium, [pattern, factor]) => (pattern.test(sizeKey) ? premium * factor : premium), grade);
}

/** Price of a variant relative to its product's base market (1 = the cheapest, most liquid variant kind). */
export function variantPremium(variant: VariantShape): number {
  if (variant.category === 'TRADING_CARD') return cardPremium(variant.sizeKey);
  if (variant.category === 'SNEAKERS') return sizePremium(variant);
  return 1;
}

/** Relative trading volume of a variant: premium sizes and high grades are scarcer and trade less. */
export function variantLiquidity(variant: VariantShape): number {
  return 1 / variantPremium(variant) ** (variant.category === 'TRADING_CARD' ? 0.5 : 3);
}
