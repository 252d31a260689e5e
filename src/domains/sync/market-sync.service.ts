import { pgArray, rawRows } from '../../common/sql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import type { Context } from '../../common/context';
import { ErrorPolicy } from '../../common/error-policy';
import { HOT_POPULARITY } from '../catalog';
import { ingestMarketSnapshots, type SnapshotRow } from '../market';
import { connectionProvider, loadConnectionRow, type ConnectionRow } from './delta-sync.service';
import { ConnectionStatus, SyncKind, SyncRunStatus, SyncTrigger } from './entities/sync.enums';
import type { SyncRunRequest } from './entities/sync-run.entity';
import { quotaOf, SIMULATED_QUOTA, type MarketQuota } from './market-quotas';
import { chunk, supports, type MarketDataRequest, type MarketQuote } from './providers/provider';
import { PLATFORM_PROFILES, simulateSnapshots, tickAt, type SimulatedPlatform, type SimulatedVariant } from './providers/simulated';
import { executeRun, type ExecutedRun, type RunLease, type RunResult, type SyncJobInfo } from './run-executor';
import { assertLease, claimRun, recordPage, withDatabaseRetry, type PageCounts } from './run-lease.service';
import { createOrFindActiveRun } from './sync-run.service';
import { syncRuntime } from './sync-runtime';

/** What a market.sync job is asked to do: one run by id, or products / variants / the scheduled tiers. */
export interface MarketSyncData {
  runId?: string;
  productIds?: string[];
  variantIds?: string[];
  trigger?: SyncTrigger;
}

/** Hot products sync every run (six-hourly); cold ones when their last sync is older than this. */
const COLD_INTERVAL = '1 day';
const SIMULATED_SOURCE = 'simulated';

interface VariantRow {
  variant_id: string;
  product_id: string;
  size_key: string;
  numeric_size: number | null;
  size_system: string;
  sku_normalized: string;
  category: string;
  popularity: number;
  retail_price: string | null;
  product_ext: string | null;
  variant_ext: string | null;
}

/** SQL condition (on `v` variant, `p` product) selecting what a run covers. */
function scopeOf(request: SyncRunRequest): { sql: string; params: unknown[] } {
  if (request.variantIds?.length) return { sql: 'v.id = any(?::uuid[])', params: [pgArray(request.variantIds)] };
  if (request.productIds?.length) return { sql: 'p.id = any(?::uuid[])', params: [pgArray(request.productIds)] };
  // Tiers come from popularity, which product views keep current (catalog's view recorder).
  if (request.tier === 'HOT') return { sql: 'p.popularity >= ?', params: [HOT_POPULARITY] };
  return { sql: `(p.popularity >= ? or p.last_synced_at is null or p.last_synced_at < clock_timestamp() - interval '${COLD_INTERVAL}')`, params: [HOT_POPULARITY] };
}

/** Variants a run prices, hottest first, capped by the quota; with a platform, only those the platform has an id for. */
async function variantsToPrice(em: EntityManager, request: SyncRunRequest, quota: MarketQuota, platformId: string | null): Promise<VariantRow[]> {
  const scope = scopeOf(request);
  const refs = platformId
    ? `join external_ref pr on pr.product_id = p.id and pr.kind = 'PRODUCT' and pr.platform_id = ?
       left join external_ref vr on vr.variant_id = v.id and vr.kind = 'VARIANT' and vr.platform_id = ?`
    : '';
  return (await em.execute(
    `select v.id as variant_id, v.product_id, v.size_key, v.numeric_size, v.size_system, p.sku_normalized, p.category, p.popularity,
            p.retail_price::text as retail_price, ${platformId ? 'pr.external_id as product_ext, vr.external_id as variant_ext' : 'null as product_ext, null as variant_ext'}
     from variant v join product p on p.id = v.product_id ${refs}
     where ${scope.sql}
     order by p.popularity desc, p.id, v.position, v.id
     limit ?`,
    [...(platformId ? [platformId, platformId] : []), ...scope.params, quota.maxVariantsPerRun],
  )) as VariantRow[];
}

/** Commits one priced batch's bookkeeping: counts, products' last sync, newly learned variant ids. */
async function commitBatch(em: EntityManager, lease: RunLease, counts: PageCounts, productIds: string[], refs: Array<{ platformId: string; productId: string; variantId: string; externalId: string }>): Promise<void> {
  const row = await withDatabaseRetry(lease.log, 'commit market batch', () =>
    em.transactional(async (tx) => {
      await assertLease(tx, lease.run.id, lease.token);
      if (productIds.length) await rawRows(tx, 'update product set last_synced_at = clock_timestamp() where id = any(?::uuid[])', [pgArray(productIds)]);
      if (refs.length) {
        await rawRows(
          tx,
          `insert into external_ref (id, platform_id, kind, product_id, variant_id, external_id, created_at, updated_at)
           select gen_random_uuid(), r.platform_id, 'VARIANT', r.product_id, r.variant_id, r.external_id, clock_timestamp(), clock_timestamp()
             from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[]) as r(platform_id, product_id, variant_id, external_id)
           on conflict (platform_id, kind, external_id) do nothing`,
          [pgArray(refs.map((r) => r.platformId)), pgArray(refs.map((r) => r.productId)), pgArray(refs.map((r) => r.variantId)), pgArray(refs.map((r) => r.externalId))],
        );
      }
      return recordPage(tx, lease.run.id, counts);
    }),
  );
  await lease.progress(row);
}

const toSnapshot = (quote: MarketQuote, platformId: string): SnapshotRow => ({
  variantId: quote.variantId,
  platformId,
  lowestAsk: quote.lowestAsk,
  highestBid: quote.highestBid,
  lastSale: quote.lastSale,
  currency: quote.currency,
  capturedAt: quote.capturedAt,
  source: 'API',
});

function outcomeOf(fetched: number, failed: number, what: string): RunResult['outcome'] {
  if (!failed) return { status: SyncRunStatus.SUCCEEDED };
  if (failed >= fetched) return { status: SyncRunStatus.FAILED, error: `None of the ${fetched} ${what} could be priced.`, reason: 'ITEMS_FAILED' };
  return { status: SyncRunStatus.PARTIAL, error: `${failed} of ${fetched} ${what} could not be priced.`, reason: 'ITEMS_FAILED' };
}

/** Prices a run's variants through a MARKET_DATA connection, batch by batch, and ingests the quotes. */
async function priceThroughConnection(ctx: Context, lease: RunLease, connection: ConnectionRow): Promise<RunResult> {
  const provider = connectionProvider(connection, lease);
  if (!supports(provider, 'fetchMarketData')) return { outcome: { status: SyncRunStatus.FAILED, error: `${connection.platform} offers no market data through its API.`, reason: 'UNSUPPORTED' } };
  const quota = quotaOf(connection.platform);
  const variants = await variantsToPrice(ctx.em, lease.run.request, quota, connection.platform_id);
  let fetched = 0;
  let failed = 0;
  for (const batch of chunk(variants, quota.batchSize)) {
    lease.signal.throwIfAborted();
    const requests: MarketDataRequest[] = batch.map((v) => ({ variantId: v.variant_id, externalProductId: v.product_ext!, externalVariantId: v.variant_ext ?? undefined, sizeKey: v.size_key }));
    const result = await provider.fetchMarketData(requests, lease.signal);
    const ingest = result.quotes.length
      ? await ingestMarketSnapshots(ctx.em, ctx.pubsub, result.quotes.map((q) => toSnapshot(q, connection.platform_id)), { errorPolicy: ErrorPolicy.REJECT_FAILED_ROWS, now: ctx.clock.now(), log: lease.log })
      : { written: 0, rowErrors: [] };
    const byId = new Map(batch.map((v) => [v.variant_id, v]));
    const learned = result.quotes.flatMap((q) => {
      const v = byId.get(q.variantId);
      return v && !v.variant_ext && q.externalVariantId ? [{ platformId: connection.platform_id, productId: v.product_id, variantId: v.variant_id, externalId: q.externalVariantId }] : [];
    });
    const counts = { fetched: batch.length, written: ingest.written, failed: result.failures.length + ingest.rowErrors.length };
    fetched += counts.fetched;
    failed += counts.failed;
    await commitBatch(ctx.em, lease, counts, [...new Set(result.quotes.map((q) => byId.get(q.variantId)!.product_id))], learned);
  }
  return { outcome: outcomeOf(fetched, failed, 'variants'), connection: { id: connection.id, status: ConnectionStatus.CONNECTED, synced: true }, detail: { variants: fetched } };
}

/** Platforms the simulator prices: market-data platforms it has a profile for and no real connection covers. */
async function simulatedPlatforms(em: EntityManager): Promise<SimulatedPlatform[]> {
  const rows = (await em.execute(
    `select p.id, p.slug, p.default_currency from platform p
     where p.supports_market_data and not exists (
       select 1 from marketplace_connection c where c.platform_id = p.id and c.scope = 'MARKET_DATA' and c.status = 'CONNECTED')
     order by p.slug`,
  )) as Array<{ id: string; slug: string; default_currency: string }>;
  return rows.filter((r) => r.slug in PLATFORM_PROFILES).map((r) => ({ id: r.id, slug: r.slug, currency: r.default_currency.trim() }));
}

/** Prices a run's variants with the deterministic simulator at the current tick (marked SIMULATED). */
async function priceWithSimulator(ctx: Context, lease: RunLease): Promise<RunResult> {
  const { seed, intervalSeconds } = syncRuntime().simulator;
  const platforms = await simulatedPlatforms(ctx.em);
  const variants = platforms.length ? await variantsToPrice(ctx.em, lease.run.request, SIMULATED_QUOTA, null) : [];
  let fetched = 0;
  let failed = 0;
  for (const batch of chunk(variants, SIMULATED_QUOTA.batchSize)) {
    lease.signal.throwIfAborted();
    const now = ctx.clock.now();
    const simulated: SimulatedVariant[] = batch.map((v) => ({
      variantId: v.variant_id,
      sizeKey: v.size_key,
      numericSize: v.numeric_size,
      sizeSystem: v.size_system,
      product: { key: v.sku_normalized, category: v.category as SimulatedVariant['product']['category'], popularity: v.popularity, retailPrice: v.retail_price },
    }));
    const rows = simulateSnapshots(simulated, platforms, { seed, tick: tickAt(now, intervalSeconds), capturedAt: now });
    const ingest = rows.length ? await ingestMarketSnapshots(ctx.em, ctx.pubsub, rows, { errorPolicy: ErrorPolicy.REJECT_FAILED_ROWS, now: ctx.clock.now(), log: lease.log }) : { written: 0, rowErrors: [] };
    const counts = { fetched: rows.length, written: ingest.written, failed: ingest.rowErrors.length };
    fetched += counts.fetched;
    failed += counts.failed;
    await commitBatch(ctx.em, lease, counts, [...new Set(batch.map((v) => v.product_id))], []);
  }
  return { outcome: outcomeOf(fetched, failed, 'prices'), detail: { variants: variants.length, platforms: platforms.length } };
}

/** Executes one claimed market run against its source. */
async function executeMarketRun(ctx: Context, claimed: Awaited<ReturnType<typeof claimRun>> & object, job: SyncJobInfo): Promise<ExecutedRun> {
  const source = claimed.row.request.source ?? SIMULATED_SOURCE;
  const connectionId = source === SIMULATED_SOURCE ? null : source;
  return executeRun(ctx, claimed, job, connectionId, async (lease) => {
    if (!connectionId) return priceWithSimulator(ctx, lease);
    const connection = await loadConnectionRow(ctx.em, connectionId);
    if (!connection || connection.status === ConnectionStatus.DISCONNECTED || !connection.credentials) {
      return { outcome: { status: SyncRunStatus.FAILED, error: 'The market data connection was disconnected.', reason: 'DISCONNECTED' } };
    }
    return priceThroughConnection(ctx, lease, connection);
  });
}

/** The MARKET_DATA connections to price through: one per platform, the one that synced most recently. */
async function connectionSources(em: EntityManager): Promise<Array<{ id: string; account_id: string; platform_id: string; platform: string }>> {
  const rows = (await em.execute(
    `select distinct on (c.platform_id) c.id, c.account_id, c.platform_id, p.slug as platform
     from marketplace_connection c join platform p on p.id = c.platform_id
     where c.scope = 'MARKET_DATA' and c.status = 'CONNECTED' and p.supports_market_data
     order by c.platform_id, c.last_sync_at desc nulls last, c.created_at`,
  )) as Array<{ id: string; account_id: string; platform_id: string; platform: string }>;
  const registry = syncRuntime().providers;
  return rows.filter((r) => registry.has(r.platform));
}

const digest = (ids: string[]) => createHash('sha1').update([...ids].sort().join(',')).digest('hex').slice(0, 16);

/**
 * market.sync: with a run id, executes that run (a re-queued or connection-requested one). Otherwise creates one run
 * per source — each MARKET_DATA connection's platform, plus the simulator (on demand, when enabled) for platforms no
 * connection covers — and executes each in turn; a source whose run is already active is left to it, and one failing
 * source never stops the others.
 */
export async function runMarketSync(ctx: Context, data: MarketSyncData, job: SyncJobInfo): Promise<{ runs: ExecutedRun[] }> {
  const stale = syncRuntime().runStaleAfterSeconds;
  if (data.runId) {
    const claimed = await claimRun(ctx.em, { runId: data.runId }, job.jobId, stale);
    return { runs: claimed ? [await executeMarketRun(ctx, claimed, job)] : [] };
  }
  const onDemand = !!(data.productIds?.length || data.variantIds?.length);
  const request: SyncRunRequest = data.variantIds?.length ? { variantIds: data.variantIds } : data.productIds?.length ? { productIds: data.productIds } : { tier: 'SCHEDULED' };
  const scopeKey = data.variantIds?.length ? `v:${digest(data.variantIds)}` : data.productIds?.length ? `p:${digest(data.productIds)}` : 'scheduled';
  const trigger = data.trigger ?? (onDemand ? SyncTrigger.ON_DEMAND : SyncTrigger.SCHEDULE);

  const sources: Array<{ source: string; platformId: string | null; accountId: string | null }> = (await connectionSources(ctx.em)).map((c) => ({
    source: c.id,
    platformId: c.platform_id,
    accountId: c.account_id,
  }));
  // The simulator's own feed keeps simulated prices moving; it answers on-demand refreshes only.
  if (onDemand && syncRuntime().simulator.enabled) sources.push({ source: SIMULATED_SOURCE, platformId: null, accountId: null });

  const runs: ExecutedRun[] = [];
  for (const { source, platformId, accountId } of sources) {
    try {
      const { id, created } = await createOrFindActiveRun(ctx.em, {
        singletonKey: `market:${source}:${scopeKey}`,
        kind: SyncKind.MARKET_DATA,
        trigger,
        platformId,
        accountId,
        connectionId: source === SIMULATED_SOURCE ? null : source,
        request: { ...request, source },
      });
      if (!created) continue;
      const claimed = await claimRun(ctx.em, { runId: id }, job.jobId, stale);
      if (claimed) runs.push(await executeMarketRun(ctx, claimed, job));
    } catch (error) {
      if (job.signal?.aborted) throw error;
      ctx.log.error({ err: error, source }, 'market sync of one source failed; continuing with the others');
    }
  }
  return { runs };
}
