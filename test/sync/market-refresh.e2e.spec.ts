import { UpsertProductsDocument, VariantMarketDocument } from '../generated/graphql';
import { startSyncApp, waitFor, type SyncTestApp } from './support/sync-app';

// The simulator answers on-demand refreshes; a day-long tick keeps its own feed from pricing anything meanwhile.
const env = { SIMULATOR_ENABLED: 'true', SIMULATOR_INTERVAL_SECONDS: '86400' };

let gateway: SyncTestApp;
let worker: SyncTestApp | undefined;

beforeAll(async () => {
  gateway = await startSyncApp({ env });
});
afterAll(async () => {
  await worker?.stop();
  await gateway?.stop();
});

describe('Variant.market(maxAgeSeconds) — stale-while-revalidate', () => {
  it('answers at once, enqueues ONE market.sync for many stale reads, and the worker brings fresh prices', async () => {
    const admin = await gateway.createAccount({ admin: true });
    const created = await gateway.request(
      UpsertProductsDocument,
      { input: { products: [{ sku: 'DZ5485-612', brand: 'Jordan', model: 'Air Jordan 1', name: 'Air Jordan 1 Chicago', category: 'SNEAKERS', popularity: 70, variants: [{ sizeKey: '10' }] }] } },
      admin.token,
    );
    const productId = created.data!.upsertProducts.products[0].id;
    const read = await gateway.request<{ node: { variants: Array<{ id: string }> } }, { id: string }>('query($id: ID!) { node(id: $id) { ... on Product { variants { id } } } }', { id: productId });
    const variantId = read.data!.node.variants[0].id;

    // Count what the readers' refresh requests get back from the queue (they are sent after the response).
    const jobs = gateway.app.jobs;
    const send = jobs.send.bind(jobs);
    const sent: Array<string | null> = [];
    jobs.send = (async (...args: Parameters<typeof send>) => {
      const id = await send(...args);
      if (args[0] === 'market.sync') sent.push(id);
      return id;
    }) as typeof jobs.send;
    const reads = await Promise.all(Array.from({ length: 10 }, () => gateway.request(VariantMarketDocument, { id: variantId, maxAgeSeconds: 60 })));
    for (const r of reads) expect((r.data!.node as { market: unknown[] }).market).toEqual([]);
    await waitFor('every reader to request a refresh', async () => sent.length === 10);
    expect(sent.filter((id) => id !== null)).toHaveLength(1);
    const queued = await gateway.sql<{ data: { variantIds: string[]; trigger: string } }>(`select data from pgboss.job where name = 'market.sync'`);
    expect(queued).toHaveLength(1);
    expect(queued[0].data).toMatchObject({ trigger: 'ON_DEMAND', variantIds: [expect.any(String)] });

    worker = await startSyncApp({ role: 'worker', databaseUrl: gateway.databaseUrl, env });
    const [run] = await waitFor('the on-demand run', async () => {
      const rows = await gateway.sql<{ status: string; platform_id: string | null; fetched_count: number; error: string | null }>(
        `select status, platform_id, fetched_count, error from sync_run where kind = 'MARKET_DATA' and trigger = 'ON_DEMAND'`,
      );
      return rows.length && rows[0].status === 'SUCCEEDED' ? rows : null;
    });
    expect(run).toMatchObject({ status: 'SUCCEEDED', platform_id: null, error: null });
    expect(run.fetched_count).toBeGreaterThan(0);

    const fresh = await gateway.request(VariantMarketDocument, { id: variantId, maxAgeSeconds: 60 });
    const quotes = (fresh.data!.node as { market: Array<{ source: string; stale: boolean }> }).market;
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((q) => q.source === 'SIMULATED' && q.stale === false)).toBe(true);
  });
});
