import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ ANONYMOUS_RATE_LIMIT_PER_MINUTE: '3' });
});
afterAll(() => t?.stop());

const post = (token?: string) =>
  fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: '{ __typename }' }),
  });

it('limits anonymous callers per minute with 429, Retry-After and a hint to authenticate', async () => {
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await post()).status);
  expect(statuses).toEqual([200, 200, 200]);
  const refused = await post();
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  const body = (await refused.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
  expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
  expect(body.errors[0].message).toMatch(/API key for a higher limit/);
});

it('gives an API key ten times the anonymous budget, counted apart from anonymous traffic', async () => {
  const { token } = await t.createAccount();
  const statuses = [];
  for (let i = 0; i < 30; i++) statuses.push((await post(token)).status);
  expect(statuses.every((s) => s === 200)).toBe(true);
  expect((await post(token)).status).toBe(429);
});
