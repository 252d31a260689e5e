import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** One closed-loop HTTP load: `connections` clients sending the same POST back to back. */
export interface HttpLoadRequest {
  url: string;
  headers: Record<string, string>;
  /** Request bodies, sent in turn by every connection (one body: the same request over and over). */
  bodies: string[];
  connections: number;
  durationSeconds: number;
  timeoutSeconds: number;
  /** Count responses carrying GraphQL `errors` as mismatches. */
  verifyGraphql: boolean;
  /**
   * Also count mutation payloads with user errors (a non-empty `errors` list in any top-level field of
   * `data`, e.g. `addInventoryItem { errors }`) as mismatches.
   */
  verifyPayloadErrors?: boolean;
  /**
   * Requests per second over all connections (autocannon `overallRate`): each connection sends its share
   * of every second back to back, then waits for the next second. Unset: closed loop, as fast as answered.
   */
  overallRate?: number;
  /**
   * Also report the figures of every window of this many seconds while the load runs (to `onWindow` of
   * {@link runHttpLoad}); the last window ends with the load and may be shorter.
   */
  windowSeconds?: number;
}

/** What the worker thread reports back: the whole load at the end, and (with `windowSeconds`) each window with `window` set. */
export interface HttpLoadWorkerResult {
  /** Set on a window's figures; `last` for the one that ended with the load. */
  window?: 'next' | 'last';
  durationSeconds: number;
  completed: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  statusCodes: Record<string, number>;
  /** Milliseconds of every 2xx response. */
  latencies: Float64Array;
}

/** Figures of one measured load. Latencies in milliseconds, over 2xx responses. */
export interface HttpLoadFigures {
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Requests that got no response (connection errors and timeouts). */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Responses whose body carried top-level GraphQL `errors` (non-2xx ones included). */
  graphqlErrors: number;
  statusCodes: Record<string, number>;
}

/** Nearest-rank percentile of ascending samples. */
export function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const WORKER_FILE = path.join(__dirname, `http-load.worker${path.extname(__filename)}`);
// Under @swc-node/register the worker needs the TypeScript hook too; compiled runs load plain JS.
const BOOTSTRAP = `${WORKER_FILE.endsWith('.ts') ? "require('@swc-node/register');" : ''} require(${JSON.stringify(WORKER_FILE)});`;

/**
 * Runs autocannon in a worker thread; stops early (and still reports) when `signal` aborts. With
 * `request.windowSeconds`, `onWindow` gets each window's figures as it ends (the last one before the promise resolves).
 */
export function runHttpLoad(request: HttpLoadRequest, signal?: AbortSignal, onWindow?: (figures: HttpLoadFigures, last: boolean) => void): Promise<HttpLoadFigures> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted before the load started'));
    const worker = new Worker(BOOTSTRAP, { eval: true, execArgv: [], workerData: request });
    const hardStop = setTimeout(() => void worker.terminate(), (request.durationSeconds + request.timeoutSeconds + 30) * 1000);
    const onAbort = () => {
      worker.postMessage('stop');
      setTimeout(() => void worker.terminate(), 5000).unref();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => {
      clearTimeout(hardStop);
      signal?.removeEventListener('abort', onAbort);
    };
    const figures = (message: HttpLoadWorkerResult): HttpLoadFigures => {
      const sorted = message.latencies.sort();
      return {
        connections: request.connections,
        durationSeconds: message.durationSeconds,
        requests: message.completed,
        requestsPerSecond: message.completed / message.durationSeconds,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        max: sorted.length ? sorted[sorted.length - 1] : NaN,
        errors: message.errors,
        timeouts: message.timeouts,
        non2xx: message.non2xx,
        graphqlErrors: message.mismatches,
        statusCodes: message.statusCodes,
      };
    };
    const onMessage = (message: HttpLoadWorkerResult | { error: string }) => {
      if (!('error' in message) && message.window) return onWindow?.(figures(message), message.window === 'last');
      worker.off('message', onMessage);
      settle();
      void worker.terminate();
      if ('error' in message) return reject(new Error(`load generator failed: ${message.error}`));
      resolve(figures(message));
    };
    worker.on('message', onMessage);
    worker.once('error', (error) => {
      settle();
      reject(error);
    });
    worker.once('exit', (code) => {
      settle();
      reject(new Error(`load generator exited (code ${code}) before reporting`));
    });
  });
}
