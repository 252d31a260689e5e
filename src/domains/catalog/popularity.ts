/** Highest popularity score. */
export const MAX_POPULARITY = 100;
/** Points one view adds: ten views in quick succession take a product from 0 to HOT (50). */
export const VIEW_POPULARITY_INCREMENT = 5;
/** Popularity halves for every week between views, so yesterday's hype cools back to the daily sync. */
export const POPULARITY_HALF_LIFE_HOURS = 7 * 24;

/** Share of a popularity score left after `hours` without a view; 1 when there is no gap (or a negative one, from clock skew). */
export function popularityDecay(hours: number): number {
  if (!(hours > 0)) return 1;
  return 0.5 ** (hours / POPULARITY_HALF_LIFE_HOURS);
}

/**
 * Popularity after `views` new views arriving `hoursSinceLastView` after the previous one (null: never viewed, so
 * nothing decays): min(100, round(popularity × decay(hours) + views × increment)). The view flush computes exactly
 * this in SQL, with these constants as parameters.
 */
export function nextPopularity(popularity: number, hoursSinceLastView: number | null, views = 1): number {
  const decayed = popularity * popularityDecay(hoursSinceLastView ?? 0);
  return Math.min(MAX_POPULARITY, Math.round(decayed + Math.max(0, views) * VIEW_POPULARITY_INCREMENT));
}
