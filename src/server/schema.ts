import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../domains/accounts';
import { resolvers } from '../domains';
import { NodeResolver } from './node.resolver';

let cached: Promise<GraphQLSchema> | undefined;

/**
 * type-graphql insists on a pubSub once any @Subscription exists, but the schema is shared by every app in the
 * process while each app has its own pub/sub: subscriptions pass `subscribe` and use `context.pubsub` instead.
 */
const contextPubSubOnly = {
  publish(): never {
    throw new Error('Publish through context.pubsub; the schema has no pub/sub of its own.');
  },
  subscribe(): never {
    throw new Error('Subscriptions must declare `subscribe` and use context.pubsub; topic-based @Subscription is not supported.');
  },
};

/** type-graphql has no option for the root types' descriptions, so they are set on the built schema. */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  const subscription = schema.getSubscriptionType();
  if (query) query.description = 'Entry points for reading: the viewer, the catalog and any object by id.';
  if (mutation) mutation.description = 'Entry points for writing; expected failures come back as `errors` in each payload.';
  if (subscription) subscription.description = 'Live events over WebSocket (graphql-ws).';
  return schema;
}

/** The gateway's schema, built once per process from every domain's resolvers. */
export function gatewaySchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [NodeResolver, ...resolvers],
    authChecker,
    authMode: 'error',
    validate: false,
    pubSub: contextPubSubOnly,
  }).then(describeRootTypes);
  return cached;
}
