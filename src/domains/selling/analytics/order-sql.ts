import type { Knex } from '@mikro-orm/postgresql';

/** Collects positional bind parameters in the order their `?` appear in the statement being written. */
export class Bindings {
  readonly values: Knex.RawBinding[] = [];

  /** Binds a value and returns its placeholder. */
  bind(value: Knex.RawBinding): string {
    this.values.push(value);
    return '?';
  }
}

/** The orders an aggregation covers: one account, a half-open window on the order date, a target currency. */
export interface OrderScope {
  accountId: string;
  from: Date | null;
  to: Date;
  /** ISO 4217 code every amount is expressed in. */
  currency: string;
}

/** Orders that are sales: not cancelled and not returned (an unmapped synced status counts as a sale in progress). */
export const IS_SALE = `(o.status is null or o.status not in ('CANCELLED', 'RETURNED'))`;

/**
 * `converted`: the scope's orders with every amount in the target currency (`t_*` columns). Orders already stored
 * in that base currency use their base columns; others are converted line by line with `fx_convert` at the order
 * date, which rounds half-even per line, so per-order figures add up exactly as stored ones do. Amounts stay
 * NUMERIC throughout; a conversion without a rate is null and counted, never guessed.
 */
export function convertedOrdersCte(b: Bindings, scope: OrderScope): string {
  const currency = (column: string, base: string) =>
    `case when o.base_currency = ${b.bind(scope.currency)} then o.${base} else fx_convert(o.${column}, o.currency, ${b.bind(scope.currency)}, d.day) end`;
  const from = () => (scope.from ? `and o.ordered_at >= ${b.bind(scope.from.toISOString())}::timestamptz` : '');
  return `converted as (
    select o.id, o.platform_id, o.status, o.quantity, o.ordered_at, ${IS_SALE} as is_sale, o.sale_price is not null as has_price,
           t.t_sale, t.t_fees, t.t_shipping, t.t_cost,
           t.t_sale - t.t_fees - t.t_shipping as t_net,
           t.t_sale - t.t_fees - t.t_shipping - t.t_cost as t_profit
      from sales_order o
     cross join lateral (select (o.ordered_at at time zone 'UTC')::date as day) as d
     cross join lateral (
       select ${currency('sale_price', 'base_sale_price')} as t_sale,
              case when o.base_currency = ${b.bind(scope.currency)} then o.base_fees
                   else fx_convert(o.seller_fee, o.currency, ${b.bind(scope.currency)}, d.day) + fx_convert(o.processing_fee, o.currency, ${b.bind(scope.currency)}, d.day)
                        + fx_convert(o.fixed_fee, o.currency, ${b.bind(scope.currency)}, d.day) end as t_fees,
              ${currency('shipping_cost', 'base_shipping_cost')} as t_shipping,
              ${currency('cost_basis', 'base_cost_basis')} as t_cost
     ) as t
     where o.account_id = ${b.bind(scope.accountId)}::uuid ${from()} and o.ordered_at < ${b.bind(scope.to.toISOString())}::timestamptz
  )`;
}

/**
 * `lines`: each converted order split over its lines (an order without lines is one unmatched line). Amounts are
 * allocated by line value — by quantity when a line has no price — with cumulative half-even rounding, so the
 * lines of an order add up to the order to the cent.
 */
export function orderLinesCte(): string {
  const share = (column: string) =>
    `round_half_even(c.${column} * w.cumulative / w.total, 2) - round_half_even(c.${column} * (w.cumulative - w.weight) / w.total, 2)`;
  return `weighted as (
    select c.id as order_id, i.id as item_id, coalesce(i.quantity, c.quantity) as units, v.product_id,
           case when bool_and(i.unit_price is not null) over (partition by c.id) and sum(i.unit_price * i.quantity) over (partition by c.id) > 0
                then i.unit_price * i.quantity else coalesce(i.quantity, 1) end as weight,
           i.position, i.created_at
      from converted c
      left join sales_order_item i on i.order_id = c.id
      left join variant v on v.id = i.variant_id
  ),
  weights as (
    select wt.*,
           sum(wt.weight) over (partition by wt.order_id order by wt.position, wt.created_at, wt.item_id) as cumulative,
           sum(wt.weight) over (partition by wt.order_id) as total
      from weighted wt
  ),
  lines as (
    select c.id, c.platform_id, c.status, c.is_sale, c.has_price, w.product_id, w.units,
           ${share('t_sale')} as t_sale, ${share('t_fees')} as t_fees, ${share('t_shipping')} as t_shipping,
           ${share('t_net')} as t_net, ${share('t_cost')} as t_cost,
           ${share('t_net')} - (${share('t_cost')}) as t_profit
      from converted c
      join weights w on w.order_id = c.id and w.total > 0
  )`;
}

/** Sums of a group of `converted` or `lines` rows: sales amounts, counts, margin and return figures. */
export function salesAggregates(units: 'quantity' | 'units'): string {
  return `count(distinct id) filter (where is_sale)::int as orders,
          coalesce(sum(${units}) filter (where is_sale), 0)::int as units,
          coalesce(sum(t_sale) filter (where is_sale), 0)::text as revenue,
          coalesce(sum(t_fees) filter (where is_sale), 0)::text as fees,
          coalesce(sum(t_shipping) filter (where is_sale), 0)::text as shipping,
          coalesce(sum(t_net) filter (where is_sale), 0)::text as net_proceeds,
          coalesce(sum(t_cost) filter (where is_sale and t_profit is not null), 0)::text as cost_basis,
          coalesce(sum(t_profit) filter (where is_sale), 0)::text as net_profit,
          round_half_even(sum(t_profit) filter (where is_sale) / nullif(sum(t_sale) filter (where is_sale and t_profit is not null), 0), 4)::text as margin,
          round_half_even(sum(t_profit) filter (where is_sale) / nullif(sum(t_cost) filter (where is_sale and t_profit is not null), 0), 4)::text as roi,
          count(distinct id) filter (where is_sale and t_profit is null)::int as orders_without_profit,
          count(distinct id) filter (where is_sale and has_price and t_sale is null)::int as orders_without_rate,
          count(distinct id) filter (where status = 'RETURNED')::int as returned_orders`;
}
