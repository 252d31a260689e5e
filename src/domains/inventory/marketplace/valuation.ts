import type Decimal from 'decimal.js';
import { Dec, Money, roundMoney } from '../../../common/money';
import { computeNetProceeds } from '../../catalog';
import type { ItemValuation, PlatformValuation } from '../api/marketplace-data.types';
import type { PriceBasis } from '../entities/inventory.enums';
import { pickPrice } from './marketplace-data';
import type { PlatformMarket } from './platform-market';

/** The facts of an item a valuation needs. */
export interface ValuedItem {
  unitCost: Decimal;
  currency: string;
  units: number;
}

const ratio = (value: Decimal) => value.toDecimalPlaces(4, Dec.ROUND_HALF_EVEN);

/** One platform's valuation, or null when it has no price at all. */
export function platformValuation(item: ValuedItem, entry: PlatformMarket, basis: PriceBasis): PlatformValuation | null {
  const picked = pickPrice(entry, basis);
  if (!picked) return null;
  const unitNet = computeNetProceeds({ salePrice: picked.price, schedule: entry.platform }).netProceeds;
  const sameCurrency = picked.currency === item.currency;
  const unitProfit = sameCurrency ? unitNet.minus(item.unitCost) : null;
  return {
    platform: entry.platform,
    basis: picked.basis,
    price: Money.of(picked.price, picked.currency)!,
    unitNet: Money.of(unitNet, picked.currency)!,
    marketValue: Money.of(roundMoney(unitNet.times(item.units)), picked.currency)!,
    unrealizedProfit: unitProfit ? Money.of(roundMoney(unitProfit.times(item.units)), picked.currency) : null,
    margin: unitProfit && picked.price.gt(0) ? ratio(unitProfit.div(picked.price)) : null,
    roi: unitProfit && item.unitCost.gt(0) ? ratio(unitProfit.div(item.unitCost)) : null,
  };
}

/** Market value and unrealized profit of the item's unsold units on every platform with a price, net of fees. */
export function valuate(item: ValuedItem, entries: PlatformMarket[], basis: PriceBasis): ItemValuation {
  const platforms = entries.map((entry) => platformValuation(item, entry, basis)).filter((v): v is PlatformValuation => v !== null);
  const comparable = platforms.filter((v) => v.unrealizedProfit !== null);
  const best = comparable.reduce<PlatformValuation | null>((top, v) => (!top || v.unitNet.amount.gt(top.unitNet.amount) ? v : top), null);
  return {
    units: item.units,
    costBasis: Money.of(roundMoney(item.unitCost.times(item.units)), item.currency)!,
    platforms,
    best,
  };
}
