import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121000100_foundation } from './Migration20261121000100_foundation';
import { Migration20261121000200_market } from './Migration20261121000200_market';

/** Every migration, in order; listed explicitly so compiled and test runs load the same set. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261121000100_foundation', class: Migration20261121000100_foundation },
  { name: 'Migration20261121000200_market', class: Migration20261121000200_market },
];
