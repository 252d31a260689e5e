import { LockMode, type EntityName, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs `work` in one transaction on the operation's own EntityManager (joining the one already open), so its
 * services and loaders read inside it and the row locks it takes hold until commit. Commit flushes; a thrown
 * error rolls everything back.
 */
export async function inTransaction<T>(em: EntityManager, work: () => Promise<T>): Promise<T> {
  if (em.isInTransaction()) return work();
  await em.begin();
  try {
    const result = await work();
    await em.commit();
    return result;
  } catch (error) {
    await em.rollback();
    throw error;
  }
}

/**
 * Locks one row (`SELECT … FOR UPDATE`) and refreshes its entity from it: concurrent writers of the row queue
 * here until the transaction ends, then decide on what the previous one committed — a read-modify-write that
 * cannot lose an update. Only inside {@link inTransaction}.
 */
export function lockRow<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>, options: { filters?: false } = {}): Promise<T | null> {
  return em.findOne(entity, where, { ...options, lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}
