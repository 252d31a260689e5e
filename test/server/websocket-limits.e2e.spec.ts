import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    WS_MAX_CONNECTIONS_PER_IP: '2',
    WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '2',
    WS_MAX_SUBSCRIPTIONS_PER_ACCOUNT: '3',
    WS_CONNECTION_INIT_TIMEOUT_MS: '200',
  });
});
afterAll(() => t?.stop());

let lastIp = 0;
const freshIp = () => `192.0.2.${++lastIp}`;
const PRICE_CHANGED = 'subscription { priceChanged { field } }';

/** A graphql-ws client from `ip` (X-Forwarded-For through the trusted loopback proxy) that reports how it closed. */
function socketFrom(ip: string, token?: string) {
  class FromIp extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { 'x-forwarded-for': ip } });
    }
  }
  let onClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  let onConnected!: () => void;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const client: Client = createClient({
    url: t.wsUrl,
    webSocketImpl: FromIp,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    on: { connected: () => onConnected(), closed: (event) => onClosed(event as { code: number; reason: string }) },
  });
  return { client, closed, connected };
}

/** Starts a subscription and resolves once the server has accepted it (a `complete` from `{ __typename }` sent after it on the same socket). */
async function subscribe(client: Client, errors: unknown[]) {
  client.subscribe({ query: PRICE_CHANGED }, { next: () => undefined, error: (e) => errors.push(e), complete: () => undefined });
  // Messages of one socket are handled in order: once a later query completes, the subscription was accepted or refused.
  await new Promise<void>((resolve) => client.subscribe({ query: '{ __typename }' }, { next: () => undefined, error: () => resolve(), complete: () => resolve() }));
}

it('closes a socket with 4408 when connection_init does not arrive within WS_CONNECTION_INIT_TIMEOUT_MS', async () => {
  const socket = new WebSocket(t.wsUrl, 'graphql-transport-ws');
  const code = await new Promise<number>((resolve) => socket.on('close', (closeCode) => resolve(closeCode)));
  expect(code).toBe(4408);
});

it('waits as long as WS_CONNECTION_INIT_TIMEOUT_MS says, past graphql-ws\'s own 3 s default', async () => {
  const patient = await startTestApp({ WS_CONNECTION_INIT_TIMEOUT_MS: '60000' });
  try {
    const socket = new WebSocket(patient.wsUrl, 'graphql-transport-ws');
    const closes: number[] = [];
    socket.on('close', (code) => closes.push(code));
    await new Promise<void>((resolve) => socket.once('open', () => resolve()));
    // Only "not closed yet" is asserted here, 56 s before the configured deadline: a slow machine cannot make it fail.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(closes).toEqual([]);
    const ack = new Promise<string>((resolve) => socket.once('message', (data) => resolve(String(data))));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    expect(JSON.parse(await ack)).toMatchObject({ type: 'connection_ack' });
    socket.close();
  } finally {
    await patient.stop();
  }
});

it('caps subscriptions per socket: one more closes the socket with 4429', async () => {
  const { client, closed } = socketFrom(freshIp());
  const errors: unknown[] = [];
  await subscribe(client, errors);
  await subscribe(client, errors);
  expect(errors).toEqual([]);
  client.subscribe({ query: PRICE_CHANGED }, { next: () => undefined, error: () => undefined, complete: () => undefined });
  expect(await closed).toMatchObject({ code: 4429, reason: 'Too many subscriptions on this connection' });
  await client.dispose();
});

it('caps subscriptions per account over all its sockets', async () => {
  const { token } = await t.createAccount();
  const first = socketFrom(freshIp(), token);
  const second = socketFrom(freshIp(), token);
  const errors: unknown[] = [];
  await subscribe(first.client, errors);
  await subscribe(first.client, errors);
  await subscribe(second.client, errors);
  expect(errors).toEqual([]);
  second.client.subscribe({ query: PRICE_CHANGED }, { next: () => undefined, error: () => undefined, complete: () => undefined });
  expect(await second.closed).toMatchObject({ code: 4429, reason: 'Too many subscriptions for this account' });
  // Closing a socket gives its subscriptions back to the account.
  const third = socketFrom(freshIp(), token);
  const thirdErrors: unknown[] = [];
  await subscribe(third.client, thirdErrors);
  expect(thirdErrors).toEqual([]);
  await Promise.all([first.client.dispose(), second.client.dispose(), third.client.dispose()]);
});

it('caps connections per IP: one more is closed with 4429; other addresses still connect', async () => {
  const ip = freshIp();
  const open = [socketFrom(ip), socketFrom(ip)];
  await Promise.all(open.map((s) => s.connected));
  const extra = socketFrom(ip);
  expect(await extra.closed).toMatchObject({ code: 4429 });
  const elsewhere = socketFrom(freshIp());
  await elsewhere.connected;
  await Promise.all([...open, extra, elsewhere].map((s) => s.client.dispose()));
});
