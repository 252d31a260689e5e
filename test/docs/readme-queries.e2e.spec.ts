import { readFileSync } from 'node:fs';
import { parse, type OperationDefinitionNode } from 'graphql';
import { ingestMarketSnapshots } from '../../src/domains/market';
import { startTestApp, type TestApp } from '../support/app';
import { waitFor } from '../support/wait';

/** Every GraphQL block of the README, so the first queries a new user pastes keep working. */
const blocks = [...readFileSync('README.md', 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
const operationOf = (query: string) => parse(query).definitions[0] as OperationDefinitionNode;

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp({ SEED_DEMO: 'true' });
  ({ token } = await t.createAccount());
});
afterAll(() => t?.stop());

/**
 * What a user would call an answer: every top-level field present (a null product is "not found", not an example),
 * and every list the example asks for at the first two levels (products' edges, a product's sizes) non-empty.
 */
function emptyParts(data: Record<string, unknown>): string[] {
  const empty: string[] = [];
  for (const [field, value] of Object.entries(data)) {
    if (value === null || (Array.isArray(value) && !value.length)) empty.push(field);
    else if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [child, list] of Object.entries(value as Record<string, unknown>)) {
        if (Array.isArray(list) && !list.length) empty.push(`${field}.${child}`);
      }
    }
  }
  return empty;
}

/** Moves one demo size's StockX ask twice (100 → 120), so a price-change subscription has an event to deliver. */
async function movePrice(): Promise<void> {
  const [ids] = await t.app.orm.em.fork().getConnection().execute(
    `select v.id as variant_id, pl.id as platform_id from variant v join product p on p.id = v.product_id, platform pl where pl.slug = 'stockx' order by p.sku, v.position limit 1`,
  );
  const at = t.clock.now().getTime();
  for (const [i, ask] of ['100.00', '120.00'].entries()) {
    const row = { variantId: ids.variant_id, platformId: ids.platform_id, lowestAsk: ask, currency: 'USD', capturedAt: new Date(at - 60_000 + i * 1000), source: 'MANUAL' as const };
    const result = await ingestMarketSnapshots(t.app.orm.em.fork(), t.app.pubsub, [row]);
    expect(result.rowErrors).toEqual([]);
  }
}

it('has GraphQL examples, a subscription among them', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(3);
  expect(blocks.some((query) => operationOf(query).operation === 'subscription')).toBe(true);
});

it.each(blocks.map((query, i) => [i, operationOf(query).name?.value ?? operationOf(query).operation, query] as const))(
  'README example %i (%s) answers with data',
  async (_i, _name, query) => {
    if (operationOf(query).operation === 'subscription') {
      const client = t.wsClient(token);
      const events: unknown[] = [];
      const errors: unknown[] = [];
      const live = await t.liveSubscriptions();
      const stop = client.subscribe({ query }, { next: (event) => void events.push(event), error: (error) => void errors.push(error), complete: () => undefined });
      try {
        await t.untilSubscriptions(live + 1);
        await movePrice();
        await waitFor('a price-change event', () => events.length > 0 || errors.length > 0);
      } finally {
        stop();
      }
      expect(errors).toEqual([]);
      const [first] = events as Array<{ data?: Record<string, unknown>; errors?: unknown }>;
      expect(first.errors).toBeUndefined();
      expect(emptyParts(first.data!)).toEqual([]);
      return;
    }
    const res = await t.request<Record<string, unknown>, never>(query, undefined, token);
    expect(res.body.errors).toBeUndefined();
    expect(emptyParts(res.body.data!)).toEqual([]);
  },
);
