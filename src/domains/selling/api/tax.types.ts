import type Decimal from 'decimal.js';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CurrencyScalar, DecimalScalar } from '../../../common/scalars';
import { CostBasisMethodKind, HoldingTerm } from '../tax/tax-lot';

export { CostBasisMethodKind as CostBasisMethod, HoldingTerm };

registerEnumType(CostBasisMethodKind, {
  name: 'CostBasisMethod',
  description: 'How sales are matched to purchase lots in the tax report.',
  valuesConfig: {
    FIFO: { description: 'First in, first out: the oldest units of the same size are sold first (the default).' },
    SPECIFIC: { description: 'Specific identification: a sale recorded against an inventory item uses that item; others fall back to FIFO.' },
  },
});

registerEnumType(HoldingTerm, {
  name: 'HoldingTerm',
  description: 'Holding period of a sold lot.',
  valuesConfig: {
    SHORT: { description: 'Held one year or less.' },
    LONG: { description: 'Held more than one year.' },
  },
});

/** Why part of a sale is missing from the report. */
export enum TaxProblemCode {
  INSUFFICIENT_LOTS = 'INSUFFICIENT_LOTS',
  UNKNOWN_LOT = 'UNKNOWN_LOT',
  LOT_EXHAUSTED = 'LOT_EXHAUSTED',
  LOT_NOT_YET_ACQUIRED = 'LOT_NOT_YET_ACQUIRED',
  NO_VARIANT = 'NO_VARIANT',
  NO_AMOUNTS = 'NO_AMOUNTS',
}

registerEnumType(TaxProblemCode, {
  name: 'TaxProblemCode',
  description: 'Why (part of) a completed sale is missing from the tax report.',
  valuesConfig: {
    INSUFFICIENT_LOTS: { description: 'Not enough units of the size were in inventory on or before the sale date.' },
    UNKNOWN_LOT: { description: 'SPECIFIC: the sale names an inventory item of another size.' },
    LOT_EXHAUSTED: { description: 'SPECIFIC: the named inventory item has no units left.' },
    LOT_NOT_YET_ACQUIRED: { description: 'SPECIFIC: the named inventory item was bought after the sale.' },
    NO_VARIANT: { description: 'The order line is not matched to a size, so no lot can be found.' },
    NO_AMOUNTS: { description: 'The order has no sale price, or no FX rate converts it to the base currency.' },
  },
});

@ObjectType({ description: 'One line of the tax report: the part of a completed sale matched to one purchase lot.' })
export class TaxReportRow {
  @Field({ description: 'Product and size sold.' })
  description!: string;

  @Field(() => Int, { description: 'Units.' })
  quantity!: number;

  @Field({ description: 'Date acquired (YYYY-MM-DD, UTC).' })
  acquiredOn!: string;

  @Field({ description: 'Date sold (YYYY-MM-DD, UTC): the order date.' })
  soldOn!: string;

  @Field(() => DecimalScalar, { description: "Proceeds: this row's share of the sale price." })
  proceeds!: Decimal;

  @Field(() => DecimalScalar, { description: 'Cost basis of the units (purchase price converted at the purchase date).' })
  costBasis!: Decimal;

  @Field(() => DecimalScalar, { description: "This row's share of the selling fees and shipping." })
  fees!: Decimal;

  @Field(() => DecimalScalar, { description: 'Proceeds − fees − cost basis.' })
  gain!: Decimal;

  @Field(() => HoldingTerm, { description: 'Short or long term.' })
  term!: HoldingTerm;

  @Field({ description: 'The sale: "<platform>:<order number>".' })
  saleId!: string;

  @Field(() => ID, { description: 'The order (global id).' })
  orderId!: string;

  @Field(() => ID, { description: 'The inventory item the units came from (global id).' })
  inventoryItemId!: string;
}

@ObjectType({ description: 'Column totals of the tax report.' })
export class TaxReportTotals {
  @Field(() => DecimalScalar, { description: 'Total proceeds.' })
  proceeds!: Decimal;

  @Field(() => DecimalScalar, { description: 'Total cost basis.' })
  costBasis!: Decimal;

  @Field(() => DecimalScalar, { description: 'Total fees.' })
  fees!: Decimal;

  @Field(() => DecimalScalar, { description: 'Total gain.' })
  gain!: Decimal;

  @Field(() => DecimalScalar, { description: 'Gain of short-term rows.' })
  shortTermGain!: Decimal;

  @Field(() => DecimalScalar, { description: 'Gain of long-term rows.' })
  longTermGain!: Decimal;
}

@ObjectType({ description: 'A completed sale (or part of one) left out of the rows, and why.' })
export class TaxProblem {
  @Field(() => ID, { description: 'The order (global id).' })
  orderId!: string;

  @Field(() => TaxProblemCode, { description: 'Why.' })
  code!: TaxProblemCode;

  @Field(() => Int, { description: 'Units left out.' })
  unmatchedQuantity!: number;

  @Field({ description: 'Explanation.' })
  message!: string;
}

@ObjectType({ description: "The viewer's capital gains of one year: one row per completed sale and lot, in the base currency." })
export class TaxReport {
  @Field(() => Int, { description: 'Calendar year of the sale dates.' })
  year!: number;

  @Field(() => CostBasisMethodKind, { description: 'How sales were matched to lots.' })
  method!: CostBasisMethodKind;

  @Field(() => CurrencyScalar, { description: 'Currency of every amount (the base currency).' })
  currency!: string;

  @Field(() => [TaxReportRow], { description: 'Rows in sale-date order.' })
  rows!: TaxReportRow[];

  @Field(() => TaxReportTotals, { description: 'Totals of the rows.' })
  totals!: TaxReportTotals;

  @Field(() => [TaxProblem], { description: 'Sales of the year that could not be (fully) reported.' })
  problems!: TaxProblem[];
}
