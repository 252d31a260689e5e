import { loadReport, measureGraphql } from '../load/graphql-load';
import { formatCount } from '../report';
import type { Scenario } from '../scenario';
import { loadSellingBook, SELLING_BOOK } from '../selling-dataset';

const CATALOG = { products: 1000, sizesPerProduct: 20 };
const PAGE = 50;

const QUERY = `query BenchInventory($first: Int!) {
  inventory(first: $first) {
    edges { node {
      id quantityAvailable
      marketplaceData { platform { slug } ourAsk { amount } lowestAsk { amount } highestBid { amount } feeRate estimatedNet { amount } }
      valuation { platforms { platform { slug } unitNet { amount } unrealizedProfit { amount } } best { platform { slug } unitNet { amount } } }
    } }
  }
}`;

type InventoryData = { inventory?: { edges?: Array<{ node: { marketplaceData: unknown[]; valuation: { platforms: unknown[]; best: unknown } } }> } };

/** The inventory page with per-platform market data and valuations computed on read (loaders: constant statements). */
export const inventoryScenario: Scenario = {
  name: 'inventory',
  description: `inventory(first: ${PAGE}) with marketplaceData and valuation, ${formatCount(SELLING_BOOK.items)} items listed on StockX, prices on StockX and eBay`,
  timeoutSeconds: 240,
  async run({ env, options, signal, progress }) {
    const gateway = await env.gateway();
    progress(`loading ${CATALOG.products} products × ${CATALOG.sizesPerProduct} sizes and ${SELLING_BOOK.items} inventory items`);
    await env.catalog(CATALOG);
    const pool = await env.database();
    const client = await pool.connect();
    const book = await loadSellingBook(client, SELLING_BOOK).finally(() => client.release());
    progress(`inventory(first: ${PAGE}) with valuation: 32 connections`);
    const result = await measureGraphql(
      gateway,
      {
        label: `inventory(first: ${PAGE}) { marketplaceData valuation }`,
        query: QUERY,
        variables: { first: PAGE },
        connections: 32,
        durationSeconds: 10,
        check: (data) => {
          const edges = (data as InventoryData).inventory?.edges ?? [];
          if (edges.length !== PAGE) return `expected ${PAGE} items, got ${edges.length}`;
          if (edges.some((e) => e.node.marketplaceData.length < 2 || e.node.valuation.platforms.length < 2 || !e.node.valuation.best)) return 'expected at least StockX and eBay data (other scenarios may add platforms) and a best platform for every item';
          return null;
        },
      },
      options,
      signal,
    );
    return loadReport(`inventory — inventory(first: ${PAGE}) { marketplaceData valuation }, authenticated`, [result], [
      `dataset: ${formatCount(book.items)} items, ${formatCount(book.listings)} listings, ${formatCount(book.prices)} latest prices written (loaded in ${formatCount(book.ms)} ms)`,
      `each response: ${PAGE} items × 2 platforms of market data and valuation; SQL per request is constant (test/inventory/inventory-sql-count.e2e.spec.ts)`,
    ]);
  },
};
