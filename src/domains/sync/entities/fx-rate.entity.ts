import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import type Decimal from 'decimal.js';
import { BaseEntity } from '../../../common/orm/base.entity';
import { DecimalType } from '../../../common/orm/decimal.type';

/** Where an FX rate came from. */
export enum FxRateSource {
  /** Plausible rates seeded by the migration so conversions work out of the box; not market rates. */
  SEEDED = 'SEEDED',
  PROVIDER = 'PROVIDER',
  MANUAL = 'MANUAL',
}

/** Daily exchange rate: 1 `base` buys `rate` `quote`. Shared by all accounts. */
@Entity({ tableName: 'fx_rate' })
@Unique({ properties: ['base', 'quote', 'date'] })
export class FxRate extends BaseEntity {
  @Property({ type: 'character(3)' })
  base!: string;

  @Property({ type: 'character(3)' })
  quote!: string;

  @Property({ type: DecimalType, precision: 18, scale: 8 })
  rate!: Decimal;

  @Property({ type: 'date' })
  date!: string;

  @Enum({ items: () => FxRateSource, type: 'text' })
  source!: FxRateSource;
}
