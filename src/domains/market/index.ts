import './market.topics';
import { registerNodeType } from '../../common/node';
import { MarketResolver } from './api/market.resolver';
import { MarketMoveResolver, MarketQuoteResolver, PlatformPayoutResolver, PlatformStatsResolver, PriceBucketResolver } from './api/market-refs.resolver';
import { PriceAlertResolver } from './api/price-alert.resolver';
import { PriceAlertEventResolver, PriceChangeEventResolver, PriceSubscriptionResolver } from './api/price-subscription.resolver';
import { ProductMarketResolver, VariantMarketResolver } from './api/variant-market.resolver';
import { PriceAlert } from './entities/price-alert.entity';
import { PriceAlertByIdLoader } from './market.loaders';

registerNodeType(PriceAlert, 'PriceAlert', { loader: PriceAlertByIdLoader, visible: (ctx) => !!ctx.viewer });

export const marketEntities = [PriceAlert];
export const marketResolvers = [
  MarketResolver,
  VariantMarketResolver,
  ProductMarketResolver,
  MarketQuoteResolver,
  PriceBucketResolver,
  PlatformPayoutResolver,
  PlatformStatsResolver,
  MarketMoveResolver,
  PriceSubscriptionResolver,
  PriceChangeEventResolver,
  PriceAlertEventResolver,
  PriceAlertResolver,
] as const;

export { ingestMarketSnapshots, type IngestOptions } from './ingest/ingest.service';
export type { IngestResult, SnapshotRow } from './ingest/snapshot-row';
export { ensureMarketPartitions, dropExpiredMarketPartitions, listMarketPartitions } from './partitions/snapshot-partitions.service';
export { setMarketRefreshTrigger, type MarketRefreshTrigger } from './reads/market-refresh';
export { computeNetPayout, type NetPayout } from './net-payout';
export { LatestPricesByVariantLoader, LatestPricesByProductLoader } from './market.loaders';
export type { LatestPriceRow } from './reads/latest-price.rows';
export { openPriceStreams } from './subscriptions/price-change-stream';
export { PRICE_CHANGED, PRICE_ALERT, type PriceChangePayload, type PriceChangeBatch, type PriceAlertPayload } from './market.topics';
export { MarketDataSource, PriceField } from './entities/market.enums';
