import { UpdateOrderStatusDocument } from '../generated/graphql';
import { startTestApp, wsExecute, type TestApp } from '../support/app';
import { openOrderStreams } from '../../src/domains/selling';
import { collect, marketFixture, recordSale, waitFor, type MarketFixture } from './orders-support';

let t: TestApp;
let fx: MarketFixture;

const SUBSCRIPTION = 'subscription { orderChanged { id externalOrderNumber status netProfit items { quantity variant { sizeKey } } } }';
type Event = { orderChanged: { id: string; externalOrderNumber: string; status: string; netProfit: string | null; items: Array<{ quantity: number; variant: { sizeKey: string } | null }> } };

beforeAll(async () => {
  t = await startTestApp();
  fx = await marketFixture(t, [['9']]);
});
afterAll(() => t?.stop());

it("delivers each account's order events to that account only, rebuilt fresh for every event", async () => {
  const alice = await t.createAccount();
  const bob = await t.createAccount();
  const streamsBefore = openOrderStreams();
  const aliceEvents = collect<Event>(t.wsClient(alice.token), SUBSCRIPTION);
  const bobEvents = collect<Event>(t.wsClient(bob.token), SUBSCRIPTION);
  await waitFor('2 orderChanged stream(s)', () => openOrderStreams() >= streamsBefore + 2);
  const variantId = fx.products[0].variants[0].id;

  const aliceOrder = await recordSale(t, alice.token, { platform: 'manual', variantId, salePrice: '100.00', costBasis: '60.00', externalOrderNumber: 'A-1', status: 'PENDING' });
  await aliceEvents.until(1);
  const confirmed = await t.request(UpdateOrderStatusDocument, { input: { id: aliceOrder.id, status: 'CONFIRMED' } }, alice.token);
  expect(confirmed.body.data!.updateOrderStatus.errors).toEqual([]);
  await recordSale(t, bob.token, { platform: 'manual', variantId, salePrice: '50.00', externalOrderNumber: 'B-1' });
  // Bob's only event arrives after Alice's two were published: had Bob's stream carried Alice's, they would be here first.
  await bobEvents.until(1);
  await aliceEvents.until(2);

  expect(aliceEvents.results.map((e) => [e.orderChanged.externalOrderNumber, e.orderChanged.status])).toEqual([['A-1', 'PENDING'], ['A-1', 'CONFIRMED']]);
  expect(aliceEvents.results[0].orderChanged).toMatchObject({ id: aliceOrder.id, netProfit: '40', items: [{ quantity: 1, variant: { sizeKey: '9' } }] });
  expect(bobEvents.results.map((e) => e.orderChanged.externalOrderNumber)).toEqual(['B-1']);
  aliceEvents.dispose();
  bobEvents.dispose();
});

it('refuses anonymous subscribers', async () => {
  const result = await wsExecute<Event>(t.wsClient(), SUBSCRIPTION).catch((error: unknown) => ({ errors: error as never }));
  expect(JSON.stringify(result.errors)).toContain('UNAUTHENTICATED');
});
