import './sync.topics';
import { registerNodeType } from '../../common/node';
import { MarketplaceConnectionResolver } from './api/marketplace-connection.resolver';
import { SyncRunResolver } from './api/sync-run.resolver';
import { FxRate } from './entities/fx-rate.entity';
import { MarketplaceConnection } from './entities/marketplace-connection.entity';
import { SyncRun } from './entities/sync-run.entity';
import { MarketplaceConnectionByIdLoader, SyncRunByIdLoader } from './sync.loaders';

registerNodeType(MarketplaceConnection, 'MarketplaceConnection', { loader: MarketplaceConnectionByIdLoader, visible: (ctx) => !!ctx.viewer });
registerNodeType(SyncRun, 'SyncRun', { loader: SyncRunByIdLoader, visible: (ctx) => !!ctx.viewer });

export const syncEntities = [MarketplaceConnection, SyncRun, FxRate];
export const syncResolvers = [MarketplaceConnectionResolver, SyncRunResolver] as const;

export { syncRuntime, type SyncRuntime, type SyncRuntimeOptions } from './sync-runtime';
export { startSync } from './sync-startup';
export { syncJobTasks } from './jobs';
export { requestVariantRefresh, refreshStaleOrders, type OrdersFreshness } from './freshness.service';
export { requestConnectionSync } from './sync-request.service';
export { buildProvider, providerForConnection, type ConnectionRef } from './connection-provider';
export { setOrderSink, loggingOrderSink, type OrderSink, type SinkResult, type SyncTarget } from './sinks/order-sink';
export { setListingSink, loggingListingSink, type ListingSink } from './sinks/listing-sink';
export { findFxRate } from './fx-rate.service';
export { CredentialCipher, CredentialDecryptError } from './crypto/credential-cipher';
export { MarketplaceConnectionByIdLoader, SyncRunByIdLoader } from './sync.loaders';
export { MarketplaceConnection, SyncRun, FxRate };
export { ConnectionScope, ConnectionStatus, SyncKind, SyncRunStatus, SyncTrigger } from './entities/sync.enums';
export { SYNC_RUN_UPDATED, SYNC_CONNECTION_CLOSED, type SyncRunPayload } from './sync.topics';
export * from './providers';
