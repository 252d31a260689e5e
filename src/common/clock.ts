/**
 * The one source of "now" for everything the gateway computes from time: freshness, cache lifetimes, leases,
 * holding periods and schedules. Production uses the system clock; tests pass a clock they move themselves,
 * so nothing depends on how fast the machine happens to run.
 */
export interface Clock {
  now(): Date;
}

/** Wall-clock time. */
export const systemClock: Clock = { now: () => new Date() };
