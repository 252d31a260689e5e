import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * Runs one SQL statement with real bind parameters (`?` placeholders, sent separately from the text)
 * inside the EntityManager's transaction when it has one, and returns the rows without ORM hydration.
 * Large arrays travel as one array-literal parameter each, so a 100,000-row batch is still 12 parameters.
 */
export async function rawRows<T>(em: EntityManager, sql: string, bindings: readonly Knex.RawBinding[] = []): Promise<T[]> {
  const query = em.getKnex().raw(sql, bindings as Knex.RawBinding[]);
  const trx = em.getTransactionContext<Knex.Transaction>();
  if (trx) query.transacting(trx);
  const result = (await query) as { rows: T[] };
  return result.rows;
}

/** A PostgreSQL array literal (`{"a","b",NULL}`) to bind as one parameter and cast, e.g. `?::uuid[]`. */
export function pgArray(values: ReadonlyArray<string | number | null | undefined>): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) parts[i] = 'NULL';
    else if (typeof value === 'number') parts[i] = String(value);
    else parts[i] = `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }
  return `{${parts.join(',')}}`;
}

/**
 * An array literal of values that need no quoting (UUIDs, numbers, decimal strings, currency codes, enum names),
 * for the bulk path where validation already guarantees the shape and quoting 100,000 values would cost more than the query.
 */
export function pgPlainArray(values: ReadonlyArray<string | number | null>): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    out += (i ? ',' : '') + (value === null ? 'NULL' : value);
  }
  return `${out}}`;
}
