import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * One statement with bind parameters, inside the EntityManager's transaction when it has one; rows come back
 * unhydrated. (The market domain has the same helper privately; this is the selling domain's copy.)
 */
export async function rawRows<T>(em: EntityManager, sql: string, bindings: readonly Knex.RawBinding[] = []): Promise<T[]> {
  const query = em.getKnex().raw(sql, bindings as Knex.RawBinding[]);
  const trx = em.getTransactionContext<Knex.Transaction>();
  if (trx) query.transacting(trx);
  return ((await query) as { rows: T[] }).rows;
}

/** A PostgreSQL array literal to bind as one parameter (`?::uuid[]`, `?::numeric[]`); null items become NULL. */
export function pgArray(values: ReadonlyArray<string | number | null | undefined>): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

/** The account the tenant filter of this EntityManager is set to (the viewer's, or the one a job scoped to). */
export function tenantOf(em: EntityManager): string {
  return (em.getFilterParams('tenant') as { accountId: string }).accountId;
}
