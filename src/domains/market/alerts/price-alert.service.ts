import type { QueryOrderMap } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../../common/context';
import { ErrorCode, userError, type UserError } from '../../../common/errors';
import { toGlobalId, uuidOf } from '../../../common/node';
import { connectionFromCursor, pageWindow, type ConnectionArgs, type ConnectionShape } from '../../../common/pagination';
import { PlatformBySlugLoader, ProductByIdLoader, VariantByIdLoader } from '../../catalog';
import type { CreatePriceAlertInput, DeletePriceAlertInput } from '../api/price-alert.inputs';
import { PriceAlertCondition } from '../entities/market.enums';
import { PriceAlert } from '../entities/price-alert.entity';
import { MAX_PRICE } from '../ingest/snapshot-validation';

/** Alerts one account may keep; each is matched on every ingest of its product. */
export const MAX_ALERTS_PER_ACCOUNT = 200;
const MAX_CHANGE_PERCENT = 1000;

function thresholdErrors(input: CreatePriceAlertInput): UserError[] {
  const t = input.threshold;
  const fail = (code: ErrorCode, message: string) => [userError(code, message, ['threshold'])];
  if (t.decimalPlaces() > 2) return fail(ErrorCode.INVALID, 'Threshold must have at most 2 decimal places.');
  if (input.condition === PriceAlertCondition.CHANGE_PERCENT) {
    if (t.lte(0) || t.gt(MAX_CHANGE_PERCENT)) return fail(ErrorCode.OUT_OF_RANGE, `A change threshold is a percent above 0 and at most ${MAX_CHANGE_PERCENT}.`);
  } else if (t.isNeg() || t.gt(MAX_PRICE)) return fail(ErrorCode.OUT_OF_RANGE, `Threshold must be between 0 and ${MAX_PRICE.toFixed()}.`);
  return [];
}

/** Creates an alert for the viewer on a product or a size, optionally on one platform. */
export async function createPriceAlert(ctx: Context, input: CreatePriceAlertInput): Promise<{ priceAlert: PriceAlert | null; errors: UserError[] }> {
  const fail = (errors: UserError[]) => ({ priceAlert: null, errors });
  if (!!input.productId === !!input.variantId) {
    return fail([userError(ErrorCode.INVALID, 'Give exactly one of productId and variantId.', [input.productId ? 'variantId' : 'productId'])]);
  }
  const errors = thresholdErrors(input);
  let productId: string | null = null;
  let variantId: string | null = null;
  if (input.variantId) {
    const uuid = uuidOf(input.variantId, 'Variant');
    const variant = uuid ? await ctx.loaders.get(VariantByIdLoader).load(uuid) : null;
    if (!variant) errors.push(userError(ErrorCode.NOT_FOUND, 'No such variant.', ['variantId']));
    else [productId, variantId] = [variant.productId, variant.id];
  } else {
    const uuid = uuidOf(input.productId!, 'Product');
    const product = uuid ? await ctx.loaders.get(ProductByIdLoader).load(uuid) : null;
    if (!product) errors.push(userError(ErrorCode.NOT_FOUND, 'No such product.', ['productId']));
    else productId = product.id;
  }
  const platform = input.platform?.trim() ? await ctx.loaders.get(PlatformBySlugLoader).load(input.platform.trim()) : null;
  if (input.platform?.trim() && !platform) errors.push(userError(ErrorCode.NOT_FOUND, `Unknown platform "${input.platform}".`, ['platform']));
  if (errors.length) return fail(errors);
  if ((await ctx.em.count(PriceAlert, {})) >= MAX_ALERTS_PER_ACCOUNT) {
    return fail([userError(ErrorCode.OUT_OF_RANGE, `At most ${MAX_ALERTS_PER_ACCOUNT} price alerts per account; delete some first.`, ['condition'])]);
  }
  const priceAlert = ctx.em.create(PriceAlert, {
    accountId: ctx.viewer!.accountId,
    productId: productId!,
    variantId,
    platformId: platform?.id ?? null,
    condition: input.condition,
    threshold: input.threshold,
    currency: (input.currency ?? ctx.viewer!.baseCurrency).toUpperCase(),
    active: true,
    triggerCount: 0,
  });
  await ctx.em.flush();
  return { priceAlert, errors: [] };
}

/** Deletes one of the viewer's alerts; another account's alert answers like a missing one. */
export async function deletePriceAlert(ctx: Context, input: DeletePriceAlertInput): Promise<{ deletedId: string | null; errors: UserError[] }> {
  const uuid = uuidOf(input.id, 'PriceAlert');
  const alert = uuid ? await ctx.em.findOne(PriceAlert, { id: uuid }) : null;
  if (!alert) return { deletedId: null, errors: [userError(ErrorCode.NOT_FOUND, 'No such price alert.', ['id'])] };
  await ctx.em.remove(alert).flush();
  return { deletedId: toGlobalId('PriceAlert', alert.id), errors: [] };
}

/** The viewer's alerts, newest first. */
export async function listPriceAlerts(ctx: Context, args: ConnectionArgs, filter: { active?: boolean | null }, info?: GraphQLResolveInfo): Promise<ConnectionShape<PriceAlert>> {
  const where = filter.active === undefined || filter.active === null ? {} : { active: filter.active };
  const page = await ctx.em.findByCursor(PriceAlert, where, { ...pageWindow(args, info), orderBy: { createdAt: 'desc', id: 'desc' } as QueryOrderMap<PriceAlert> });
  return connectionFromCursor(page);
}
