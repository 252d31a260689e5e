import { Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import { pendingMigrations } from '../database/orm';

/** Liveness and readiness endpoints. Readiness turns 503 as soon as shutdown begins. */
export function healthRouter(deps: { orm: MikroORM; redis?: Redis; isShuttingDown: () => boolean }): Router {
  const router = Router();
  let migrated = false;

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, string> = {};
    if (deps.isShuttingDown()) checks.shutdown = 'shutting down';
    try {
      await deps.orm.em.getConnection().execute('select 1');
      checks.database = 'ok';
      if (!migrated) {
        const pending = await pendingMigrations(deps.orm);
        migrated = pending.length === 0;
        checks.migrations = migrated ? 'ok' : `pending: ${pending.join(', ')}`;
      } else checks.migrations = 'ok';
    } catch (error) {
      checks.database = `unreachable: ${(error as Error).message}`;
    }
    if (deps.redis) {
      try {
        checks.redis = (await deps.redis.ping()) === 'PONG' ? 'ok' : 'unexpected reply';
      } catch (error) {
        checks.redis = `unreachable: ${(error as Error).message}`;
      }
    }
    const ready = Object.entries(checks).every(([name, value]) => name !== 'shutdown' && value === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });
  return router;
}
