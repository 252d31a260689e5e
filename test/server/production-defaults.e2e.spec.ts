import type { GraphQLFormattedError } from 'graphql';
import { startTestApp, wsExecute, type TestApp } from '../support/app';

const INTROSPECTION = '{ __schema { queryType { name } } }';
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

async function wsErrors(app: TestApp, query: string): Promise<readonly GraphQLFormattedError[]> {
  try {
    return (await wsExecute(app.wsClient(), query)).errors ?? [];
  } catch (errors) {
    return errors as GraphQLFormattedError[];
  }
}

describe('production without overrides', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => prod?.stop());

  it('refuses introspection over HTTP and WebSocket', async () => {
    const http = await prod.request<unknown, never>(INTROSPECTION);
    expect(http.status).toBe(400);
    expect(http.body.errors![0]).toMatchObject({ message: expect.stringMatching(/introspection/i), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const ws = await wsErrors(prod, INTROSPECTION);
    expect(ws[0]).toMatchObject({ message: expect.stringMatching(/introspection/i), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect((await prod.request<unknown, never>('{ platforms { slug } }')).body.errors).toBeUndefined();
  });

  it('serves no GraphiQL', async () => {
    expect((await fetch(`${prod.url}/graphiql`)).status).toBe(404);
    const browser = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(browser.status).not.toBe(302);
  });
});

describe('production with GRAPHQL_INTROSPECTION, GRAPHIQL and METRICS_TOKEN', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await startTestApp({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', GRAPHIQL: 'true', METRICS_TOKEN });
  });
  afterAll(() => prod?.stop());

  it('answers introspection and serves GraphiQL when enabled', async () => {
    const http = await prod.request<{ __schema: { queryType: { name: string } } }, never>(INTROSPECTION);
    expect(http.body.data!.__schema.queryType.name).toBe('Query');
    expect(await wsErrors(prod, INTROSPECTION)).toEqual([]);
    expect((await fetch(`${prod.url}/graphiql`)).status).toBe(200);
  });

  it('answers /metrics only with the bearer token', async () => {
    expect((await fetch(`${prod.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${prod.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    const metrics = await fetch(`${prod.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^marketgraph_graphql_operations_total/m);
  });
});

describe('METRICS_PORT', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ METRICS_PORT: '0' });
  });
  afterAll(() => app?.stop());

  it('serves /metrics on its own port and not on the API port', async () => {
    const metricsUrl = app.app.gateway!.metricsUrl;
    expect(metricsUrl).not.toContain(app.url);
    expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
    const metrics = await fetch(metricsUrl);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^marketgraph_websocket_connections \d+/m);
  });
});
