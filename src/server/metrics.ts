import { Router } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one process. */
export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests = new Histogram({
    name: 'marketgraph_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly operations = new Counter({
    name: 'marketgraph_graphql_operations_total',
    help: 'GraphQL operations by transport, type and outcome.',
    labelNames: ['transport', 'type', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly websockets = new Gauge({
    name: 'marketgraph_websocket_connections',
    help: 'Open WebSocket connections.',
    registers: [this.registry],
  });
  readonly subscriptions = new Gauge({
    name: 'marketgraph_graphql_subscriptions',
    help: 'Live GraphQL subscriptions (listening for events) over WebSocket.',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'marketgraph_' });
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** `GET /metrics` in Prometheus format; with a token, only for `Authorization: Bearer <token>`. */
export function metricsRouter(metrics: Metrics, token?: string): Router {
  const router = Router();
  const expected = token ? digest(`Bearer ${token}`) : undefined;
  router.get('/metrics', async (req, res) => {
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      res.set('WWW-Authenticate', 'Bearer').status(401).type('text/plain').send('Metrics need Authorization: Bearer <METRICS_TOKEN>.\n');
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
