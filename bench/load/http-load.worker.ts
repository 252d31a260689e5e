import autocannon from 'autocannon';
import { parentPort, workerData } from 'node:worker_threads';
import type { HttpLoadRequest, HttpLoadWorkerResult } from './http-load';

/*
 * Runs in its own thread so the load generator never shares an event loop with the gateway.
 * Latencies are kept raw (autocannon's histogram has whole-millisecond resolution and no p95).
 */
const request = workerData as HttpLoadRequest;
const latencies: number[] = [];
let responses = 0;

/** The current window (with `windowSeconds`): counts since it began and its 2xx latencies. */
const newWindow = () => ({ started: performance.now(), completed: 0, errors: 0, timeouts: 0, non2xx: 0, mismatches: 0, statusCodes: {} as Record<string, number>, latencies: [] as number[] });
let current = newWindow();
const loadStarted = performance.now();

function postWindow(kind: 'next' | 'last'): void {
  const ended = current;
  current = newWindow();
  const samples = Float64Array.from(ended.latencies);
  const message: HttpLoadWorkerResult = {
    window: kind,
    durationSeconds: (performance.now() - ended.started) / 1000,
    completed: ended.completed,
    errors: ended.errors,
    timeouts: ended.timeouts,
    non2xx: ended.non2xx,
    mismatches: ended.mismatches,
    statusCodes: ended.statusCodes,
    latencies: samples,
  };
  parentPort!.postMessage(message, [samples.buffer]);
}
// A tick within half a window of the end is left to the final window, so whole windows are not split off a sliver.
const windows = request.windowSeconds
  ? setInterval(() => {
      if (performance.now() - loadStarted < (request.durationSeconds - request.windowSeconds! / 2) * 1000) postWindow('next');
    }, request.windowSeconds * 1000)
  : undefined;

/**
 * A GraphQL response counts as a mismatch when it carries top-level `errors` (and, with
 * `verifyPayloadErrors`, when a top-level field of `data` carries a non-empty `errors` list).
 */
const graphqlOk = (body: string | Buffer | undefined): boolean => {
  try {
    if (!body) return false;
    const result = JSON.parse(body.toString()) as { data?: Record<string, { errors?: unknown[] } | null>; errors?: unknown };
    if (result.errors) return false;
    return !request.verifyPayloadErrors || !Object.values(result.data ?? {}).some((field) => Array.isArray(field?.errors) && field.errors.length > 0);
  } catch {
    return false;
  }
};

const instance = autocannon(
  {
    url: request.url,
    method: 'POST',
    headers: request.headers,
    requests: request.bodies.map((body) => ({ method: 'POST', body })),
    connections: request.connections,
    duration: request.durationSeconds,
    timeout: request.timeoutSeconds,
    overallRate: request.overallRate,
    verifyBody: request.verifyGraphql
      ? (body) => {
          const ok = graphqlOk(body);
          if (!ok) current.mismatches++;
          return ok;
        }
      : undefined,
  },
  (error, result) => {
    clearInterval(windows);
    if (error) {
      parentPort!.postMessage({ error: String((error as Error)?.message ?? error) });
      return;
    }
    if (windows) postWindow('last');
    const samples = Float64Array.from(latencies);
    const message: HttpLoadWorkerResult = {
      durationSeconds: result.duration,
      completed: responses,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      mismatches: result.mismatches,
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, (stats as { count: number }).count])),
      latencies: samples,
    };
    parentPort!.postMessage(message, [samples.buffer]);
  },
);

instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  responses++;
  if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  if (!windows) return;
  current.completed++;
  current.statusCodes[statusCode] = (current.statusCodes[statusCode] ?? 0) + 1;
  if (statusCode >= 200 && statusCode < 300) current.latencies.push(responseTime);
  else current.non2xx++;
});
instance.on('reqError', (error: Error) => {
  current.errors++;
  if (error.message === 'request timed out') current.timeouts++;
});

parentPort!.on('message', (message) => {
  if (message === 'stop') instance.stop();
});
