import type { EntityName, FilterQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { Context, LoaderFactory } from './context';

/** A loader of entities by primary key, in one `where id in (...)` per batch; `scope` narrows what is visible. */
export function entityByIdLoader<T extends { id: string }>(
  entity: EntityName<T>,
  scope?: (ctx: Context) => FilterQuery<T> | null,
): LoaderFactory<string, T | null> {
  return (ctx) =>
    new DataLoader(async (ids) => {
      const extra = scope ? scope(ctx) : {};
      if (extra === null) return ids.map(() => null);
      const rows = await ctx.em.find(entity, { $and: [{ id: { $in: [...ids] } }, extra] } as FilterQuery<T>);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
}

/** A loader of child entities grouped by a foreign key column, in one query per batch. */
export function entitiesByKeyLoader<T extends object>(
  entity: EntityName<T>,
  key: keyof T & string,
  keyOf: (row: T) => string,
  orderBy: Record<string, 'asc' | 'desc'>,
): LoaderFactory<string, T[]> {
  return (ctx) =>
    new DataLoader(async (keys) => {
      const rows = await ctx.em.find(entity, { [key]: { $in: [...keys] } } as FilterQuery<T>, { orderBy: orderBy as never });
      const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
      for (const row of rows) groups.get(keyOf(row))?.push(row);
      return keys.map((k) => groups.get(k)!);
    });
}
