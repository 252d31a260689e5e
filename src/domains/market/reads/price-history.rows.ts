import type { EntityManager } from '@mikro-orm/postgresql';
import { HistoryInterval } from '../entities/market.enums';
import { pgArray, rawRows } from '../../../common/sql';

/** One OHLC bucket of lowest asks of a variant on a platform. */
export interface PriceBucketRow {
  variant_id: string;
  platform_id: string;
  bucket: string;
  currency: string;
  open: string | null;
  high: string | null;
  low: string | null;
  close: string | null;
  samples: number;
  volume: number | null;
}

/** Buckets are aligned to UTC: date_bin from a Monday midnight UTC, whatever the session time zone. */
const ORIGIN = '2000-01-03T00:00:00Z';
export const INTERVAL_SECONDS: Record<HistoryInterval, number> = { [HistoryInterval.HOUR]: 3600, [HistoryInterval.DAY]: 86_400 };

/**
 * OHLC of the lowest ask per bucket for many variants in one statement. The range prunes partitions at plan
 * time. Open and close are the asks at the first and last observation, taken as min/max of [epoch, ask] pairs:
 * one hash aggregation, no per-group sort. Volume is an estimate: snapshots carry rolling 7-day sales counts,
 * not individual sales, so it is the bucket's average 7-day count prorated to the bucket's length.
 */
export function priceHistoryOf(
  em: EntityManager,
  variantIds: readonly string[],
  range: { platform: string | null; from: Date; to: Date; interval: HistoryInterval },
): Promise<PriceBucketRow[]> {
  const seconds = INTERVAL_SECONDS[range.interval];
  return rawRows(
    em,
    `select s.variant_id, s.platform_id, date_bin(?::interval, s.captured_at, ?::timestamptz) as bucket,
            min(s.currency) as currency,
            (min(array[extract(epoch from s.captured_at), s.lowest_ask]) filter (where s.lowest_ask is not null))[2] as open,
            max(s.lowest_ask) as high,
            min(s.lowest_ask) as low,
            (max(array[extract(epoch from s.captured_at), s.lowest_ask]) filter (where s.lowest_ask is not null))[2] as close,
            count(*)::int as samples,
            round(avg(s.sales_7d) * ? / 604800)::int as volume
       from market_snapshot s
      where s.variant_id = any(?::uuid[]) and s.captured_at >= ?::timestamptz and s.captured_at < ?::timestamptz
        and (?::text is null or s.platform_id = (select id from platform where slug = ?::text))
      group by s.variant_id, s.platform_id, bucket
      order by s.variant_id, s.platform_id, bucket`,
    [`${seconds} seconds`, ORIGIN, seconds, pgArray(variantIds), range.from.toISOString(), range.to.toISOString(), range.platform, range.platform],
  );
}
