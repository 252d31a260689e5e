import type { Scenario } from '../scenario';
import { coldStartScenario } from './cold-start.scenario';
import { productsScenario } from './products.scenario';
import { typenameScenario } from './typename.scenario';

/**
 * Every scenario, in the order `npm run bench` runs them. Cold start comes first so that no
 * in-process gateway exists yet while processes are spawned and timed.
 */
export const scenarios: Scenario[] = [coldStartScenario, typenameScenario, productsScenario];
