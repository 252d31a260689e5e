import 'reflect-metadata';
import { loadConfig } from './src/config/config';
import { ormOptions } from './src/database/orm';

const config = loadConfig();
if (!config.database.url) {
  throw new Error('The MikroORM CLI needs DATABASE_URL; `npm run migrate` also works with the embedded database.');
}

export default ormOptions(config.database.url, config.database.poolSize);
