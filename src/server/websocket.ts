import type { Express, Request } from 'express';
import { execute, getOperationAST, GraphQLError, parse, specifiedRules, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { CloseCode, type Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Context, Viewer } from '../common/context';
import type { Config } from '../config/config';
import { errorFormatter, formatForWebsocket } from './error-format';
import { websocketRules } from './limits';
import type { Metrics } from './metrics';
import { backOffBeforeRetry, isConnectionError } from './infrastructure-failure';
import { RateLimited, type RateLimits } from './rate-limit';
import { unstorableStringError } from './storable-strings';
import { bearerToken, operationContext, viewerFor, type ContextDeps } from './request-context';

type ConnectionExtra = Record<PropertyKey, unknown> & {
  socket: WebSocket;
  request: IncomingMessage;
  viewer?: Viewer | null;
  connectionId?: string;
  ip?: string;
  /** Ids of this socket's active subscriptions (counted against the socket's and the account's caps). */
  subscriptions?: Set<string>;
};

/** The caller's address as Express computes `req.ip` (same `trust proxy` setting), so both transports charge one bucket. */
export function clientIp(app: Express, req: IncomingMessage): string {
  const view = Object.create(app.request, { headers: { value: req.headers }, socket: { value: req.socket } }) as Request;
  return view.ip ?? 'unknown';
}

/** What connectionParams present as credentials: an Authorization value (as in the HTTP header) or a bare `apiKey`. */
function credentialsIn(params: Record<string, unknown> | undefined): unknown {
  if (!params) return undefined;
  return params.Authorization ?? params.authorization ?? (params.headers as Record<string, unknown> | undefined)?.Authorization ?? params.apiKey;
}

function tokenFrom(params: Record<string, unknown> | undefined): string | undefined {
  const credentials = credentialsIn(params);
  return credentials !== undefined && credentials === params?.apiKey && typeof credentials === 'string' ? credentials : bearerToken(credentials);
}

/**
 * graphql-ws on the HTTP server's `/graphql` path: authenticates in onConnect from connectionParams,
 * then applies the same token, depth, alias, directive and cost limits as HTTP to every operation, and charges each
 * operation to the same rate-limit bucket as HTTP. Past a limit or cap the socket is closed with 4429.
 */
export function attachWebsocket(
  deps: ContextDeps & { schema: GraphQLSchema; httpServer: Server; config: Config; metrics: Metrics; limits: RateLimits; clientIp(req: IncomingMessage): string },
) {
  const caps = deps.config.websocket;
  const wss = new WebSocketServer({ server: deps.httpServer, path: '/graphql', maxPayload: deps.config.limits.maxBodyBytes });
  const rules = [...specifiedRules, ...websocketRules(deps.config)];
  const format = errorFormatter({ development: deps.config.env === 'development', hideSuggestions: deps.config.env === 'production', log: deps.log });
  const sockets = new Map<WebSocket, Viewer | null>();
  /** Live subscriptions per socket (operation ids), counted once they listen for events. */
  const live = new Map<WebSocket, Set<string>>();
  const ended = (socket: WebSocket, id: string) => {
    if (live.get(socket)?.delete(id)) deps.metrics.subscriptions.dec();
  };
  const connectionsPerIp = new Map<string, number>();
  const subscriptionsPerAccount = new Map<string, number>();
  const tooMany = (socket: WebSocket, reason: string) => socket.close(CloseCode.TooManyInitialisationRequests, reason);
  const countIn = (counts: Map<string, number>, key: string, delta: number) => {
    const next = (counts.get(key) ?? 0) + delta;
    if (next > 0) counts.set(key, next);
    else counts.delete(key);
  };
  const endSubscription = (extra: ConnectionExtra, id: string) => {
    if (extra.subscriptions?.delete(id) && extra.viewer) countIn(subscriptionsPerAccount, extra.viewer.accountId, -1);
  };

  // Registered before graphql-ws's own listener: a connection over the IP's cap is closed before it can say anything.
  wss.on('connection', (socket, request) => {
    const ip = deps.clientIp(request);
    if ((connectionsPerIp.get(ip) ?? 0) >= caps.maxConnectionsPerIp) {
      tooMany(socket, 'Too many connections from this address');
      return;
    }
    countIn(connectionsPerIp, ip, 1);
    socket.once('close', () => countIn(connectionsPerIp, ip, -1));
  });

  const disposable = useServer<Record<string, unknown>, ConnectionExtra>(
    {
      schema: deps.schema,
      connectionInitWaitTimeout: caps.connectionInitTimeoutMs,
      // A query whose database connection was lost runs once more with a fresh context (as over HTTP).
      execute: async (args) => {
        const result = await execute(args);
        if (getOperationAST(args.document, args.operationName)?.operation !== 'query' || !result.errors?.some(isConnectionError)) return result;
        const { viewer, requestId, log } = args.contextValue as Context;
        await backOffBeforeRetry();
        return execute({ ...args, contextValue: operationContext(deps, viewer, requestId, log) });
      },
      onConnect: async (ctx) => {
        const ip = deps.clientIp(ctx.extra.request);
        try {
          const viewer = await deps.limits.authenticate(ip, credentialsIn(ctx.connectionParams), () => viewerFor(deps, tokenFrom(ctx.connectionParams)));
          ctx.extra.viewer = viewer;
          ctx.extra.ip = ip;
          ctx.extra.subscriptions = new Set();
          ctx.extra.connectionId = randomUUID();
          sockets.set(ctx.extra.socket, viewer);
          deps.metrics.websockets.inc();
          return true;
        } catch (error) {
          if (error instanceof RateLimited) {
            tooMany(ctx.extra.socket, error.message);
            return false;
          }
          deps.log.info({ reason: (error as Error).message }, 'websocket connection refused');
          return false;
        }
      },
      onComplete: (ctx, id) => {
        endSubscription(ctx.extra, id);
        ended(ctx.extra.socket, id);
      },
      onClose: (ctx) => {
        for (const id of ctx.extra.subscriptions ?? []) endSubscription(ctx.extra, id);
        if (sockets.delete(ctx.extra.socket)) deps.metrics.websockets.dec();
        deps.metrics.subscriptions.dec(live.get(ctx.extra.socket)?.size ?? 0);
        live.delete(ctx.extra.socket);
      },
      onOperation: (ctx, id, _payload, _args, result) => {
        if (!(Symbol.asyncIterator in result)) return;
        let ids = live.get(ctx.extra.socket);
        if (!ids) live.set(ctx.extra.socket, (ids = new Set()));
        ids.add(id);
        deps.metrics.subscriptions.inc();
      },
      onSubscribe: async (ctx: WsContext<Record<string, unknown>, ConnectionExtra>, id, payload) => {
        const { extra } = ctx;
        const viewer = extra.viewer ?? null;
        try {
          await deps.limits.chargeOperation(viewer, extra.ip ?? 'unknown');
        } catch (error) {
          if (!(error instanceof RateLimited)) throw error;
          tooMany(extra.socket, error.message);
          return [new GraphQLError(error.message, { extensions: { code: 'RATE_LIMITED' } })];
        }
        let document;
        try {
          document = parse(payload.query, { maxTokens: deps.config.limits.maxTokens });
        } catch (error) {
          const parseError = error instanceof GraphQLError ? error : new GraphQLError(String(error));
          return [new GraphQLError(parseError.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        let errors: readonly GraphQLError[];
        try {
          errors = validate(deps.schema, document, rules);
        } catch (error) {
          // graphql-armor's rules throw on rejection; uncaught, graphql-ws would close the socket with 4500.
          if (!(error instanceof GraphQLError)) throw error;
          errors = [error];
        }
        if (errors.length) {
          deps.metrics.operations.inc({ transport: 'ws', type: 'unknown', outcome: 'rejected' });
          return errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        }
        const unstorable = unstorableStringError(document, payload.variables);
        if (unstorable) return [unstorable];
        if (getOperationAST(document, payload.operationName)?.operation === 'subscription') {
          const subscriptions = extra.subscriptions!;
          const ofAccount = viewer ? subscriptionsPerAccount.get(viewer.accountId) ?? 0 : 0;
          if (subscriptions.size >= caps.maxSubscriptionsPerSocket || (viewer && ofAccount >= caps.maxSubscriptionsPerAccount)) {
            const reason = subscriptions.size >= caps.maxSubscriptionsPerSocket ? 'Too many subscriptions on this connection' : 'Too many subscriptions for this account';
            tooMany(extra.socket, reason);
            return [new GraphQLError(reason, { extensions: { code: 'RATE_LIMITED' } })];
          }
          subscriptions.add(id);
          if (viewer) countIn(subscriptionsPerAccount, viewer.accountId, 1);
        }
        const args: ExecutionArgs = {
          schema: deps.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: operationContext(deps, viewer, `${extra.connectionId}:${id}`),
        };
        return args;
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if ('errors' in result && result.errors?.length) {
          return { ...result, errors: result.errors.map((e) => format(e instanceof GraphQLError ? e.toJSON() : e, e)) };
        }
        return result;
      },
      onError: (_ctx, _id, _payload, errors) => formatForWebsocket(format, errors) as never,
    },
    wss,
  );

  return {
    /** Closes every stream opened with the given API key (after revocation). */
    closeForApiKey(apiKeyId: string): number {
      let closed = 0;
      for (const [socket, viewer] of sockets) {
        if (viewer?.apiKeyId === apiKeyId) {
          socket.close(CloseCode.Forbidden, 'API key revoked');
          closed++;
        }
      }
      return closed;
    },
    /** Closes every connection with 1001 (going away) and stops accepting new ones. */
    async close(): Promise<void> {
      await disposable.dispose();
    },
  };
}
