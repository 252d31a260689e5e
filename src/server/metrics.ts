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
