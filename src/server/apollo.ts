import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Context } from '../common/context';
import type { Config } from '../config/config';
import { errorFormatter } from './error-format';
import { httpProtection } from './limits';
import type { Metrics } from './metrics';
import { unstorableStringError } from './storable-strings';

/** Apollo Server for HTTP: armor limits, CSRF prevention, no batching, masked errors, operation metrics. */
export function createApollo(deps: { schema: GraphQLSchema; httpServer: Server; config: Config; log: Logger; metrics: Metrics }) {
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
            async willSendResponse({ response, operation }) {
              const failed = response.body.kind === 'single' && !!response.body.singleResult.errors?.length;
              deps.metrics.operations.inc({ transport: 'http', type: operation?.operation ?? 'unknown', outcome: failed ? 'error' : 'ok' });
            },
          };
        },
      },
    ],
  });
}
