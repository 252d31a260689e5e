import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Context } from '../common/context';
import type { Config } from '../config/config';
import { errorFormatter } from './error-format';
import { failedOnInfrastructure, isConnectionError, type ReadRetries } from './infrastructure-failure';
import { httpProtection } from './limits';
import type { Metrics } from './metrics';
import { unstorableStringError } from './storable-strings';

/**
 * Apollo Server for HTTP: armor limits, CSRF prevention, no batching, masked errors, operation metrics. An operation
 * that failed only because the database connection did (after its retry, for a query) is answered 503, so load
 * balancers and clients see the outage (GraphQL over HTTP allows 5xx with application/graphql-response+json).
 */
export function createApollo(deps: { schema: GraphQLSchema; httpServer: Server; config: Config; log: Logger; metrics: Metrics; retries: ReadRetries }) {
  const protection = httpProtection(deps.config);
  const development = deps.config.env === 'development';
  return new ApolloServer<Context & BaseContext>({
    schema: deps.schema,
    ...protection,
    parseOptions: { maxTokens: deps.config.limits.maxTokens },
    csrfPrevention: true,
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    introspection: deps.config.introspection,
    includeStacktraceInErrorResponses: development,
    formatError: errorFormatter({ development, hideSuggestions: deps.config.env === 'production', log: deps.log }),
    plugins: [
      ...protection.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer: deps.httpServer, stopGracePeriodMillis: Math.floor(deps.config.shutdownTimeoutMs / 2) }),
      ApolloServerPluginLandingPageDisabled(),
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ document, request }) {
              const error = unstorableStringError(document, request.variables);
              if (error) throw error;
            },
            async didEncounterErrors({ errors, operation, contextValue }) {
              if (operation?.operation === 'query' && errors.some(isConnectionError)) deps.retries.lostConnection(contextValue.em);
            },
            async willSendResponse({ response, operation, contextValue, errors }) {
              if (deps.retries.willRetry(contextValue.em)) return;
              const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
              const unavailable = !!single && failedOnInfrastructure({ data: single.data, errors });
              if (unavailable) {
                response.http.status = 503;
                response.http.headers.set('content-type', 'application/graphql-response+json; charset=utf-8');
                response.http.headers.set('retry-after', '1');
              }
              const outcome = unavailable ? 'unavailable' : single?.errors?.length ? 'error' : 'ok';
              deps.metrics.operations.inc({ transport: 'http', type: operation?.operation ?? 'unknown', outcome });
            },
          };
        },
      },
    ],
  });
}
