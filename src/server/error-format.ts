import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ArgumentValidationError } from 'type-graphql';
import { isConnectionError } from './infrastructure-failure';

const SAFE_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE',
]);

/** graphql-js hints such as `Did you mean "platforms"?` or `Did you mean the enum value "HOT"?` reveal the schema. */
const SUGGESTION = /Did you mean [^?]*\?/g;

/**
 * Keeps expected errors (auth, bad input, validation) as they are and masks everything else
 * as INTERNAL_SERVER_ERROR outside development, logging the original. With `hideSuggestions`
 * (production) no message carries field or enum suggestions, whichever transport it took.
 */
export function errorFormatter(options: { development: boolean; hideSuggestions: boolean; log: Logger }) {
  return (given: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const formatted = options.hideSuggestions ? { ...given, message: given.message.replace(SUGGESTION, '[Suggestion hidden]?') } : given;
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      return { ...formatted, extensions: { code: 'BAD_USER_INPUT' } };
    }
    const code = formatted.extensions?.code as string | undefined;
    if (code && SAFE_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: options.development ? formatted.extensions : extensions };
    }
    if (isConnectionError(original)) {
      options.log.warn({ err: original, path: formatted.path }, 'database connection failed during an operation');
      return { message: 'Service unavailable: the database could not be reached; retry shortly.', locations: formatted.locations, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    options.log.error({ err: original, path: formatted.path }, 'unexpected error in operation');
    if (options.development) return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** Applies the same masking to errors produced outside Apollo (WebSocket). */
export function formatForWebsocket(format: ReturnType<typeof errorFormatter>, errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.map((e) => format(e.toJSON(), e));
}
