import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type Decimal from 'decimal.js';
import type { Context } from '../../../common/context';
import { convertMoney, type FxQuote } from '../../../common/fx';
import { ErrorCode, userError, type UserError } from '../../../common/errors';
import { Dec } from '../../../common/money';
import { uuidOf } from '../../../common/node';
import { inTransaction, lockRow } from '../../../common/orm/row-locks';
import { PlatformByIdLoader, PlatformBySlugLoader, VariantByIdLoader, type Platform } from '../../catalog';
import { InventoryItem, InventoryItemByIdLoader, moneyErrors, normalizeCurrency, recordItemSale } from '../../inventory';
import type { RecordOrderInput } from '../api/order.inputs';
import type { Listing } from '../entities/listing.entity';
import { OrderItem } from '../entities/order-item.entity';
import { Order, OrderSource, OrderStatus } from '../entities/order.entity';
import { FINAL_LISTING_STATUSES } from '../listings/listing.enums';
import { ListingByIdLoader } from '../listings/listing.loaders';
import { publishListingChanges } from '../listings/listing-events';
import { markListingSold, pushOwed, takeDownOtherListings } from '../listings/listing-status.service';
import { computeOrderAmounts, impliedRate } from './order-amounts';
import { publishOrderChanged } from './order-events.service';
import { FxQuotes, utcDate } from './order-fx.service';
import { MAX_TRACKING_NUMBER, stampStatusTimes } from './order-status.service';

type OrderResult = { order: Order | null; errors: UserError[] };

export const MAX_ORDER_QUANTITY = 10_000;
const MAX_ORDER_NUMBER = 100;
const MAX_TITLE = 300;
const FUTURE_SLACK_MS = 5 * 60_000;
const EARLIEST_ORDER = new Date('2000-01-01T00:00:00Z');

/** What the sale refers to, once the ids are resolved. */
interface SaleRefs {
  platform: Platform | null;
  listing: Listing | null;
  item: InventoryItem | null;
  variantId: string | null;
}

async function resolveRefs(ctx: Context, input: RecordOrderInput, errors: UserError[]): Promise<SaleRefs> {
  const refs: SaleRefs = { platform: null, listing: null, item: null, variantId: null };
  if (input.listingId) {
    const uuid = uuidOf(input.listingId, 'Listing');
    refs.listing = uuid ? await ctx.loaders.get(ListingByIdLoader).load(uuid) : null;
    if (!refs.listing) errors.push(userError(ErrorCode.NOT_FOUND, 'No such listing.', ['listingId']));
    else if (FINAL_LISTING_STATUSES.includes(refs.listing.status)) errors.push(userError(ErrorCode.CONFLICT, `The listing is already ${refs.listing.status}.`, ['listingId']));
  }
  const itemUuid = input.inventoryItemId ? uuidOf(input.inventoryItemId, 'InventoryItem') : refs.listing?.inventoryItemId ?? null;
  if (input.inventoryItemId || itemUuid) {
    refs.item = itemUuid ? await ctx.loaders.get(InventoryItemByIdLoader).load(itemUuid) : null;
    if (!refs.item) errors.push(userError(ErrorCode.NOT_FOUND, 'No such inventory item.', ['inventoryItemId']));
    else if (refs.listing && refs.listing.inventoryItemId !== refs.item.id) errors.push(userError(ErrorCode.INVALID, 'The listing is of another inventory item.', ['inventoryItemId']));
    else if (!errors.some((e) => e.field?.[0] === 'listingId') && refs.item.quantityAvailable < input.quantity) {
      errors.push(userError(ErrorCode.CONFLICT, `The item has ${refs.item.quantityAvailable} unsold unit(s); cannot sell ${input.quantity}.`, ['quantity']));
    }
  }
  if (input.variantId) {
    const uuid = uuidOf(input.variantId, 'Variant');
    const variant = uuid ? await ctx.loaders.get(VariantByIdLoader).load(uuid) : null;
    if (!variant) errors.push(userError(ErrorCode.NOT_FOUND, 'No such variant.', ['variantId']));
    else if (refs.item && refs.item.variantId !== variant.id) errors.push(userError(ErrorCode.INVALID, "The variant is not the item's size.", ['variantId']));
    else refs.variantId = variant.id;
  }
  if (input.orderedAt && refs.listing && input.orderedAt < refs.listing.createdAt) {
    errors.push(userError(ErrorCode.OUT_OF_RANGE, 'The order date is before the listing was created.', ['orderedAt']));
  } else if (input.orderedAt && refs.item && input.orderedAt < refs.item.purchasedAt) {
    errors.push(userError(ErrorCode.OUT_OF_RANGE, 'The order date is before the item was bought.', ['orderedAt']));
  }
  refs.variantId ??= refs.item?.variantId ?? refs.listing?.variantId ?? null;
  const slug = input.platform?.trim().toLowerCase();
  if (slug) {
    refs.platform = await ctx.loaders.get(PlatformBySlugLoader).load(slug);
    if (!refs.platform) errors.push(userError(ErrorCode.NOT_FOUND, `Unknown platform "${input.platform}".`, ['platform']));
    else if (refs.listing && refs.listing.platformId !== refs.platform.id) errors.push(userError(ErrorCode.INVALID, 'The listing is on another platform.', ['platform']));
  } else if (refs.listing) {
    refs.platform = await ctx.loaders.get(PlatformByIdLoader).load(refs.listing.platformId);
  } else if (!input.listingId) {
    errors.push(userError(ErrorCode.REQUIRED, 'Give the platform (or the listing that sold).', ['platform']));
  }
  return refs;
}

function fieldErrors(input: RecordOrderInput, now: Date): UserError[] {
  const errors: UserError[] = [];
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > MAX_ORDER_QUANTITY) {
    errors.push(userError(ErrorCode.OUT_OF_RANGE, `Quantity must be between 1 and ${MAX_ORDER_QUANTITY}.`, ['quantity']));
  }
  errors.push(...moneyErrors(input.salePrice, ['salePrice']));
  for (const field of ['buyerPremium', 'shippingCost', 'sellerFee', 'processingFee', 'costBasis'] as const) {
    const value = input[field];
    if (value !== null && value !== undefined) errors.push(...moneyErrors(value, [field]));
  }
  if (input.sellerFee && input.processingFee && input.sellerFee.plus(input.processingFee).gt(input.salePrice)) {
    errors.push(userError(ErrorCode.OUT_OF_RANGE, 'The fees exceed the sale price.', ['sellerFee']));
  }
  if (input.currency !== null && input.currency !== undefined && !normalizeCurrency(input.currency)) {
    errors.push(userError(ErrorCode.INVALID, `"${input.currency}" is not an ISO 4217 currency code.`, ['currency']));
  }
  if (input.status === OrderStatus.CANCELLED || input.status === OrderStatus.RETURNED) {
    errors.push(userError(ErrorCode.INVALID, 'A sale cannot be recorded as CANCELLED or RETURNED; record it, then change its status.', ['status']));
  }
  if (input.orderedAt) {
    if (input.orderedAt.getTime() > now.getTime() + FUTURE_SLACK_MS) errors.push(userError(ErrorCode.OUT_OF_RANGE, 'The order date is in the future.', ['orderedAt']));
    else if (input.orderedAt < EARLIEST_ORDER) errors.push(userError(ErrorCode.OUT_OF_RANGE, 'The order date is before 2000.', ['orderedAt']));
  }
  const number = input.externalOrderNumber;
  if (number !== null && number !== undefined && (!number.trim() || number.trim().length > MAX_ORDER_NUMBER)) {
    errors.push(userError(ErrorCode.INVALID, `An order number has 1 to ${MAX_ORDER_NUMBER} characters.`, ['externalOrderNumber']));
  }
  const tracking = input.trackingNumber;
  if (tracking !== null && tracking !== undefined && (!tracking.trim() || tracking.trim().length > MAX_TRACKING_NUMBER)) {
    errors.push(userError(ErrorCode.INVALID, `A tracking number has 1 to ${MAX_TRACKING_NUMBER} characters.`, ['trackingNumber']));
  }
  if (input.title && input.title.length > MAX_TITLE) errors.push(userError(ErrorCode.OUT_OF_RANGE, `A title has at most ${MAX_TITLE} characters.`, ['title']));
  return errors;
}

const noRate = (from: string, to: string, day: string) =>
  userError(ErrorCode.UNSUPPORTED, `No exchange rate from ${from} to ${to} is known for ${day} (or the week before).`, ['currency']);

/** Cost basis in the order currency (at the order date) and in the base currency (at the purchase date). */
async function costBases(fx: FxQuotes, input: RecordOrderInput, item: InventoryItem | null, currency: string, base: string, day: string): Promise<{ cost: Decimal | null; baseCost: Decimal | null } | UserError> {
  if (input.costBasis !== null && input.costBasis !== undefined) return { cost: input.costBasis, baseCost: null };
  if (!item) return { cost: null, baseCost: null };
  const purchaseCurrency = item.purchaseCurrency.trim().toUpperCase();
  const total = new Dec(item.purchasePriceAmount).times(input.quantity);
  const purchaseDay = utcDate(item.purchasedAt);
  const [toOrder, toBase] = await Promise.all([fx.get(purchaseCurrency, currency, day), fx.get(purchaseCurrency, base, purchaseDay)]);
  if (!toOrder) return noRate(purchaseCurrency, currency, day);
  if (!toBase) return { ...noRate(purchaseCurrency, base, purchaseDay), field: ['inventoryItemId'] };
  return { cost: convertMoney(total, purchaseCurrency, currency, toOrder), baseCost: convertMoney(total, purchaseCurrency, base, toBase) };
}

/**
 * Records a sale by hand. Fees come from the platform's schedule (minimum fee included) unless the actual fees
 * are given; payout, profit, margin and ROI are computed exactly in the order currency and, with the FxRate of
 * the order date, in the base currency. The cost basis is the item's unit purchase price × quantity. A listing
 * that sold is marked SOLD (its item's other listings come down once the item is sold out); an item sold without
 * a listing records the sale on the item, and when it is sold out its other listings are deactivated. One
 * transaction with the item row locked, so concurrent sales never take more units than the item has.
 */
export async function recordOrder(ctx: Context, input: RecordOrderInput): Promise<OrderResult> {
  const fail = (errors: UserError[]): OrderResult => ({ order: null, errors });
  const viewer = ctx.viewer!;
  const now = ctx.clock.now();
  const errors = fieldErrors(input, now);
  const refs = await resolveRefs(ctx, input, errors);
  if (errors.length) return fail(errors);
  const platform = refs.platform!;
  const currency = normalizeCurrency(input.currency ?? refs.listing?.currency ?? platform.defaultCurrency)!;
  const base = viewer.baseCurrency.toUpperCase();
  const orderedAt = input.orderedAt ?? now;
  const day = utcDate(orderedAt);
  const fx = new FxQuotes(ctx.em);
  const [quote, costs] = await Promise.all([fx.get(currency, base, day), costBases(fx, input, refs.item, currency, base, day)]);
  if (!quote) return fail([noRate(currency, base, day)]);
  if ('code' in costs) return fail([costs]);

  const sale = { platform, currency, base, orderedAt, day, now, quote, costs };
  let written: OrderResult & { delisted: Listing[] };
  try {
    written = await inTransaction(ctx.em, () => writeSale(ctx, input, refs, sale));
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      return fail([userError(ErrorCode.DUPLICATE, `An order ${input.externalOrderNumber?.trim() ?? ''} on ${platform.slug} is already recorded.`, ['externalOrderNumber'])]);
    }
    throw error;
  }
  const order = written.order;
  if (!order) return fail(written.errors);
  const sold = refs.listing ? [refs.listing] : [];
  await pushOwed(ctx, written.delisted, false);
  if (sold.length || written.delisted.length) publishListingChanges(ctx.pubsub, [...sold, ...written.delisted]);
  publishOrderChanged(ctx.pubsub, order.accountId, order);
  return { order, errors: [] };
}

/** What the order is priced with, settled before the write. */
interface SaleContext {
  platform: Platform;
  currency: string;
  base: string;
  orderedAt: Date;
  day: string;
  now: Date;
  quote: FxQuote;
  costs: { cost: Decimal | null; baseCost: Decimal | null };
}

/** Locks the item that sells and checks, on its committed state, that the listing is still for sale and the units are unsold. */
async function claimUnits(ctx: Context, refs: SaleRefs, units: number): Promise<UserError | null> {
  if (!refs.item) return null;
  await lockRow(ctx.em, InventoryItem, refs.item.id);
  if (refs.listing) {
    await ctx.em.refresh(refs.listing);
    if (FINAL_LISTING_STATUSES.includes(refs.listing.status)) return userError(ErrorCode.CONFLICT, `The listing is already ${refs.listing.status}.`, ['listingId']);
  }
  if (refs.item.quantityAvailable < units) return userError(ErrorCode.CONFLICT, `The item has ${refs.item.quantityAvailable} unsold unit(s); cannot sell ${units}.`, ['quantity']);
  return null;
}

/**
 * Writes the order in the caller's transaction, deciding on the committed state: the item row is locked first, so
 * concurrent sales of the same item queue and each sees the units the previous ones took.
 */
async function writeSale(ctx: Context, input: RecordOrderInput, refs: SaleRefs, sale: SaleContext): Promise<OrderResult & { delisted: Listing[] }> {
  const fail = (errors: UserError[]) => ({ order: null, errors, delisted: [] });
  const { platform, currency, base, orderedAt, day, now, quote, costs } = sale;
  const conflict = await claimUnits(ctx, refs, input.quantity);
  if (conflict) return fail([conflict]);
  const order = Object.assign(new Order(), {
    accountId: ctx.viewer!.accountId,
    platformId: platform.id,
    source: OrderSource.MANUAL,
    listingId: refs.listing?.id ?? null,
    inventoryItemId: refs.item?.id ?? null,
    rawStatus: null,
    currency,
    buyerPremium: new Dec(input.buyerPremium ?? 0),
    baseCurrency: base,
    quantity: input.quantity,
    trackingNumber: input.trackingNumber?.trim() || null,
    orderedAt,
  });
  order.externalOrderNumber = input.externalOrderNumber?.trim() || `MANUAL-${day.replace(/-/g, '')}-${order.id.slice(0, 8).toUpperCase()}`;
  if (await ctx.em.count(Order, { platformId: platform.id, externalOrderNumber: order.externalOrderNumber })) {
    return fail([userError(ErrorCode.DUPLICATE, `An order ${order.externalOrderNumber} on ${platform.slug} is already recorded.`, ['externalOrderNumber'])]);
  }
  const amounts = computeOrderAmounts({
    salePrice: input.salePrice,
    schedule: platform,
    shippingCost: input.shippingCost,
    reported: { sellerFee: input.sellerFee, processingFee: input.processingFee },
    costBasis: costs.cost,
    baseCostBasis: costs.baseCost,
    currency,
    baseCurrency: base,
    fx: quote,
  });
  Object.assign(order, amounts.columns);
  order.fxRate = impliedRate(currency, base, quote);
  order.fxDate = currency === base ? null : day;
  order.status = input.status;
  stampStatusTimes(order, input.status, now);
  const item = Object.assign(new OrderItem(), {
    accountId: ctx.viewer!.accountId,
    orderId: order.id,
    variantId: refs.variantId,
    externalItemId: '1',
    title: input.title?.trim() || null,
    sku: null,
    quantity: input.quantity,
    unitPrice: amounts.columns.salePrice!.div(input.quantity).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN),
    position: 0,
  });
  ctx.em.persist([order, item]);

  // The order rides in the same flush as the listing and item changes: all of it commits, or none.
  let delisted: Listing[] = [];
  if (refs.listing) {
    const sameCurrency = refs.listing.currency.trim().toUpperCase() === currency;
    ({ delisted } = await markListingSold(ctx.em, refs.listing.id, {
      price: sameCurrency ? amounts.columns.salePrice : null,
      netProceeds: sameCurrency ? amounts.columns.netProceeds : null,
      soldAt: orderedAt,
      units: input.quantity,
    }));
  } else if (refs.item && recordItemSale(refs.item, input.quantity)) {
    delisted = await takeDownOtherListings(ctx.em, refs.item.id, null, true);
  }
  await ctx.em.flush();
  return { order, errors: [], delisted };
}
