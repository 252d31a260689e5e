import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { uuidOf } from '../../common/node';
import { inTransaction, lockRow } from '../../common/orm/row-locks';
import { connectionFromCursor, pageWindow, type ConnectionArgs, type ConnectionShape } from '../../common/pagination';
import { VariantByIdLoader } from '../catalog';
import type { AddInventoryItemInput, InventoryFilter, RemoveInventoryItemInput, UpdateInventoryItemInput } from './api/inventory.inputs';
import { InventoryStatus, ItemCondition } from './entities/inventory.enums';
import { InventoryItem } from './entities/inventory-item.entity';
import { itemFieldErrors, normalizeCurrency } from './inventory-validation';
import { InventoryItemByIdLoader } from './inventory.loaders';

type ItemResult = { inventoryItem: InventoryItem | null; errors: UserError[] };

const fail = (errors: UserError[]): ItemResult => ({ inventoryItem: null, errors });
const notFound = (): ItemResult => fail([userError(ErrorCode.NOT_FOUND, 'No such inventory item.', ['id'])]);

/** One of the viewer's items by global id; another account's id answers exactly like a missing one. */
export async function findInventoryItem(ctx: Context, id: string): Promise<InventoryItem | null> {
  const uuid = uuidOf(id, 'InventoryItem');
  return uuid ? ctx.loaders.get(InventoryItemByIdLoader).load(uuid) : null;
}

/** Adds units of one size to the viewer's inventory. */
export async function addInventoryItem(ctx: Context, input: AddInventoryItemInput): Promise<ItemResult> {
  const errors = itemFieldErrors(input, ctx.clock.now());
  const variantUuid = uuidOf(input.variantId, 'Variant');
  const variant = variantUuid ? await ctx.loaders.get(VariantByIdLoader).load(variantUuid) : null;
  if (!variant) errors.push(userError(ErrorCode.NOT_FOUND, 'No such variant.', ['variantId']));
  if (errors.length) return fail(errors);
  const item = Object.assign(new InventoryItem(), {
    accountId: ctx.viewer!.accountId,
    variantId: variant!.id,
    quantity: input.quantity,
    quantitySold: 0,
    purchasePriceAmount: input.purchasePrice,
    purchaseCurrency: normalizeCurrency(input.purchaseCurrency ?? ctx.viewer!.baseCurrency)!,
    purchasedAt: input.purchasedAt ?? ctx.clock.now(),
    condition: input.condition ?? ItemCondition.NEW,
    status: InventoryStatus.IN_STOCK,
    notes: input.notes?.trim() || null,
  });
  await ctx.em.persist(item).flush();
  return { inventoryItem: item, errors: [] };
}

/** Changes the viewer's record of an item; a removed item is read-only. Locked, so a quantity cut and a sale cannot cross. */
export async function updateInventoryItem(ctx: Context, input: UpdateInventoryItemInput): Promise<ItemResult> {
  const found = await findInventoryItem(ctx, input.id);
  if (!found) return notFound();
  return inTransaction(ctx.em, async () => {
    const item = (await lockRow(ctx.em, InventoryItem, found.id))!;
    const errors = itemFieldErrors(input, ctx.clock.now());
    if (item.status === InventoryStatus.REMOVED) errors.push(userError(ErrorCode.CONFLICT, 'The item was removed; it can no longer be changed.', ['id']));
    if (input.quantity != null && input.quantity < item.quantitySold) {
      errors.push(userError(ErrorCode.CONFLICT, `${item.quantitySold} units are already sold; the quantity cannot go below that.`, ['quantity']));
    }
    if (errors.length) return fail(errors);
    if (input.quantity != null) {
      item.quantity = input.quantity;
      if (item.status === InventoryStatus.SOLD && item.quantitySold < item.quantity) item.status = InventoryStatus.IN_STOCK;
      else if (item.quantitySold >= item.quantity) item.status = InventoryStatus.SOLD;
    }
    if (input.purchasePrice != null) item.purchasePriceAmount = input.purchasePrice;
    if (input.purchaseCurrency != null) item.purchaseCurrency = normalizeCurrency(input.purchaseCurrency)!;
    if (input.purchasedAt != null) item.purchasedAt = input.purchasedAt;
    if (input.condition != null) item.condition = input.condition;
    if (input.notes !== undefined) item.notes = input.notes?.trim() || null;
    await ctx.em.flush();
    return { inventoryItem: item, errors: [] };
  });
}

/**
 * Takes an item out of the inventory. It is kept (orders and tax lots refer to it) with status REMOVED;
 * a sold item cannot be removed, and a listed one must be taken down first so no platform sells a ghost.
 */
export async function removeInventoryItem(ctx: Context, input: RemoveInventoryItemInput): Promise<ItemResult> {
  const found = await findInventoryItem(ctx, input.id);
  if (!found) return notFound();
  return inTransaction(ctx.em, async () => {
    const item = (await lockRow(ctx.em, InventoryItem, found.id))!;
    if (item.status === InventoryStatus.REMOVED) return { inventoryItem: item, errors: [] };
    if (item.status === InventoryStatus.SOLD) return fail([userError(ErrorCode.CONFLICT, 'A sold item stays in the inventory for profit and tax records.', ['id'])]);
    if (item.status === InventoryStatus.LISTED) {
      return fail([userError(ErrorCode.CONFLICT, 'The item is listed; deactivate its listings first.', ['id'])]);
    }
    item.status = InventoryStatus.REMOVED;
    await ctx.em.flush();
    return { inventoryItem: item, errors: [] };
  });
}

function whereOf(filter: InventoryFilter | null | undefined): FilterQuery<InventoryItem> {
  const conditions: FilterQuery<InventoryItem>[] = [];
  conditions.push(filter?.statuses?.length ? { status: { $in: filter.statuses } } : { status: { $ne: InventoryStatus.REMOVED } });
  if (filter?.conditions?.length) conditions.push({ condition: { $in: filter.conditions } });
  if (filter?.variantIds) {
    const uuids = filter.variantIds.map((id) => uuidOf(id, 'Variant')).filter((u): u is string => !!u);
    conditions.push({ variantId: { $in: uuids } });
  }
  if (filter?.purchasedFrom) conditions.push({ purchasedAt: { $gte: filter.purchasedFrom } });
  if (filter?.purchasedTo) conditions.push({ purchasedAt: { $lt: filter.purchasedTo } });
  return { $and: conditions };
}

/** One page of the viewer's inventory, newest first; counts the whole list only when `totalCount` is selected. */
export async function listInventory(ctx: Context, filter: InventoryFilter | null | undefined, args: ConnectionArgs, info?: GraphQLResolveInfo): Promise<ConnectionShape<InventoryItem>> {
  const page = await ctx.em.findByCursor(InventoryItem, whereOf(filter), {
    ...pageWindow(args, info),
    orderBy: { createdAt: 'desc', id: 'desc' } as QueryOrderMap<InventoryItem>,
  });
  return connectionFromCursor(page);
}
