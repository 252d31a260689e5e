import type { LoaderFactory } from '../../common/context';
import { entityByIdLoader } from '../../common/loaders';
import { MarketplaceConnection } from './entities/marketplace-connection.entity';
import { SyncRun } from './entities/sync-run.entity';

/** The viewer's connections by id (tenant-filtered: another account's id loads as null; anonymous viewers see none). */
export const MarketplaceConnectionByIdLoader: LoaderFactory<string, MarketplaceConnection | null> = entityByIdLoader(MarketplaceConnection, (ctx) =>
  ctx.viewer ? {} : null,
);

/** The viewer's sync runs by id (tenant-filtered like connections). */
export const SyncRunByIdLoader: LoaderFactory<string, SyncRun | null> = entityByIdLoader(SyncRun, (ctx) => (ctx.viewer ? {} : null));
