import { createPubSub as createYogaPubSub, type PubSub as YogaPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Redis } from 'ioredis';

/**
 * Topic name → payload. Domains add their topics by augmenting this interface
 * (`declare module '../../common/pubsub' { interface Topics { ... } }`). Payloads are JSON-safe.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Topics {}

type TopicArgs = { [K in keyof Topics]: [id: string, payload: Topics[K]] | [payload: Topics[K]] };

/** Typed publish/subscribe; topic keys such as `PRICE_CHANGED:<productId>` route events to exactly their subscribers. */
export type PubSub = YogaPubSub<{ [K in keyof Topics]: TopicArgs[K] }>;

/** Redis-backed when both clients are given (events reach every gateway), in-process otherwise. */
export function createPubSub(redis?: { publish: Redis; subscribe: Redis }): PubSub {
  if (!redis) return createYogaPubSub() as PubSub;
  const eventTarget = createRedisEventTarget({ publishClient: redis.publish, subscribeClient: redis.subscribe });
  return createYogaPubSub({ eventTarget }) as PubSub;
}
