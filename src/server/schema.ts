import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../domains/accounts';
import { resolvers } from '../domains';
import { NodeResolver } from './node.resolver';

let cached: Promise<GraphQLSchema> | undefined;

/** The gateway's schema, built once per process from every domain's resolvers. */
export function gatewaySchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [NodeResolver, ...resolvers],
    authChecker,
    authMode: 'error',
    validate: false,
  });
  return cached;
}
