import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

const afterCommitCallbacks = new WeakMap<object, Array<() => void>>();

/** Runs the callbacks a root transaction collected once it has committed; drops them when it rolls back. */
const commitHooks: EventSubscriber = {
  async afterTransactionCommit({ transaction }: TransactionEventArgs) {
    const callbacks = afterCommitCallbacks.get(transaction as object);
    afterCommitCallbacks.delete(transaction as object);
    for (const callback of callbacks ?? []) callback();
  },
  async afterTransactionRollback({ transaction }: TransactionEventArgs) {
    afterCommitCallbacks.delete(transaction as object);
  },
};

/**
 * Runs `publish` once the transaction `em` belongs to has committed — never for a rollback, so subscribers never
 * hear of a row they cannot load — and at once when `em` is not in a transaction. (Knex's own
 * `executionPromise` resolves on rollback too, so MikroORM's transaction events are used instead.)
 */
export function afterCommit(em: EntityManager, log: Logger, publish: () => void): void {
  const safely = () => {
    try {
      publish();
    } catch (error) {
      log.error({ err: error }, 'publishing events after commit failed');
    }
  };
  const trx = em.getTransactionContext<object>();
  if (!trx) {
    safely();
    return;
  }
  em.getEventManager().registerSubscriber(commitHooks);
  afterCommitCallbacks.set(trx, [...(afterCommitCallbacks.get(trx) ?? []), safely]);
}
