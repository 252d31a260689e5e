import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121000100_foundation } from './Migration20261121000100_foundation';

/** Every migration, in order; listed explicitly so compiled and test runs load the same set. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261121000100_foundation', class: Migration20261121000100_foundation },
];
