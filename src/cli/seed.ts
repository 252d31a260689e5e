import 'reflect-metadata';
import { seedDemoCatalog } from '../seeders/demo-catalog.seeder';
import { runWithDatabase } from './database';

/** `npm run seed`: loads the demo catalog (idempotent). */
runWithDatabase('seed', async (orm, log) => {
  const result = await seedDemoCatalog(orm.em.fork());
  log.info(result, 'demo catalog loaded');
  process.stdout.write(`Demo catalog: ${result.products} new products, ${result.variants} sizes, ${result.externalRefs} platform ids.\n`);
});
