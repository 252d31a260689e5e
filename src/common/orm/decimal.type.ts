import { Type, type EntityProperty } from '@mikro-orm/core';
import type Decimal from 'decimal.js';
import { Dec } from '../money';

/** Maps NUMERIC columns to exact decimals (never JS floats). */
export class DecimalType extends Type<Decimal | null | undefined, string | null | undefined> {
  convertToDatabaseValue(value: Decimal | string | null | undefined): string | null | undefined {
    return value === null || value === undefined ? value : new Dec(value).toFixed();
  }

  convertToJSValue(value: string | Decimal | null | undefined): Decimal | null | undefined {
    return value === null || value === undefined ? value : new Dec(value);
  }

  compareAsType(): string {
    return 'string';
  }

  getColumnType(prop: EntityProperty): string {
    return `numeric(${prop.precision ?? 12},${prop.scale ?? 2})`;
  }
}
