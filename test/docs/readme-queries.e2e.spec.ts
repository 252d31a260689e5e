import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { startTestApp, type TestApp } from '../support/app';

/** Every GraphQL block of the README, so the first queries a new user pastes keep working. */
const blocks = [...readFileSync('README.md', 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp({ SEED_DEMO: 'true' });
  ({ token } = await t.createAccount());
});
afterAll(() => t?.stop());

it('has GraphQL examples', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(3);
});

it.each(blocks.map((query, i) => [i, query] as const))('README example %i runs without errors', async (_i, query) => {
  const operation = parse(query).definitions[0];
  if (operation.kind === 'OperationDefinition' && operation.operation === 'subscription') {
    const client = t.wsClient(token);
    const errors = await new Promise<unknown>((resolve) => {
      const stop = client.subscribe({ query }, { next: () => undefined, error: resolve, complete: () => resolve(undefined) });
      setTimeout(() => {
        stop();
        resolve(undefined);
      }, 300);
    });
    expect(errors).toBeUndefined();
    return;
  }
  const res = await t.request(query, undefined, token);
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data).toBeTruthy();
});
