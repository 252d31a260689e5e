import { formatCount } from '../report';
import { loadReport, measureGraphql } from '../load/graphql-load';
import type { Scenario } from '../scenario';

const CATALOG = { products: 1000, sizesPerProduct: 20 };
const PAGE = 50;

const QUERY = `query BenchProducts($first: Int!) {
  products(first: $first) { edges { node { sku variants { sizeKey } } } }
}`;

type ProductsData = { products?: { edges?: Array<{ node: { sku: string; variants: Array<{ sizeKey: string }> } }> } };

/** A list page with a batched relation: one page of products plus their variants through the loader. */
export const productsScenario: Scenario = {
  name: 'products',
  description: `products(first: ${PAGE}) { edges { node { sku variants { sizeKey } } } } on ${formatCount(CATALOG.products)} products × ${CATALOG.sizesPerProduct} sizes`,
  timeoutSeconds: 180,
  async run({ env, options, signal, progress }) {
    const gateway = await env.gateway();
    progress(`loading ${CATALOG.products} products × ${CATALOG.sizesPerProduct} sizes`);
    const catalog = await env.catalog(CATALOG);
    progress(`products(first: ${PAGE}): 32 connections`);
    const result = await measureGraphql(
      gateway,
      {
        label: `products(first: ${PAGE}) × variants`,
        query: QUERY,
        variables: { first: PAGE },
        connections: 32,
        durationSeconds: 10,
        check: (data) => {
          const edges = (data as ProductsData).products?.edges ?? [];
          const sizes = edges.map((e) => e.node.variants.length);
          if (edges.length !== PAGE) return `expected ${PAGE} products, got ${edges.length}`;
          if (sizes.some((n) => n !== CATALOG.sizesPerProduct)) return `expected ${CATALOG.sizesPerProduct} variants per product, got ${sizes.join(',')}`;
          return null;
        },
      },
      options,
      signal,
    );
    return loadReport('products — products(first: 50) { edges { node { sku variants { sizeKey } } } }, authenticated', [result], [
      `dataset: ${formatCount(catalog.products)} products, ${formatCount(catalog.variants)} variants, ${formatCount(catalog.externalRefs)} external refs (loaded in ${formatCount(catalog.ms)} ms)`,
      `each response: ${PAGE} products and ${PAGE * CATALOG.sizesPerProduct} variants`,
    ]);
  },
};
