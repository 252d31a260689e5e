import type { MikroORM } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { systemClock, type Clock } from './common/clock';
import { createLogger } from './common/logger';
import { createPubSub, type PubSub } from './common/pubsub';
import type { Config } from './config/config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres';
import { connectOrm, migrate } from './database/orm';
import { startProductViews, type ProductViewRecorder } from './domains/catalog';
import { createListingSink, createOrderSink, startRepricingTriggers } from './domains/selling';
import { setListingSink, setOrderSink, startSync } from './domains/sync';
import { JobEngine, jobTasks, type JobTask } from './jobs';
import { seedDemoCatalog } from './seeders/demo-catalog.seeder';
import { startGateway, type Gateway } from './server/gateway';

/** A running MarketGraph process (gateway, worker or both). */
export interface Application {
  config: Config;
  orm: MikroORM;
  pubsub: PubSub;
  log: Logger;
  /** The clock every operation, job and cache of this process reads "now" from. */
  clock: Clock;
  gateway?: Gateway;
  /** Job queue of this process; it also runs the workers unless the role is gateway. */
  jobs: JobEngine;
  /** Product views of this gateway, counted in memory and flushed periodically (absent in worker-only processes). */
  productViews?: ProductViewRecorder;
  /** Base URL of the gateway, e.g. http://127.0.0.1:4000. */
  url?: string;
  stop(): Promise<void>;
}

async function connectRedis(url: string, log: Logger): Promise<Redis> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 3000, enableOfflineQueue: true });
  client.on('error', (error) => log.warn({ err: error }, 'redis error'));
  try {
    await client.connect();
    await client.ping();
    return client;
  } catch (error) {
    client.disconnect();
    throw new Error(`REDIS_URL: cannot reach Redis at ${new URL(url).host} (${(error as Error).message}). Start Redis or unset REDIS_URL to run without it.`);
  }
}

/** Composition root: database → ORM → migrations → pub/sub → gateway (→ worker). Undone in reverse by stop(). */
export async function startApplication(config: Config, options: { log?: Logger; jobTasks?: readonly JobTask[]; clock?: Clock } = {}): Promise<Application> {
  const log = options.log ?? createLogger(config.logLevel, { role: config.role });
  const clock = options.clock ?? systemClock;
  const started = Date.now();
  const cleanup: Array<{ name: string; run: () => Promise<unknown> }> = [];
  const onStop = (name: string, run: () => Promise<unknown>) => cleanup.push({ name, run });
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      for (const step of [...cleanup].reverse()) {
        log.debug({ step: step.name }, 'stopping');
        await step.run().catch((error) => log.error({ err: error, step: step.name }, 'error during shutdown'));
      }
    })());
  try {
    let embedded: EmbeddedDatabase | undefined;
    let databaseUrl = config.database.url;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({ dir: config.database.embedded.dir, port: config.database.embedded.port, log });
      onStop('embedded PostgreSQL', () => embedded!.stop());
      databaseUrl = embedded.url;
    }
    const redisClients = config.redisUrl
      ? await Promise.all([connectRedis(config.redisUrl, log), connectRedis(config.redisUrl, log)]).then(([publish, subscribe]) => ({ publish, subscribe }))
      : undefined;
    if (redisClients) onStop('redis', async () => Promise.all([redisClients.publish.quit(), redisClients.subscribe.quit()]));
    else if (config.role !== 'worker') log.warn('REDIS_URL is not set: subscriptions only see events published in this process');

    const orm = await connectOrm(databaseUrl, config.database.poolSize);
    onStop('database pool', () => orm.close(true));
    if (config.autoMigrate) {
      const applied = await migrate(orm);
      if (applied.length) log.info({ applied }, 'migrations applied');
    }
    if (config.seedDemo && config.role !== 'worker') {
      const em = orm.em.fork();
      const [{ count }] = await em.getConnection().execute('select count(*)::int as count from product');
      if (count === 0) log.info(await seedDemoCatalog(em), 'demo catalog loaded');
    }
    const pubsub = createPubSub(redisClients);
    startSync({ config, log, redis: redisClients?.publish });
    // Synced orders and listings are stored by the selling domain, which publishes orderChanged and listingChanged on this process's pub/sub.
    setOrderSink(createOrderSink(pubsub));
    setListingSink(createListingSink(pubsub));
    const jobs = await JobEngine.start({ config, orm, pubsub, log, clock, databaseUrl, tasks: options.jobTasks ?? jobTasks, work: config.role !== 'gateway' });
    // Stopped after the gateway (which may still enqueue while it drains) and before the database pool.
    onStop('jobs', () => jobs.stop(Math.max(1000, config.shutdownTimeoutMs - 2000)));
    // Workers turn price-change events into debounced per-listing reprice jobs.
    if (config.role !== 'gateway') onStop('repricing triggers', startRepricingTriggers({ orm, pubsub, jobs, log }));

    let gateway: Gateway | undefined;
    let productViews: ProductViewRecorder | undefined;
    if (config.role !== 'worker') {
      // Stopped after the gateway (its last requests still count views) and before the database pool.
      productViews = startProductViews(orm, { log, flushIntervalMs: config.productViews.flushSeconds * 1000 });
      onStop('product views', () => productViews!.stop());
      gateway = await startGateway({ config, orm, pubsub, redis: redisClients?.publish, log, clock, jobs });
      onStop('gateway', () => gateway!.stop());
    }
    log.info({ ms: Date.now() - started, role: config.role, embeddedDatabase: !!embedded }, 'MarketGraph started');
    return { config, orm, pubsub, log, clock, gateway, jobs, productViews, url: gateway?.url, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
