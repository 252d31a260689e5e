import type { Scenario } from '../scenario';
import { coldStartScenario } from './cold-start.scenario';
import { fanOutScenario } from './fan-out.scenario';
import { ingestScenario } from './ingest.scenario';
import { inventoryScenario } from './inventory.scenario';
import { productPageScenario } from './product-page.scenario';
import { productsScenario } from './products.scenario';
import { repricingScenario } from './repricing.scenario';
import { soakScenario } from './soak.scenario';
import { syncScenario } from './sync.scenario';
import { typenameScenario } from './typename.scenario';

/**
 * Every scenario, in the order `npm run bench` runs them. Cold start comes first so that no
 * in-process gateway exists yet while processes are spawned and timed. The market scenarios share
 * the 1,000 × 20 catalog of `products`; `product-page` loads the market history `ingest` reuses.
 * `soak` comes last: it adds inventory items to the member's book, which the inventory scenarios read.
 */
export const scenarios: Scenario[] = [coldStartScenario, typenameScenario, productsScenario, productPageScenario, ingestScenario, fanOutScenario, syncScenario, inventoryScenario, repricingScenario, soakScenario];
