import { registerNodeType } from '../../common/node';
import { setItemListingSource } from '../inventory';
import { InventoryItemListingsResolver } from './api/listing-refs.resolver';
import { ListingMutationResolver } from './api/listing-mutation.resolver';
import { ListingResolver, PricingHistoryResolver, RepricingRuleResolver } from './api/listing.resolver';
import { ListingSubscriptionResolver } from './api/listing-subscription.resolver';
import { InventoryPricingResolver } from './api/repricing-recommendation.resolver';
import { RepricingResolver } from './api/repricing.resolver';
import { Listing } from './entities/listing.entity';
import { PricingHistory } from './entities/pricing-history.entity';
import { RepricingRule } from './entities/repricing-rule.entity';
import { connectionChannel } from './listings/connection-channel';
import { ItemListingViewsLoader } from './listings/item-listing-views';
import { setListingChannelSource } from './listings/listing-channel';
import { listingOperationJob } from './listings/jobs/listing-operation.job';
import { listingOperationsSweepJob } from './listings/jobs/listing-operations-sweep.job';
import { ListingByIdLoader, PricingHistoryByIdLoader, RepricingRuleByIdLoader } from './listings/listing.loaders';
import { repriceListingJob } from './repricing/jobs/reprice-listing.job';
import { repriceScheduleJob } from './repricing/jobs/reprice-schedule.job';
import { AnalyticsResolver, MarketplaceReturnRateResolver, MarketplaceTopProductsResolver, ProductSalesResolver, SalesBucketResolver } from './api/analytics.resolver';
import { OpportunityResolver, RepricingOpportunityResolver } from './api/opportunity.resolver';
import { OrderItemResolver, OrderResolver } from './api/order.resolver';
import { TaxResolver } from './api/tax.resolver';
import { Opportunity } from './entities/opportunity.entity';
import { OrderItem } from './entities/order-item.entity';
import { Order } from './entities/order.entity';
import { opportunitiesDetectJob } from './opportunities/jobs/opportunities-detect.job';
import { OpportunityByIdLoader } from './opportunities/opportunity.loaders';
import { OrderByIdLoader, OrderItemByIdLoader } from './orders/order.loaders';

// ── Listings and repricing ─────────────────────────────────────────────────────────────────────────────
registerNodeType(Listing, 'Listing', { loader: ListingByIdLoader, visible: (ctx) => !!ctx.viewer });
registerNodeType(RepricingRule, 'RepricingRule', { loader: RepricingRuleByIdLoader, visible: (ctx) => !!ctx.viewer });
registerNodeType(PricingHistory, 'PricingHistory', { loader: PricingHistoryByIdLoader, visible: (ctx) => !!ctx.viewer });
setItemListingSource(ItemListingViewsLoader);
setListingChannelSource(connectionChannel);

const listingEntities = [Listing, RepricingRule, PricingHistory];
const listingResolvers = [
  ListingResolver,
  ListingMutationResolver,
  ListingSubscriptionResolver,
  RepricingRuleResolver,
  PricingHistoryResolver,
  InventoryItemListingsResolver,
  InventoryPricingResolver,
  RepricingResolver,
] as const;

/** Jobs of the selling domain, registered in `src/jobs/tasks/index.ts`. */
export const sellingJobTasks = [repriceListingJob, repriceScheduleJob, listingOperationJob, listingOperationsSweepJob, opportunitiesDetectJob];

export { Listing, RepricingRule, PricingHistory };
export { ListingByIdLoader, ListingsByInventoryItemLoader, RepricingRuleByListingLoader } from './listings/listing.loaders';
export { ListingStatus, ListingSource, PricingReason, PlatformSync } from './listings/listing.enums';
export { markListingSold, deactivateOtherListings, type SaleFacts, type MarkSoldResult, type DelistResult } from './listings/listing-status.service';
export { publishListingChanges, LISTING_CHANGED, type ListingChangePayload } from './listings/listing-events';
export { setListingChannelSource, type ListingChannel, type ListingChannelSource, type ChannelOperation } from './listings/listing-channel';
export { startRepricingTriggers, REPRICE_DEBOUNCE_SECONDS } from './repricing/repricing-triggers.service';
export { runRepricing, type RepriceRunResult } from './repricing/reprice-run.service';
export { createListingSink, writeSyncedListings } from './listings/listing-sync.service';

// ── Orders, profit, tax and opportunities (the orders engineer appends below) ─────────────────────────────
registerNodeType(Order, 'Order', { loader: OrderByIdLoader, visible: (ctx) => !!ctx.viewer });
registerNodeType(OrderItem, 'OrderItem', { loader: OrderItemByIdLoader, visible: (ctx) => !!ctx.viewer });
registerNodeType(Opportunity, 'Opportunity', { loader: OpportunityByIdLoader, visible: (ctx) => !!ctx.viewer });

const orderEntities = [Order, OrderItem, Opportunity];
const orderResolvers = [
  OrderResolver,
  OrderItemResolver,
  AnalyticsResolver,
  SalesBucketResolver,
  MarketplaceTopProductsResolver,
  ProductSalesResolver,
  MarketplaceReturnRateResolver,
  TaxResolver,
  OpportunityResolver,
  RepricingOpportunityResolver,
] as const;

export { Order, OrderItem, Opportunity };
export { OrderStatus, OrderSource } from './entities/order.entity';
export { OpportunityStatus } from './entities/opportunity.entity';
export { OrderByIdLoader, OrderItemsByOrderLoader } from './orders/order.loaders';
export { OpportunityByIdLoader } from './opportunities/opportunity.loaders';
export { recordOrder } from './orders/record-order.service';
export { updateOrderStatus } from './orders/order-status.service';
export { createOrderSink, writeSyncedOrders } from './orders/order-sync.service';
export { ORDER_CHANGED, openOrderStreams, publishOrderChanged, type OrderChangedPayload } from './orders/order-events.service';
export { computeOrderAmounts, type OrderAmounts, type OrderAmountsInput } from './orders/order-amounts';
export { detectArbitrageOpportunities, type DetectionOptions, type DetectionResult } from './opportunities/opportunity-detection.service';
export { markOpportunityActed } from './opportunities/opportunity-query.service';
export { taxReport, type TaxReportResult } from './tax/tax-report.service';
export { taxReportRouter, TAX_REPORT_CSV_PATH, type TaxReportRouteDeps } from './tax/tax-report.route';

/** Every entity of the selling domain, for the ORM. */
export const sellingEntities = [...listingEntities, ...orderEntities];
/** Every resolver of the selling domain, for the schema. */
export const sellingResolvers = [...listingResolvers, ...orderResolvers] as const;
