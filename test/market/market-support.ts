import type { Client } from 'graphql-ws';
import { uuidOf } from '../../src/common/node';
import { PlatformsDocument, UpsertProductsDocument } from '../generated/graphql';
import type { TestApp } from '../support/app';
import { waitFor } from '../support/wait';

export { waitFor };

/** A product created through the admin API, with its sizes' global ids and UUIDs. */
export interface TestProduct {
  id: string;
  uuid: string;
  sku: string;
  variants: Array<{ id: string; uuid: string; sizeKey: string }>;
}

let skuCounter = 0;

/** Creates one sneaker per size list through upsertProducts, and reads back its sizes' ids. */
export async function createProducts(t: TestApp, adminToken: string, sizeRuns: string[][]): Promise<TestProduct[]> {
  const products = sizeRuns.map((sizes) => ({
    sku: `MK${process.pid}X${++skuCounter}X${Math.random().toString(36).slice(2, 6)}`.toUpperCase(),
    brand: 'Jordan',
    model: 'Air Jordan 1',
    name: `Market Test ${skuCounter}`,
    category: 'SNEAKERS' as const,
    variants: sizes.map((sizeKey) => ({ sizeKey })),
  }));
  const created = await t.request(UpsertProductsDocument, { input: { products } }, adminToken);
  if (created.body.errors || created.body.data!.upsertProducts.errors.length) throw new Error(`upsertProducts failed: ${JSON.stringify(created.body)}`);
  const ids = created.body.data!.upsertProducts.products.map((p) => p.id);
  const read = await t.request<{ nodes: Array<{ id: string; sku: string; variants: Array<{ id: string; sizeKey: string }> }> }, { ids: string[] }>(
    'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Product { id sku variants { id sizeKey } } } }',
    { ids },
  );
  return read.body.data!.nodes.map((p) => ({
    id: p.id,
    uuid: uuidOf(p.id, 'Product')!,
    sku: p.sku,
    variants: p.variants.map((v) => ({ id: v.id, sizeKey: v.sizeKey, uuid: uuidOf(v.id, 'Variant')! })),
  }));
}

/** Platform UUIDs and global ids by slug. */
export async function platformIds(t: TestApp): Promise<Record<string, { id: string; uuid: string }>> {
  const res = await t.request(PlatformsDocument, {});
  return Object.fromEntries(res.body.data!.platforms.map((p) => [p.slug, { id: p.id, uuid: uuidOf(p.id, 'Platform')! }]));
}


/** A live subscription collecting every result it receives. */
export interface Collector<T> {
  results: T[];
  errors: unknown[];
  /** Resolves once at least `n` results arrived. */
  until(n: number): Promise<T[]>;
  dispose(): void;
}

export function collect<T>(client: Client, query: string, variables?: Record<string, unknown>): Collector<T> {
  const results: T[] = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => (value.errors ? errors.push(value.errors) : results.push(value.data as T)),
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return {
    results,
    errors,
    async until(n) {
      await waitFor(`${n} subscription results (have ${results.length}, errors ${JSON.stringify(errors)})`, () => results.length >= n || errors.length > 0);
      if (errors.length) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
      return results;
    },
    dispose,
  };
}
