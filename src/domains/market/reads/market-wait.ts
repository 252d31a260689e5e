import type { Context } from '../../../common/context';
import { MARKET_REFRESHED, PRICE_CHANGED } from '../market.topics';
import { subscribeTopic } from '../subscriptions/price-change-stream';

/** Longest a market read may wait for fresh prices (`waitMs`); longer waits are refused as bad input. */
export const MAX_WAIT_MS = 10_000;
/**
 * Re-reads one waiting field may make: one per refresh signal (a refresh commits a batch per source, so a few
 * signals can precede the one that completes the data) plus one at the deadline when no signal ever came.
 */
export const MAX_REREADS = 4;
/** Reads waiting at once in this process; beyond it a read answers at once (stale) instead of piling up timers and subscriptions. */
const MAX_CONCURRENT_WAITS = 1_000;

let waiting = 0;

/** A wake-up call that remembers a signal arriving while nobody waits, so none is lost during a re-read. */
class Wakeup {
  private pending = false;
  private wake: (() => void) | undefined;

  signal(): void {
    if (this.wake) this.wake();
    else this.pending = true;
  }

  /** Resolves true on a signal (pending or new), false when `ms` pass without one. */
  next(ms: number): Promise<boolean> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve(true);
    }
    if (ms <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve(false);
      }, ms);
      this.wake = () => {
        this.wake = undefined;
        clearTimeout(timer);
        resolve(true);
      };
    });
  }
}

/** What a read waits for. */
export interface RefreshWait<T> {
  /** Products whose price topics announce the refresh. */
  productIds: string[];
  waitMs: number;
  /** Reads the data again (through a batching, uncached loader: every field woken by one event shares a statement). */
  reread: () => Promise<T>;
  /** Whether the data read is what the caller waits for. */
  isFresh: (value: T) => boolean;
}

/**
 * Waits up to `waitMs` for a requested refresh without polling: listens on `PRICE_CHANGED:<productId>` and
 * `MARKET_REFRESHED:<productId>` (published after the refreshed prices are committed) and re-reads once per signal,
 * returning as soon as the data is fresh. When no signal came by the deadline it re-reads once (a gateway without
 * Redis never hears a separate worker); after a signal-triggered re-read it does not. Every field makes at most
 * {@link MAX_REREADS} re-reads. Resolves to the last data read, or null when it read nothing (waits disabled by load).
 */
export async function waitForRefresh<T>(ctx: Context, wait: RefreshWait<T>): Promise<T | null> {
  if (waiting >= MAX_CONCURRENT_WAITS) return null;
  waiting++;
  const deadline = Date.now() + wait.waitMs;
  const wakeup = new Wakeup();
  const subscriptions = [...new Set(wait.productIds)].flatMap((id) => [subscribeTopic(ctx.pubsub, PRICE_CHANGED, id), subscribeTopic(ctx.pubsub, MARKET_REFRESHED, id)]);
  const pumps = subscriptions.map(async (subscription) => {
    for await (const payload of subscription) if (payload) wakeup.signal();
  });
  let latest: T | null = null;
  try {
    for (let reads = 0; reads < MAX_REREADS; reads++) {
      const signalled = await wakeup.next(deadline - Date.now());
      if (!signalled && reads > 0) break;
      latest = await wait.reread();
      if (!signalled || wait.isFresh(latest)) break;
    }
    return latest;
  } finally {
    waiting--;
    await Promise.all(subscriptions.map((subscription) => subscription.return()));
    await Promise.allSettled(pumps);
  }
}
