import type { Context } from '../../../common/context';

const clocks = new WeakMap<Context, Date>();

/**
 * One "now" per operation: staleness and default history ranges must agree across the fields of a query,
 * and equal ranges are what lets the history loader batch every variant into one statement.
 */
export function operationNow(ctx: Context): Date {
  let now = clocks.get(ctx);
  if (!now) {
    now = ctx.clock.now();
    clocks.set(ctx, now);
  }
  return now;
}
