import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type ErrorRequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Clock } from '../common/clock';
import type { PubSub, Topics } from '../common/pubsub';
import type { Config } from '../config/config';
import type { JobQueue } from '../jobs/job-queue';
import { API_KEY_REVOKED, onApiKeyRevokedHere } from '../domains/accounts';
import { taxReportRouter } from '../domains/selling';
import { createApollo } from './apollo';
import { graphiqlRouter, wantsGraphiql } from './graphiql';
import { graphqlHttp } from './graphql-http';
import { healthRouter } from './health';
import { ReadRetries } from './infrastructure-failure';
import { Metrics, metricsRouter } from './metrics';
import { admitRequests, RateLimits } from './rate-limit';
import { bearerToken, operationContext, viewerFor } from './request-context';
import { gatewaySchema } from './schema';
import { ViewerCache } from './viewer-cache';
import { attachWebsocket, clientIp } from './websocket';

/** Answers body-parser failures (too large, malformed JSON) as GraphQL-shaped JSON instead of Express's HTML page with a stack. */
function bodyErrors(maxBodyBytes: number): ErrorRequestHandler {
  return (error: { type?: string }, _req, res, next) => {
    if (error.type === 'entity.too.large') {
      res.status(413).json({ errors: [{ message: `Request body is larger than ${maxBodyBytes} bytes (MAX_BODY_BYTES).`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    } else if (error.type === 'entity.parse.failed') {
      res.status(400).json({ errors: [{ message: 'Request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    } else next(error);
  };
}

/** Listens on `port`; a port in use fails naming the variable that chose it. */
async function listen(server: Server, port: number, host: string, variable: string): Promise<Server> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`${variable}=${port}: the port is already in use; choose another ${variable}.`) : error),
    );
    server.listen(port, host, resolve);
  });
  return server;
}

/** `PubSub` types every topic as keyable (subscribe needs an id); this view subscribes to an un-keyed topic. */
interface UnkeyedSubscriber {
  subscribe<K extends keyof Topics>(topic: K): AsyncIterableIterator<Topics[K]> & { return(): Promise<unknown> };
}

/** A running gateway: one port for HTTP and WebSocket (and /metrics unless METRICS_PORT gives it its own). */
export interface Gateway {
  url: string;
  metricsUrl: string;
  httpServer: Server;
  closeStreamsForApiKey(apiKeyId: string): number;
  /** Readiness 503, WebSockets closed with 1001, HTTP drained. */
  stop(): Promise<void>;
}

export async function startGateway(deps: { config: Config; orm: MikroORM; pubsub: PubSub; redis?: Redis; log: Logger; clock: Clock; jobs?: JobQueue }): Promise<Gateway> {
  const { config, log } = deps;
  const schema = await gatewaySchema();
  const metrics = new Metrics();
  const app = express();
  const httpServer = createServer(app);
  let shuttingDown = false;

  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' },
      customSuccessMessage: (req, res) => `${req.method} ${req.url} ${res.statusCode}`,
    }),
  );
  app.use((req, res, next) => {
    const end = metrics.httpRequests.startTimer({ method: req.method });
    res.on('finish', () => end({ route: req.path === '/graphql' ? '/graphql' : req.route?.path ?? 'other', status: String(res.statusCode) }));
    next();
  });
  app.use(healthRouter({ orm: deps.orm, redis: deps.redis, isShuttingDown: () => shuttingDown }));
  if (config.metrics.port === undefined) app.use(metricsRouter(metrics, config.metrics.token));
  if (config.graphiql) {
    app.use(graphiqlRouter({ endpoint: '/graphql' }));
    app.get('/', (_req, res) => res.redirect('/graphiql'));
  }

  const retries = new ReadRetries();
  const apollo = createApollo({ schema, httpServer, config, log, metrics, retries });
  await apollo.start();
  const viewers = new ViewerCache(deps.clock);
  const stopLocalRevocations = onApiKeyRevokedHere((apiKeyId) => viewers.forgetApiKey(apiKeyId));
  const contextDeps = { orm: deps.orm, pubsub: deps.pubsub, log, clock: deps.clock, jobs: deps.jobs, viewers };
  const limits = new RateLimits({
    anonymousPerMinute: config.limits.anonymousPerMinute,
    authFailuresPerMinute: config.limits.authFailuresPerMinute,
    keyPrefix: config.limits.rateLimitKeyPrefix,
    redis: deps.redis,
  });
  const admit = admitRequests({ limits, viewerOf: (authorization) => viewerFor(contextDeps, bearerToken(authorization)) });
  // The viewer was authenticated (and charged) by `admit`.
  const contextFor = async (req: express.Request) => operationContext(contextDeps, req.res!.locals.viewer ?? null, String(req.id), req.log);
  app.use(
    '/graphql',
    (req, res, next) => (config.graphiql && wantsGraphiql(req) ? res.redirect('/graphiql') : next()),
    admit,
    express.json({ limit: config.limits.maxBodyBytes }),
    graphqlHttp(apollo, { contextFor, retries }),
  );
  app.use('/graphql', bodyErrors(config.limits.maxBodyBytes));
  // Downloads authenticated with the same Bearer key as the API (the tax report CSV).
  app.use('/reports', admit);
  app.use(taxReportRouter({ contextFor }));

  const ws = attachWebsocket({ ...contextDeps, schema, httpServer, config, metrics, limits, clientIp: (req) => clientIp(app, req) });
  await listen(httpServer, config.port, config.host, 'PORT');
  // Through pub/sub (Redis when configured) a revocation on any gateway closes the key's streams on every gateway.
  const revocations = (deps.pubsub as unknown as UnkeyedSubscriber).subscribe(API_KEY_REVOKED);
  void (async () => {
    for await (const { apiKeyId } of revocations) {
      viewers.forgetApiKey(apiKeyId);
      const closed = ws.closeForApiKey(apiKeyId);
      if (closed) log.info({ apiKeyId, closed }, 'closed streams of a revoked API key');
    }
  })().catch((error) => log.error({ err: error }, 'API key revocation listener failed'));
  const urlOf = (server: Server) => `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${(server.address() as AddressInfo).port}`;
  const url = urlOf(httpServer);
  // On its own port, /metrics can be left off the public load balancer.
  const metricsServer = config.metrics.port === undefined ? undefined : await listen(createServer(express().use(metricsRouter(metrics, config.metrics.token))), config.metrics.port, config.host, 'METRICS_PORT');
  const metricsUrl = `${metricsServer ? urlOf(metricsServer) : url}/metrics`;
  log.info({ url: `${url}/graphql`, graphiql: config.graphiql ? `${url}/graphiql` : undefined, metrics: metricsUrl }, 'gateway listening');

  return {
    url,
    metricsUrl,
    httpServer,
    closeStreamsForApiKey: (apiKeyId) => ws.closeForApiKey(apiKeyId),
    async stop() {
      shuttingDown = true;
      stopLocalRevocations();
      await revocations.return();
      await ws.close();
      await apollo.stop();
      if (metricsServer) await new Promise((resolve) => metricsServer.close(resolve));
    },
  };
}
