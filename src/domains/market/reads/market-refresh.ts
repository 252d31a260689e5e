import type { Context } from '../../../common/context';

/** Enqueues a market sync for variants whose prices are stale or missing (registered by the sync domain). */
export type MarketRefreshTrigger = (ctx: Context, request: { variantIds: string[] }) => void | Promise<void>;

let trigger: MarketRefreshTrigger | undefined;
const pending = new WeakMap<Context, Set<string>>();

/**
 * Plugs the sync engine into stale reads (stale-while-revalidate): the market domain cannot import sync,
 * which depends on it, so sync registers itself here at start-up.
 */
export function setMarketRefreshTrigger(fn: MarketRefreshTrigger | undefined): void {
  trigger = fn;
}

/**
 * Collects the stale variants of one operation and hands them to the trigger once, after the current resolvers ran.
 * Returns false when no sync engine is plugged in (nothing will refresh them, so waiting would be pointless).
 */
export function requestMarketRefresh(ctx: Context, variantIds: string[]): boolean {
  if (!trigger) return false;
  if (!variantIds.length) return true;
  let set = pending.get(ctx);
  if (!set) {
    const collected = (set = new Set());
    pending.set(ctx, collected);
    setImmediate(() => {
      pending.delete(ctx);
      Promise.resolve()
        .then(() => trigger?.(ctx, { variantIds: [...collected] }))
        .catch((error) => ctx.log.warn({ err: error }, 'market refresh request failed'));
    });
  }
  for (const id of variantIds) set.add(id);
  return true;
}
