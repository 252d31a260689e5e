import { createHash } from 'node:crypto';
import type { Context } from '../../common/context';
import { ConnectionScope, ConnectionStatus, SyncKind, SyncTrigger } from './entities/sync.enums';
import { MarketplaceConnection } from './entities/marketplace-connection.entity';
import { PlatformByIdLoader } from '../catalog';
import { requestConnectionSync } from './sync-request.service';
import { syncRuntime } from './sync-runtime';

/** At most this many variants per on-demand market sync; a page of results, not the catalog. */
const MAX_ON_DEMAND_ITEMS = 200;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const onDemandKey = (variantIds: string[]) => `market:on-demand:v:${createHash('sha1').update(variantIds.join(',')).digest('hex').slice(0, 16)}`;

/** The market domain's stale-read hook: these variants are already known to be stale. */
export async function requestVariantRefresh(ctx: Context, request: { variantIds: string[] }): Promise<void> {
  const ids = [...new Set(request.variantIds.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))].sort().slice(0, MAX_ON_DEMAND_ITEMS);
  if (!ids.length || !ctx.jobs) return;
  await ctx.jobs.send('market.sync', { variantIds: ids, trigger: SyncTrigger.ON_DEMAND }, { singletonKey: onDemandKey(ids) });
}

/** How fresh the viewer's synced orders are. */
export interface OrdersFreshness {
  /** Oldest last-complete order sync among the viewer's seller connections; null when one never completed or none exists. */
  syncedAt: Date | null;
  /** True when some connection's orders are older than the threshold (a sync has been requested for it). */
  stale: boolean;
  /** Runs QUEUED or RUNNING for the stale connections (existing ones are reused, never duplicated). */
  runIds: string[];
}

/**
 * Stale-while-revalidate for the orders query: every CONNECTED seller connection of the viewer whose last complete
 * order sync is older than `maxAgeSeconds` (default ORDERS_STALE_AFTER_SECONDS) gets an ON_DEMAND orders sync
 * (single-flight per connection). Returns at once; the caller serves the orders it has.
 */
export async function refreshStaleOrders(ctx: Context, options: { maxAgeSeconds?: number } = {}): Promise<OrdersFreshness> {
  if (!ctx.viewer) return { syncedAt: null, stale: false, runIds: [] };
  const maxAgeMs = (options.maxAgeSeconds ?? syncRuntime().ordersStaleAfterSeconds) * 1000;
  const connections = await ctx.em.find(MarketplaceConnection, { scope: ConnectionScope.SELLER_ACCOUNT, status: { $in: [ConnectionStatus.CONNECTED, ConnectionStatus.ERROR] } });
  const now = ctx.clock.now().getTime();
  let oldest: number | null = connections.length ? Infinity : null;
  const runIds: string[] = [];
  let stale = false;
  for (const connection of connections) {
    const platform = await ctx.loaders.get(PlatformByIdLoader).load(connection.platformId);
    if (!platform?.supportsOrders) continue;
    const completed = connection.cursors.orders?.completedAt ? Date.parse(connection.cursors.orders.completedAt) : null;
    oldest = completed === null || oldest === null ? null : Math.min(oldest, completed);
    if (completed !== null && now - completed <= maxAgeMs) continue;
    stale = true;
    try {
      runIds.push((await requestConnectionSync(ctx, connection, SyncKind.ORDERS, SyncTrigger.ON_DEMAND)).id);
    } catch (error) {
      // One connection's trouble never keeps the others from refreshing, nor the orders from being served.
      ctx.log.warn({ err: error, connectionId: connection.id }, 'could not request an orders sync');
    }
  }
  return { syncedAt: oldest === null || oldest === Infinity ? null : new Date(oldest), stale, runIds };
}
