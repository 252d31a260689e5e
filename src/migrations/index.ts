import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121000100_foundation } from './Migration20261121000100_foundation';
import { Migration20261121000200_market } from './Migration20261121000200_market';
import { Migration20261121000300_sync } from './Migration20261121000300_sync';
import { Migration20261121000400_inventory_listings } from './Migration20261121000400_inventory_listings';
import { Migration20261121000500_orders } from './Migration20261121000500_orders';

/** Every migration, in order; listed explicitly so compiled and test runs load the same set. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261121000100_foundation', class: Migration20261121000100_foundation },
  { name: 'Migration20261121000200_market', class: Migration20261121000200_market },
  { name: 'Migration20261121000300_sync', class: Migration20261121000300_sync },
  { name: 'Migration20261121000400_inventory_listings', class: Migration20261121000400_inventory_listings },
  { name: 'Migration20261121000500_orders', class: Migration20261121000500_orders },
];
