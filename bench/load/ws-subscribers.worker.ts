import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import type { SubscriberCommand, SubscriberWorkerData, SubscriberWorkerMessage } from './ws-subscribers';

/*
 * A few hundred to a few thousand graphql-ws (graphql-transport-ws) clients in one thread: raw `ws` sockets
 * speaking the protocol directly, so a delivery costs one JSON.parse here and nothing else. For each `next`
 * message it records the receive time and the time the payload carries at `timePath` (e.g. priceChanged.at).
 */
const data = workerData as SubscriberWorkerData;
const sockets: WebSocket[] = [];
let times = new Float64Array(1 << 16);
let received = new Float64Array(1 << 16);
let owners = new Uint32Array(1 << 16);
let count = 0;
let acked = 0;
let failed = 0;
let unexpectedCloses = 0;
let closing = false;
const errors: string[] = [];

const noteError = (message: string) => {
  if (errors.length < 5) errors.push(message.slice(0, 300));
};

function record(subscriber: number, eventTime: number, receivedAt: number): void {
  if (count === times.length) {
    const grow = <A extends Float64Array | Uint32Array>(a: A): A => {
      const b = new (a.constructor as new (n: number) => A)(a.length * 2);
      b.set(a);
      return b;
    };
    times = grow(times);
    received = grow(received);
    owners = grow(owners);
  }
  times[count] = eventTime;
  received[count] = receivedAt;
  owners[count] = subscriber;
  count++;
}

function timeOf(payload: unknown): number {
  let value = payload as Record<string, unknown> | undefined;
  for (const key of data.timePath) value = value?.[key] as Record<string, unknown> | undefined;
  return typeof value === 'string' ? Date.parse(value) : NaN;
}

function open(index: number): Promise<void> {
  const spec = data.subscribers[index];
  return new Promise((resolve) => {
    let settled = false;
    const done = (ok: boolean, why?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (ok) acked++;
      else {
        failed++;
        if (why) noteError(why);
      }
      resolve();
    };
    const timer = setTimeout(() => {
      done(false, 'connection_ack not received in time');
      socket.terminate();
    }, data.connectTimeoutMs);
    const socket = new WebSocket(data.url, 'graphql-transport-ws', { perMessageDeflate: false });
    sockets.push(socket);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: data.token ? { Authorization: `Bearer ${data.token}` } : {} })));
    socket.on('message', (raw) => {
      const receivedAt = Date.now();
      const message = JSON.parse(raw.toString()) as { type: string; id?: string; payload?: { data?: unknown; errors?: unknown } | unknown[] };
      switch (message.type) {
        case 'next': {
          const payload = message.payload as { data?: unknown; errors?: unknown };
          if (payload.errors) noteError(`next with errors: ${JSON.stringify(payload.errors)}`);
          record(index, timeOf(payload.data), receivedAt);
          break;
        }
        case 'connection_ack':
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: spec.query, variables: spec.variables ?? {} } }));
          done(true);
          break;
        case 'ping':
          socket.send(JSON.stringify({ type: 'pong' }));
          break;
        case 'error':
          noteError(`subscription error: ${JSON.stringify(message.payload)}`);
          break;
        case 'complete':
          noteError('subscription completed by the server');
          break;
      }
    });
    socket.on('error', (error) => done(false, error.message));
    socket.on('close', (code, reason) => {
      if (!closing) {
        unexpectedCloses++;
        noteError(`socket closed by the server: ${code} ${reason.toString()}`);
      }
      done(false, `closed before ack: ${code}`);
    });
  });
}

async function openAll(): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(data.connectConcurrency, data.subscribers.length) }, async () => {
    while (next < data.subscribers.length) await open(next++);
  });
  await Promise.all(lanes);
  post({ type: 'ready', acked, failed, errors: [...errors] });
}

function post(message: SubscriberWorkerMessage, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

parentPort!.on('message', (command: SubscriberCommand) => {
  if (command === 'collect') {
    const eventTimes = times.slice(0, count);
    const receivedAt = received.slice(0, count);
    const subscribers = owners.slice(0, count);
    count = 0;
    post({ type: 'samples', eventTimes, receivedAt, subscribers, unexpectedCloses, errors: errors.splice(0) }, [eventTimes.buffer, receivedAt.buffer, subscribers.buffer]);
  } else if (command === 'close') {
    closing = true;
    const open = sockets.filter((s) => s.readyState !== WebSocket.CLOSED);
    let left = open.length;
    const finish = () => {
      clearTimeout(timer);
      for (const s of sockets) if (s.readyState !== WebSocket.CLOSED) s.terminate();
      post({ type: 'closed', forced: left });
    };
    const timer = setTimeout(finish, 5000);
    if (!left) return finish();
    for (const s of open) {
      s.once('close', () => {
        if (--left === 0) finish();
      });
      s.close(1000, 'bench done');
    }
  }
});

void openAll();
