import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import type { Context } from '../common/context';
import { backOffBeforeRetry, type ReadRetries } from './infrastructure-failure';

/**
 * Apollo Server on Express 5 (what `@as-integrations/express5` does), running a query once more when its first
 * attempt lost the database connection (see ReadRetries).
 */
export function graphqlHttp(apollo: ApolloServer<Context & BaseContext>, deps: { contextFor(req: Request): Promise<Context>; retries: ReadRetries }): RequestHandler {
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest = { method: req.method.toUpperCase(), headers, search: new URL(req.url, 'http://localhost').search, body: req.body };
    let first: object | undefined;
    const attempt = (second: boolean) =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: async () => {
          const context = await deps.contextFor(req);
          if (second) deps.retries.markSecondAttempt(context.em);
          else first = context.em;
          return context;
        },
      });
    let response = await attempt(false);
    if (first && deps.retries.willRetry(first)) {
      await backOffBeforeRetry();
      response = await attempt(true);
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.send(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
