import type { EntityManager } from '@mikro-orm/postgresql';
import type { FxQuote } from '../../../common/fx';
import { findFxRate } from '../../sync';

/** The UTC calendar date of an instant: the day whose FX rate converts an order placed then. */
export const utcDate = (at: Date): string => at.toISOString().slice(0, 10);

/**
 * FX quotes for one unit of work, each (from, to, day) looked up once: a page of synced orders shares a handful
 * of days and currencies. `null` means no rate is known for that day.
 */
export class FxQuotes {
  private readonly cache = new Map<string, Promise<FxQuote | null>>();

  constructor(private readonly em: EntityManager) {}

  /** The quote converting `from` into `to` on `date` (YYYY-MM-DD); a same-currency quote has rate 1. */
  get(from: string, to: string, date: string): Promise<FxQuote | null> {
    const key = `${from.toUpperCase()}>${to.toUpperCase()}@${date}`;
    let quote = this.cache.get(key);
    if (!quote) this.cache.set(key, (quote = findFxRate(this.em, from, to, date)));
    return quote;
  }
}
