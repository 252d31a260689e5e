import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, rawRows } from '../../../common/sql';

/** A market_price row as read on the hot path: strings for amounts and times, no ORM hydration. */
export interface LatestPriceRow {
  variant_id: string;
  product_id: string;
  platform_id: string;
  platform: string;
  lowest_ask: string | null;
  highest_bid: string | null;
  last_sale: string | null;
  prev_lowest_ask: string | null;
  prev_highest_bid: string | null;
  prev_last_sale: string | null;
  sales_7d: number | null;
  sales_30d: number | null;
  volatility: string | null;
  currency: string;
  source: string;
  captured_at: string;
  changed_at: string | null;
}

const COLUMNS = `mp.variant_id, mp.product_id, mp.platform_id, p.slug as platform, mp.lowest_ask, mp.highest_bid, mp.last_sale,
  mp.prev_lowest_ask, mp.prev_highest_bid, mp.prev_last_sale, mp.sales_7d, mp.sales_30d, mp.volatility, mp.currency, mp.source,
  mp.captured_at, mp.changed_at`;

/** Latest prices of the given variants, every platform, ordered by platform slug. */
export function latestPricesOfVariants(em: EntityManager, variantIds: readonly string[]): Promise<LatestPriceRow[]> {
  return rawRows(
    em,
    `select ${COLUMNS} from market_price mp join platform p on p.id = mp.platform_id
      where mp.variant_id = any(?::uuid[]) order by mp.variant_id, p.slug`,
    [pgArray(variantIds)],
  );
}

/** Latest prices of every size of the given products, in size order then platform slug. */
export function latestPricesOfProducts(em: EntityManager, productIds: readonly string[]): Promise<LatestPriceRow[]> {
  return rawRows(
    em,
    `select ${COLUMNS} from market_price mp join platform p on p.id = mp.platform_id join variant v on v.id = mp.variant_id
      where mp.product_id = any(?::uuid[]) order by mp.product_id, v.position, v.id, p.slug`,
    [pgArray(productIds)],
  );
}
