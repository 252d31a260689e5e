import { GraphQLError, parse, specifiedRules, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { CloseCode, type Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Viewer } from '../common/context';
import type { Config } from '../config/config';
import { errorFormatter, formatForWebsocket } from './error-format';
import { websocketRules } from './limits';
import type { Metrics } from './metrics';
import { bearerToken, operationContext, viewerFor, type ContextDeps } from './request-context';

type ConnectionExtra = Record<PropertyKey, unknown> & {
  viewer?: Viewer | null;
  connectionId?: string;
};

function tokenFrom(params: Record<string, unknown> | undefined): string | undefined {
  if (!params) return undefined;
  const value = params.Authorization ?? params.authorization ?? (params.headers as Record<string, unknown> | undefined)?.Authorization ?? params.apiKey;
  return bearerToken(value);
}

/**
 * graphql-ws on the HTTP server's `/graphql` path: authenticates in onConnect from connectionParams,
 * then applies the same token, depth, alias, directive and cost limits as HTTP to every operation.
 */
export function attachWebsocket(deps: ContextDeps & { schema: GraphQLSchema; httpServer: Server; config: Config; metrics: Metrics }) {
  const wss = new WebSocketServer({ server: deps.httpServer, path: '/graphql', maxPayload: deps.config.limits.maxBodyBytes });
  const rules = [...specifiedRules, ...websocketRules(deps.config)];
  const format = errorFormatter({ development: deps.config.env === 'development', hideSuggestions: deps.config.env === 'production', log: deps.log });
  const sockets = new Map<WebSocket, Viewer | null>();
  /** Live subscriptions per socket (operation ids), counted once they listen for events. */
  const live = new Map<WebSocket, Set<string>>();
  const ended = (socket: WebSocket, id: string) => {
    if (live.get(socket)?.delete(id)) deps.metrics.subscriptions.dec();
  };

  const disposable = useServer<Record<string, unknown>, ConnectionExtra & { socket: WebSocket }>(
    {
      schema: deps.schema,
      onConnect: async (ctx) => {
        try {
          const viewer = await viewerFor(deps, tokenFrom(ctx.connectionParams));
          ctx.extra.viewer = viewer;
          ctx.extra.connectionId = randomUUID();
          sockets.set(ctx.extra.socket, viewer);
          deps.metrics.websockets.inc();
          return true;
        } catch (error) {
          deps.log.info({ reason: (error as Error).message }, 'websocket connection refused');
          return false;
        }
      },
      onClose: (ctx) => {
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
      onComplete: (ctx, id) => ended(ctx.extra.socket, id),
      onSubscribe: (ctx: WsContext<Record<string, unknown>, ConnectionExtra & { socket: WebSocket }>, _id, payload) => {
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
        const args: ExecutionArgs = {
          schema: deps.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: operationContext(deps, ctx.extra.viewer ?? null, `${ctx.extra.connectionId}:${_id}`),
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
