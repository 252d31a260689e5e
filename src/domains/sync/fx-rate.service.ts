import type { EntityManager } from '@mikro-orm/postgresql';
import { Dec } from '../../common/money';
import type { FxQuote } from '../../common/fx';

/** A rate older than this many days before the asked date is not used. */
const MAX_RATE_AGE_DAYS = 7;

interface RateRow {
  base: string;
  quote: string;
  rate: string;
}

/**
 * The FX quote that converts `from` into `to` on `date` (YYYY-MM-DD): the rate of that day, or the latest of the
 * week before it, in either direction (convertMoney handles both), crossed through USD when neither currency is
 * USD. Null when no rate is known.
 */
export async function findFxRate(em: EntityManager, from: string, to: string, date: string): Promise<FxQuote | null> {
  const [a, b] = [from.toUpperCase(), to.toUpperCase()];
  if (a === b) return { base: a, quote: b, rate: new Dec(1) };
  const rows = (await em.execute(
    `select distinct on (base, quote) base, quote, rate::text as rate from fx_rate
     where ((base = ? and quote in (?, ?)) or (base in (?, ?) and quote = ?) or (base = 'USD' and quote in (?, ?)))
       and date <= ?::date and date > ?::date - ?::int
     order by base, quote, date desc`,
    [a, b, 'USD', b, 'USD', a, a, b, date, date, MAX_RATE_AGE_DAYS],
  )) as RateRow[];
  const find = (base: string, quote: string) => rows.find((r) => r.base.trim() === base && r.quote.trim() === quote);
  const direct = find(a, b) ?? find(b, a);
  if (direct) return { base: direct.base.trim(), quote: direct.quote.trim(), rate: new Dec(direct.rate) };
  const usdA = find('USD', a);
  const usdB = find('USD', b);
  // 1 a = (1 / usdA) USD = (usdB / usdA) b.
  if (usdA && usdB) return { base: a, quote: b, rate: new Dec(usdB.rate).div(usdA.rate) };
  return null;
}
