import { setMarketRefreshTrigger } from '../market';
import { requestVariantRefresh } from './freshness.service';
import { configureSync, type SyncRuntime, type SyncRuntimeOptions } from './sync-runtime';

/**
 * Starts the sync engine of this process: builds its runtime (keyring, providers, HTTP runtime) and plugs the
 * stale-while-revalidate hook into the market domain's reads. Called once by the composition root.
 */
export function startSync(options: SyncRuntimeOptions): SyncRuntime {
  const runtime = configureSync(options);
  setMarketRefreshTrigger((ctx, request) => requestVariantRefresh(ctx, request));
  return runtime;
}
