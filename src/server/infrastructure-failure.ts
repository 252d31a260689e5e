import { ConnectionException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';

/** SQLSTATEs and socket errors of a lost or refused database connection (admin shutdown, crash, cannot connect). */
const CONNECTION_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
/** What pg and Knex throw, without a code, when a connection dies under a query or none can be had. */
const CONNECTION_MESSAGES = /Connection terminated|Knex: Timeout acquiring a connection|Client has encountered a connection error|connection is closed/i;

/**
 * Before a retry: the pool hands a connection back as soon as its query failed, and learns the server closed it
 * only when the socket's end arrives, so an immediate retry can draw the same dead connection.
 */
export const backOffBeforeRetry = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Whether an error (or what it wraps) comes from the database connection layer rather than from the statement. */
export function isConnectionError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof ConnectionException) return true;
    const { code, message } = current as { code?: unknown; message?: unknown };
    if ((typeof code === 'string' && CONNECTION_CODES.has(code)) || (typeof message === 'string' && CONNECTION_MESSAGES.test(message) && !(current instanceof GraphQLError))) return true;
    current = current instanceof GraphQLError ? current.originalError : (current as { cause?: unknown }).cause;
  }
  return false;
}

/** A result with nothing in it but connection failures: no data (or only nulls at the top) and every error one. */
export function failedOnInfrastructure(result: { data?: unknown; errors?: readonly unknown[] }): boolean {
  if (!result.errors?.length || !result.errors.every(isConnectionError)) return false;
  return result.data == null || Object.values(result.data as object).every((value) => value === null);
}

/**
 * Queries over HTTP whose first attempt lost its database connection; the HTTP handler runs them once more with a
 * fresh context. An attempt is known by its EntityManager fork: Apollo hands plugins a shallow copy of the context,
 * never the object the handler made, and a client may reuse a request id. Reads are safe to repeat; mutations and
 * subscriptions are never repeated.
 */
export class ReadRetries {
  private readonly lost = new WeakSet<object>();
  private readonly second = new WeakSet<object>();

  /** Records that the attempt's query lost its connection; it is retried unless it was the retry. */
  lostConnection(attempt: object): void {
    if (!this.second.has(attempt)) this.lost.add(attempt);
  }

  willRetry(attempt: object): boolean {
    return this.lost.has(attempt);
  }

  markSecondAttempt(attempt: object): void {
    this.second.add(attempt);
  }
}
