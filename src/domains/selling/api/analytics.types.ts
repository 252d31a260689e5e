import type Decimal from 'decimal.js';
import { Field, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { CurrencyScalar, DateTimeScalar, DecimalScalar } from '../../../common/scalars';
import { Period } from '../analytics/period';

/** How salesSummary groups orders. */
export enum SalesGrouping {
  MARKETPLACE = 'MARKETPLACE',
  DAY = 'DAY',
  MONTH = 'MONTH',
  PRODUCT = 'PRODUCT',
}

registerEnumType(SalesGrouping, {
  name: 'SalesGrouping',
  description: 'How salesSummary groups orders.',
  valuesConfig: {
    MARKETPLACE: { description: 'One bucket per platform.' },
    DAY: { description: 'One bucket per UTC calendar day with sales.' },
    MONTH: { description: 'One bucket per UTC calendar month with sales.' },
    PRODUCT: { description: 'One bucket per product; an order with several lines is split over them by line value.' },
  },
});

@InterfaceType({ description: 'Sales, payouts and profit of a set of orders, in one currency.' })
export abstract class SalesFigures {
  @Field(() => CurrencyScalar, { description: 'Currency of every amount.' })
  currency!: string;

  @Field(() => Int, { description: 'Sales (orders neither cancelled nor returned).' })
  orders!: number;

  @Field(() => Int, { description: 'Units of those sales.' })
  units!: number;

  @Field(() => DecimalScalar, { description: 'Sum of sale prices.' })
  revenue!: Decimal;

  @Field(() => DecimalScalar, { description: 'Seller, processing and fixed fees.' })
  fees!: Decimal;

  @Field(() => DecimalScalar, { description: 'Shipping paid by the seller.' })
  shipping!: Decimal;

  @Field(() => DecimalScalar, { description: 'Payouts: revenue − fees − shipping.' })
  netProceeds!: Decimal;

  @Field(() => DecimalScalar, { description: 'Cost basis of the sales whose cost is known.' })
  costBasis!: Decimal;

  @Field(() => DecimalScalar, { description: 'Net profit of the sales whose cost is known.' })
  netProfit!: Decimal;

  @Field(() => DecimalScalar, { nullable: true, description: 'Net profit / revenue of the sales whose cost is known (fraction, 4 places); null without such sales.' })
  margin!: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Net profit / cost basis (fraction, 4 places); null without a cost.' })
  roi!: Decimal | null;

  @Field(() => Int, { description: 'Sales without a cost basis: in revenue and payouts, not in profit.' })
  ordersWithoutProfit!: number;

  @Field(() => Int, { description: 'Sales left out of the amounts because no FX rate converts them to this currency.' })
  ordersWithoutRate!: number;

  @Field(() => Int, { description: 'Orders returned (not counted as sales).' })
  returnedOrders!: number;
}

@ObjectType({ implements: SalesFigures, description: 'One group of salesSummary.' })
export class SalesBucket extends SalesFigures {
  @Field({ description: 'The group: a platform slug, a day (YYYY-MM-DD), a month (YYYY-MM), or a product\'s global id ("unmatched" for lines not matched to a product).' })
  key!: string;

  platformUuid!: string | null;

  productUuid!: string | null;
}

@ObjectType({ implements: SalesFigures, description: "The viewer's sales and profit over a period, in the base currency." })
export class ProfitAnalytics extends SalesFigures {
  @Field(() => Period, { description: 'The period asked for.' })
  period!: Period;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Start of the window (inclusive); null for ALL_TIME.' })
  from!: Date | null;

  @Field(() => DateTimeScalar, { description: 'End of the window (exclusive).' })
  to!: Date;

  @Field(() => DecimalScalar, { description: 'Revenue − cost basis of the sales whose cost is known (before fees and shipping).' })
  grossProfit!: Decimal;

  @Field(() => Int, { description: 'Sales COMPLETED (paid out).' })
  completedOrders!: number;

  @Field(() => Int, { description: 'Sales still in progress (placed, confirmed, authenticating, shipped, delivered, or an unmapped status).' })
  openOrders!: number;

  @Field(() => Int, { description: 'Orders cancelled.' })
  cancelledOrders!: number;

  @Field(() => DecimalScalar, { description: 'Net profit of COMPLETED sales: what is really earned.' })
  realizedNetProfit!: Decimal;

  @Field(() => DecimalScalar, { description: 'Net profit of sales still in progress.' })
  pendingNetProfit!: Decimal;

  @Field(() => DecimalScalar, { nullable: true, description: 'Average net profit per sale with a known cost (to the cent).' })
  averageNetProfit!: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Returned / orders that reached the buyer (delivered, completed or returned); fraction, 4 places.' })
  returnRate!: Decimal | null;
}

@ObjectType({ description: 'Sales of one product on one platform.' })
export class ProductSales {
  @Field(() => Int, { description: 'Rank on its platform, from 1 (highest revenue).' })
  rank!: number;

  productUuid!: string | null;

  @Field(() => Int, { description: 'Sales including the product.' })
  orders!: number;

  @Field(() => Int, { description: 'Units sold.' })
  units!: number;

  @Field(() => DecimalScalar, { description: 'Revenue.' })
  revenue!: Decimal;

  @Field(() => DecimalScalar, { description: 'Net profit of the lines whose cost is known.' })
  netProfit!: Decimal;
}

@ObjectType({ description: "A platform's best-selling products for the viewer." })
export class MarketplaceTopProducts {
  platformUuid!: string;

  @Field(() => CurrencyScalar, { description: 'Currency of the amounts (the base currency).' })
  currency!: string;

  @Field(() => [ProductSales], { description: 'Products by revenue, highest first.' })
  products!: ProductSales[];
}

@ObjectType({ description: "How often the viewer's sales on a platform come back." })
export class MarketplaceReturnRate {
  platformUuid!: string;

  @Field(() => Int, { description: 'Orders that reached the buyer: delivered, completed or returned.' })
  delivered!: number;

  @Field(() => Int, { description: 'Orders returned.' })
  returned!: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'returned / delivered as a fraction to 4 places; null when nothing was delivered.' })
  returnRate!: Decimal | null;
}
