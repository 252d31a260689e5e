import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Context } from '../../common/context';
import { pgArray, rawRows } from '../../common/sql';
import { MAX_POPULARITY, POPULARITY_HALF_LIFE_HOURS, VIEW_POPULARITY_INCREMENT } from './popularity';

/** Products with unwritten views beyond which a flush starts early and views of further products are dropped (memory bound). */
const MAX_PENDING_PRODUCTS = 5_000;
/** Gaps longer than this many half-lives decay to nothing anyway; clamping keeps the numeric power() cheap. */
const MAX_HALF_LIVES = 64;

/**
 * ONE statement per flush, whatever the number of products: popularity = min(100, round(popularity × 0.5^(hours since
 * the last view / half-life) + views × increment)) — the formula of `nextPopularity`, constants bound as
 * parameters — and last_viewed_at moves forward only. updated_at is left alone: a view is not an edit of the record.
 */
const FLUSH_VIEWS = `update product p set
    popularity = least(?, round(p.popularity * power(0.5, least(?, greatest(0, coalesce(extract(epoch from v.viewed_at - p.last_viewed_at), 0)) / 3600 / ?))
                               + v.views * ?))::smallint,
    last_viewed_at = greatest(p.last_viewed_at, v.viewed_at)
  from unnest(?::uuid[], ?::int[], ?::timestamptz[]) as v(id, views, viewed_at)
  where p.id = v.id`;

/** One recorder per database: an operation's EntityManager forks share their ORM's driver. */
const recorders = new WeakMap<object, ProductViewRecorder>();
/** Products each operation already counted. */
const counted = new WeakMap<Context, Set<string>>();

interface PendingViews {
  views: number;
  lastViewedAt: Date;
}

/**
 * Views of products, counted in memory and written in one `update … from unnest(…)` every few seconds and at
 * shutdown, so reading a product adds no write to the read. Views are a popularity signal, not a ledger: under a
 * sustained database outage the oldest unwritten ones are kept and new products' views dropped past a bound.
 */
export class ProductViewRecorder {
  private pending = new Map<string, PendingViews>();
  private readonly timer: NodeJS.Timeout | undefined;
  private flushing: Promise<unknown> = Promise.resolve();
  private earlyFlush = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly log: Logger,
    flushIntervalMs: number,
  ) {
    if (flushIntervalMs > 0) {
      this.timer = setInterval(() => void this.flush(), flushIntervalMs);
      this.timer.unref();
    }
  }

  /** Products with views not yet written. */
  get pendingProducts(): number {
    return this.pending.size;
  }

  /** Counts one view of a product, in memory. */
  record(productId: string, at = new Date()): void {
    const entry = this.pending.get(productId);
    if (entry) {
      entry.views++;
      if (at > entry.lastViewedAt) entry.lastViewedAt = at;
      return;
    }
    if (this.pending.size >= MAX_PENDING_PRODUCTS) return this.flushSoon();
    this.pending.set(productId, { views: 1, lastViewedAt: at });
    if (this.pending.size >= MAX_PENDING_PRODUCTS) this.flushSoon();
  }

  /** Writes the views counted so far in one statement (flushes never overlap); resolves to the number of products written. */
  flush(): Promise<number> {
    const run = this.flushing.then(() => this.write());
    this.flushing = run.catch(() => undefined);
    return run;
  }

  /** Stops the timer and writes what is left; the composition root calls it after the gateway stopped taking requests. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    const driver = this.orm.em.getDriver();
    if (recorders.get(driver) === this) recorders.delete(driver);
    await this.flush();
  }

  private flushSoon(): void {
    if (this.earlyFlush) return;
    this.earlyFlush = true;
    void this.flush().finally(() => (this.earlyFlush = false));
  }

  private async write(): Promise<number> {
    if (!this.pending.size) return 0;
    const batch = this.pending;
    this.pending = new Map();
    const ids = [...batch.keys()];
    const entries = [...batch.values()];
    try {
      await rawRows(this.orm.em.fork(), FLUSH_VIEWS, [
        MAX_POPULARITY,
        MAX_HALF_LIVES,
        POPULARITY_HALF_LIFE_HOURS,
        VIEW_POPULARITY_INCREMENT,
        pgArray(ids),
        pgArray(entries.map((e) => e.views)),
        pgArray(entries.map((e) => e.lastViewedAt.toISOString())),
      ]);
      return ids.length;
    } catch (error) {
      // Put the views back (merged with any counted meanwhile) so the next flush writes them.
      for (const [id, views] of batch) {
        const current = this.pending.get(id);
        if (!current) this.pending.set(id, views);
        else {
          current.views += views.views;
          if (views.lastViewedAt > current.lastViewedAt) current.lastViewedAt = views.lastViewedAt;
        }
      }
      this.log.warn({ err: error, products: ids.length }, 'could not write product views; the next flush retries');
      return 0;
    }
  }
}

/** Starts the view recorder of this process (gateways); stop it before the ORM closes. */
export function startProductViews(orm: MikroORM, options: { log: Logger; flushIntervalMs: number }): ProductViewRecorder {
  const recorder = new ProductViewRecorder(orm, options.log, options.flushIntervalMs);
  recorders.set(orm.em.getDriver(), recorder);
  return recorder;
}

/** Counts a view of the product by this operation (once per operation, however many fields show it); no SQL. */
export function recordProductView(ctx: Context, productId: string): void {
  const recorder = recorders.get(ctx.em.getDriver());
  if (!recorder) return;
  let seen = counted.get(ctx);
  if (!seen) counted.set(ctx, (seen = new Set()));
  if (seen.has(productId)) return;
  seen.add(productId);
  recorder.record(productId, ctx.clock.now());
}
