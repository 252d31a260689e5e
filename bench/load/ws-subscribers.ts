import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** One subscriber: its subscription document and variables. */
export interface SubscriberSpec {
  query: string;
  variables?: Record<string, unknown>;
}

/** What each worker thread is given. */
export interface SubscriberWorkerData {
  url: string;
  token?: string;
  subscribers: SubscriberSpec[];
  /** Where the event's own timestamp sits in `data`, e.g. ['priceChanged', 'at']. */
  timePath: string[];
  connectConcurrency: number;
  connectTimeoutMs: number;
}

export type SubscriberCommand = 'collect' | 'close';

export type SubscriberWorkerMessage =
  | { type: 'ready'; acked: number; failed: number; errors: string[] }
  | { type: 'samples'; eventTimes: Float64Array; receivedAt: Float64Array; subscribers: Uint32Array; unexpectedCloses: number; errors: string[] }
  | { type: 'closed'; forced: number };

/** Deliveries since the last collect: per delivery the event's time, the receive time (epoch ms) and the subscriber. */
export interface Deliveries {
  eventTimes: Float64Array;
  receivedAt: Float64Array;
  /** Index of the receiving subscriber, in the order the subscribers were given. */
  subscribers: Uint32Array;
  unexpectedCloses: number;
  errors: string[];
}

/** Open subscribers spread over worker threads. */
export interface SubscriberPool {
  /** Subscribers whose connection was acknowledged (their subscribe message is sent). */
  acked: number;
  failed: number;
  errors: string[];
  /** Deliveries recorded since the previous collect (or since the subscribers opened). */
  collect(): Promise<Deliveries>;
  /** Closes every socket (normal closure; terminated after 5 s) and ends the threads. */
  close(): Promise<void>;
}

const WORKER_FILE = path.join(__dirname, `ws-subscribers.worker${path.extname(__filename)}`);
const BOOTSTRAP = `${WORKER_FILE.endsWith('.ts') ? "require('@swc-node/register');" : ''} require(${JSON.stringify(WORKER_FILE)});`;

class ThreadClient {
  private pending: Array<(message: SubscriberWorkerMessage) => void> = [];
  private failure: Error | undefined;

  constructor(readonly worker: Worker) {
    worker.on('message', (message: SubscriberWorkerMessage) => this.pending.shift()?.(message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`subscriber thread exited (code ${code})`)));
  }

  private fail(error: Error) {
    this.failure ??= error;
    for (const waiter of this.pending.splice(0)) waiter({ type: 'closed', forced: -1 });
  }

  next(timeoutMs: number): Promise<SubscriberWorkerMessage> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`subscriber thread did not answer within ${timeoutMs} ms`)), timeoutMs);
      this.pending.push((message) => {
        clearTimeout(timer);
        if (this.failure && message.type === 'closed' && message.forced === -1) reject(this.failure);
        else resolve(message);
      });
    });
  }

  send(command: SubscriberCommand, timeoutMs: number): Promise<SubscriberWorkerMessage> {
    const answer = this.next(timeoutMs);
    this.worker.postMessage(command);
    return answer;
  }
}

/**
 * Opens `subscribers` graphql-ws clients against `url` (ws://host:port/graphql) from `threads` worker threads
 * (own event loops, sharing the machine's CPUs with the server), each subscription started as soon as its
 * connection is acknowledged. Resolves once every socket was acknowledged or failed.
 */
export async function openSubscribers(options: {
  url: string;
  token?: string;
  subscribers: SubscriberSpec[];
  timePath: string[];
  threads?: number;
  connectConcurrency?: number;
  connectTimeoutMs?: number;
}): Promise<SubscriberPool> {
  const threads = Math.max(1, Math.min(options.threads ?? 2, options.subscribers.length));
  const clients: ThreadClient[] = [];
  const slices: Array<{ start: number; end: number }> = [];
  const per = Math.ceil(options.subscribers.length / threads);
  for (let t = 0; t < threads; t++) {
    const start = t * per;
    const end = Math.min(options.subscribers.length, start + per);
    if (start >= end) break;
    slices.push({ start, end });
    const workerData: SubscriberWorkerData = {
      url: options.url,
      token: options.token,
      subscribers: options.subscribers.slice(start, end),
      timePath: options.timePath,
      connectConcurrency: options.connectConcurrency ?? 50,
      connectTimeoutMs: options.connectTimeoutMs ?? 30_000,
    };
    clients.push(new ThreadClient(new Worker(BOOTSTRAP, { eval: true, execArgv: [], workerData })));
  }
  const openTimeout = (options.connectTimeoutMs ?? 30_000) * Math.ceil(per / (options.connectConcurrency ?? 50)) + 60_000;
  let ready: SubscriberWorkerMessage[];
  try {
    ready = await Promise.all(clients.map((c) => c.next(openTimeout)));
  } catch (error) {
    await Promise.all(clients.map((c) => c.worker.terminate()));
    throw error;
  }
  const pool: SubscriberPool = {
    acked: 0,
    failed: 0,
    errors: [],
    async collect() {
      const parts = (await Promise.all(clients.map((c) => c.send('collect', 30_000)))) as Array<Extract<SubscriberWorkerMessage, { type: 'samples' }>>;
      const total = parts.reduce((n, p) => n + p.eventTimes.length, 0);
      const eventTimes = new Float64Array(total);
      const receivedAt = new Float64Array(total);
      const subscribers = new Uint32Array(total);
      let offset = 0;
      parts.forEach((p, i) => {
        eventTimes.set(p.eventTimes, offset);
        receivedAt.set(p.receivedAt, offset);
        for (let j = 0; j < p.subscribers.length; j++) subscribers[offset + j] = p.subscribers[j] + slices[i].start;
        offset += p.eventTimes.length;
      });
      return { eventTimes, receivedAt, subscribers, unexpectedCloses: parts.reduce((n, p) => n + p.unexpectedCloses, 0), errors: parts.flatMap((p) => p.errors) };
    },
    async close() {
      await Promise.all(clients.map((c) => c.send('close', 15_000).catch(() => undefined)));
      await Promise.all(clients.map((c) => c.worker.terminate()));
    },
  };
  for (const message of ready) {
    if (message.type !== 'ready') continue;
    pool.acked += message.acked;
    pool.failed += message.failed;
    pool.errors.push(...message.errors);
  }
  return pool;
}
