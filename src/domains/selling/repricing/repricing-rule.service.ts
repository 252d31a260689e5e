import type Decimal from 'decimal.js';
import type { Context } from '../../../common/context';
import { ErrorCode, userError, type UserError } from '../../../common/errors';
import { Dec } from '../../../common/money';
import { uuidOf } from '../../../common/node';
import { PlatformByIdLoader } from '../../catalog';
import { moneyErrors } from '../../inventory';
import type { RepricingRuleInput, SetRepricingRuleInput } from '../api/repricing.inputs';
import { Listing } from '../entities/listing.entity';
import { RepricingRule } from '../entities/repricing-rule.entity';
import { listingFloor } from '../listings/listing-pricing';
import { FINAL_LISTING_STATUSES } from '../listings/listing.enums';
import { RepricingRuleByListingLoader } from '../listings/listing.loaders';
import { RepricingStrategyKind, type RepricingRuleSettings } from './repricing-strategy';

/** Longest cooldown a rule may ask for: 30 days. */
export const MAX_COOLDOWN_SECONDS = 30 * 24 * 3600;
const MAX_PERCENT = new Dec(1000);

/** A rule's settings as plain values (what the entity stores and `decideReprice` reads). */
export type RuleSettings = Required<RepricingRuleSettings> & { active: boolean };

function percentErrors(value: Decimal, field: (string | number)[], below?: number): UserError[] {
  if (value.isNeg()) return [userError(ErrorCode.OUT_OF_RANGE, 'Must not be negative.', field)];
  if (below !== undefined && value.gte(below)) return [userError(ErrorCode.OUT_OF_RANGE, `Must be below ${below}.`, field)];
  if (value.gt(MAX_PERCENT)) return [userError(ErrorCode.OUT_OF_RANGE, `Must be at most ${MAX_PERCENT.toFixed()}.`, field)];
  if (value.decimalPlaces() > 3) return [userError(ErrorCode.INVALID, 'At most 3 decimal places.', field)];
  return [];
}

/** Range and consistency problems of a rule, each with its input path under `path`. */
export function ruleInputErrors(rule: RepricingRuleInput, path: (string | number)[]): UserError[] {
  const at = (name: string) => [...path, name].map(String);
  const errors: UserError[] = [];
  for (const name of ['undercutAmount', 'floorPrice', 'minimumMargin'] as const) {
    const value = rule[name];
    if (value != null) errors.push(...moneyErrors(value, at(name)));
  }
  for (const name of ['fixedPrice', 'ceilingPrice'] as const) {
    const value = rule[name];
    if (value != null) errors.push(...moneyErrors(value, at(name), { positive: true }));
  }
  if (rule.undercutPercent != null) errors.push(...percentErrors(rule.undercutPercent, at('undercutPercent'), 100));
  if (rule.maxChangePercent != null) errors.push(...percentErrors(rule.maxChangePercent, at('maxChangePercent')));
  if (rule.cooldownSeconds != null && (rule.cooldownSeconds < 0 || rule.cooldownSeconds > MAX_COOLDOWN_SECONDS)) {
    errors.push(userError(ErrorCode.OUT_OF_RANGE, `Cooldown must be between 0 and ${MAX_COOLDOWN_SECONDS} seconds.`, at('cooldownSeconds')));
  }
  if (rule.ceilingPrice != null && rule.floorPrice != null && new Dec(rule.ceilingPrice).lt(rule.floorPrice)) {
    errors.push(userError(ErrorCode.INVALID, 'The ceiling is below the floor.', at('ceilingPrice')));
  }
  return errors;
}

/** The stored settings of a valid rule input; FIXED without a fixed price holds `currentPrice`. */
export function ruleSettingsOf(rule: RepricingRuleInput, currentPrice: Decimal | null): RuleSettings {
  return {
    strategy: rule.strategy,
    active: rule.active ?? true,
    undercutAmount: rule.undercutAmount ?? null,
    undercutPercent: rule.undercutPercent ?? null,
    fixedPrice: rule.fixedPrice ?? (rule.strategy === RepricingStrategyKind.FIXED ? currentPrice : null),
    floorPrice: rule.floorPrice ?? null,
    minimumMargin: rule.minimumMargin ?? null,
    ceilingPrice: rule.ceilingPrice ?? null,
    maxChangePercent: rule.maxChangePercent ?? null,
    cooldownSeconds: rule.cooldownSeconds ?? null,
  };
}

/** A ceiling below the effective floor makes every decision an INVALID_RULE skip: refuse it up front. */
export function ceilingBelowFloor(settings: RuleSettings, floor: Decimal, path: (string | number)[]): UserError[] {
  if (settings.ceilingPrice == null || !new Dec(settings.ceilingPrice).lt(floor)) return [];
  return [userError(ErrorCode.INVALID, `The ceiling ${new Dec(settings.ceilingPrice).toFixed(2)} is below the floor ${floor.toFixed(2)} (cost basis + minimum margin after fees, or the explicit floor).`, [...path, 'ceilingPrice'])];
}

/** Creates or replaces the repricing rule of one of the viewer's listings. */
export async function setRepricingRule(ctx: Context, input: SetRepricingRuleInput): Promise<{ repricingRule: RepricingRule | null; listing: Listing | null; errors: UserError[] }> {
  const fail = (errors: UserError[]) => ({ repricingRule: null, listing: null, errors });
  const uuid = uuidOf(input.listingId, 'Listing');
  const listing = uuid ? await ctx.em.findOne(Listing, uuid) : null;
  if (!listing) return fail([userError(ErrorCode.NOT_FOUND, 'No such listing.', ['listingId'])]);
  if (FINAL_LISTING_STATUSES.includes(listing.status)) return fail([userError(ErrorCode.CONFLICT, `The listing is ${listing.status}; its rule can no longer change.`, ['listingId'])]);
  const errors = ruleInputErrors(input.rule, ['rule']);
  if (errors.length) return fail(errors);
  const settings = ruleSettingsOf(input.rule, listing.askPrice);
  const platform = (await ctx.loaders.get(PlatformByIdLoader).load(listing.platformId))!;
  const invalid = ceilingBelowFloor(settings, listingFloor(listing, platform, settings), ['rule']);
  if (invalid.length) return fail(invalid);
  const existing = await ctx.loaders.get(RepricingRuleByListingLoader).load(listing.id);
  const rule = existing ?? ctx.em.create(RepricingRule, { accountId: listing.accountId, listingId: listing.id, ...settings });
  Object.assign(rule, settings);
  await ctx.em.flush();
  return { repricingRule: rule, listing, errors: [] };
}
