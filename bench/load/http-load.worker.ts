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
    verifyBody: request.verifyGraphql ? graphqlOk : undefined,
  },
  (error, result) => {
    if (error) {
      parentPort!.postMessage({ error: String((error as Error)?.message ?? error) });
      return;
    }
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
});

parentPort!.on('message', (message) => {
  if (message === 'stop') instance.stop();
});
