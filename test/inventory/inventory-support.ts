import { ingestMarketSnapshots, type SnapshotRow } from '../../src/domains/market';
import { AddInventoryItemDocument, CreateListingDocument, type CreateListingInput } from '../generated/graphql';
import type { TestApp } from '../support/app';
import { createProducts, platformIds, type TestProduct } from '../market/market-support';

export { createProducts, platformIds, waitFor, collect, type TestProduct } from '../market/market-support';

/** A market with one admin, products and the platform ids. */
export interface MarketFixture {
  admin: string;
  products: TestProduct[];
  platforms: Record<string, { id: string; uuid: string }>;
}

export async function marketFixture(t: TestApp, sizeRuns: string[][]): Promise<MarketFixture> {
  const admin = (await t.createAccount({ admin: true })).token;
  const products = await createProducts(t, admin, sizeRuns);
  return { admin, products, platforms: await platformIds(t) };
}

let clock = Date.now() - 6 * 3_600_000;

/** One market observation: [variant uuid, platform slug, lowest ask, highest bid, last sale, extras]. */
export type Quote = { variant: string; platform: string; ask?: string | null; bid?: string | null; last?: string | null; sales7d?: number; sales30d?: number; volatility?: string; currency?: string };

/** Ingests quotes as the newest snapshots (one second after the previous call) through the real ingest path. */
export async function quote(t: TestApp, fixture: MarketFixture, quotes: Quote[]): Promise<void> {
  clock += 1000;
  const rows: SnapshotRow[] = quotes.map((q) => ({
    variantId: q.variant,
    platformId: fixture.platforms[q.platform].uuid,
    lowestAsk: q.ask ?? null,
    highestBid: q.bid ?? null,
    lastSale: q.last ?? null,
    sales7d: q.sales7d ?? null,
    sales30d: q.sales30d ?? null,
    volatility: q.volatility ?? null,
    currency: q.currency ?? 'USD',
    capturedAt: new Date(clock),
    source: 'API',
  }));
  const result = await ingestMarketSnapshots(t.app.orm.em.fork(), t.app.pubsub, rows);
  if (result.rowErrors.length) throw new Error(`ingest failed: ${JSON.stringify(result.rowErrors)}`);
}

/** Adds an inventory item through the API and returns its global id. */
export async function addItem(t: TestApp, token: string, variantId: string, purchasePrice: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await t.request(AddInventoryItemDocument, { input: { variantId, purchasePrice, ...extra } }, token);
  const payload = res.body.data?.addInventoryItem;
  if (!payload?.inventoryItem) throw new Error(`addInventoryItem failed: ${JSON.stringify(res.body)}`);
  return payload.inventoryItem.id;
}

/** Creates a listing through the API and returns the payload (throws on errors). */
export async function listItem(t: TestApp, token: string, input: CreateListingInput) {
  const res = await t.request(CreateListingDocument, { input }, token);
  const payload = res.body.data?.createListing;
  if (!payload?.listing) throw new Error(`createListing failed: ${JSON.stringify(res.body)}`);
  return payload;
}

/** Every row of the given tables, as JSON, in a stable order: proves a request wrote nothing. */
export async function tableContents(t: TestApp, tables: string[]): Promise<string> {
  const connection = t.app.orm.em.getConnection();
  const parts: string[] = [];
  for (const table of tables) {
    const rows = (await connection.execute(`select to_jsonb(x) as row from ${table} x order by to_jsonb(x)::text`)) as Array<{ row: unknown }>;
    parts.push(`${table}: ${JSON.stringify(rows.map((r) => r.row))}`);
  }
  return parts.join('\n');
}

/** Runs SQL against the test database (for checks only). */
export function sql<T = Record<string, unknown>>(t: TestApp, text: string, params: unknown[] = []): Promise<T[]> {
  return t.app.orm.em.getConnection().execute(text, params) as Promise<T[]>;
}
