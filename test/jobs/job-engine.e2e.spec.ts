import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { systemClock } from '../../src/common/clock';
import { createLogger } from '../../src/common/logger';
import { createPubSub } from '../../src/common/pubsub';
import { loadConfig } from '../../src/config/config';
import { connectOrm } from '../../src/database/orm';
import { JobEngine, type JobTask } from '../../src/jobs';
import { createTestDatabase } from '../support/database';
import { waitFor, waitForJob } from './job-support';
import { doomedJob, flakyJob, onceJob, runsOf, slowJob, stuckJob, tickJob } from './test-jobs';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let orm: MikroORM;
const engines: JobEngine[] = [];
const log = createLogger('silent');

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await connectOrm(database.url, 4);
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.stop(1_000)));
});
afterAll(async () => {
  await orm?.close(true);
  await database?.drop();
});

/** A job engine on the test database: a worker, or with `work: false` a producer that only enqueues (the gateway role). */
async function startEngine(tasks: JobTask[], work = true): Promise<JobEngine> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: database.url, JOB_POLL_INTERVAL_SECONDS: '0.5' }, ['node', 'test']);
  const engine = await JobEngine.start({ config, orm, pubsub: createPubSub(), log, clock: systemClock, databaseUrl: database.url, tasks, work });
  engines.push(engine);
  return engine;
}

it('runs a job sent twice with the same singleton key once, and accepts the key again once it ran', async () => {
  const producer = await startEngine([onceJob], false);
  const first = await producer.send('test.once', { n: 1 }, { singletonKey: 'listing-1' });
  const duplicate = await producer.send('test.once', { n: 2 }, { singletonKey: 'listing-1' });
  const otherKey = await producer.send('test.once', { n: 3 }, { singletonKey: 'listing-2' });
  expect(first).toEqual(expect.any(String));
  expect(duplicate).toBeNull();
  expect(otherKey).toEqual(expect.any(String));

  const worker = await startEngine([onceJob]);
  expect(await waitForJob(producer, 'test.once', first!)).toMatchObject({ state: 'completed', singletonKey: 'listing-1', output: { n: 1, worker: worker.id } });
  await waitForJob(producer, 'test.once', otherKey!);
  expect(runsOf('test.once').map((run) => (run.data as { n: number }).n).sort()).toEqual([1, 3]);

  const again = await producer.send('test.once', { n: 4 }, { singletonKey: 'listing-1' });
  expect(again).toEqual(expect.any(String));
  await waitForJob(producer, 'test.once', again!);
  expect(runsOf('test.once').map((run) => (run.data as { n: number }).n).sort()).toEqual([1, 3, 4]);
});

it('retries a failing job with exponential backoff until it succeeds, each attempt on its own EntityManager', async () => {
  const worker = await startEngine([flakyJob]);
  const id = await worker.send('test.flaky', { failures: 2 });

  const status = await waitForJob(worker, 'test.flaky', id!);
  expect(status).toMatchObject({ state: 'completed', retryCount: 2, output: { attempts: 3, worker: worker.id } });
  const attempts = runsOf('test.flaky');
  expect(attempts.map((run) => run.retryCount)).toEqual([0, 1, 2]);
  // Backoff lower bounds (1 s, then 2 s with delay 1), not speed: pg-boss may only start a retry after them.
  expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(1_000);
  expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(2_000);
  expect(new Set(attempts.map((run) => run.em)).size).toBe(3);
  expect(attempts.every((run) => run.em !== orm.em)).toBe(true);
});

it('fails a job for good once its retries are spent, keeping the last error', async () => {
  const worker = await startEngine([doomedJob]);
  const id = await worker.send('test.doomed', {});
  const status = await waitForJob(worker, 'test.doomed', id!);
  expect(status).toMatchObject({ state: 'failed', retryCount: 1, output: { message: 'doomed attempt 2', worker: worker.id } });
  expect(runsOf('test.doomed')).toHaveLength(2);
});

it('lets a running job finish when the worker stops gracefully', async () => {
  const producer = await startEngine([slowJob], false);
  const worker = await startEngine([slowJob]);
  const id = await producer.send('test.slow', {});
  await waitFor('the slow job to start', () => runsOf('test.slow').length === 1);

  await worker.stop(10_000);
  expect(await producer.status('test.slow', id!)).toMatchObject({ state: 'completed', output: { finished: true, worker: worker.id } });
  expect(runsOf('test.slow')).toHaveLength(1);
});

it('hands a job that cannot finish in time back to the queue, where another worker completes it', async () => {
  const producer = await startEngine([stuckJob], false);
  const first = await startEngine([stuckJob]);
  const id = await producer.send('test.stuck', {});
  await waitFor('the stuck job to start', () => runsOf('test.stuck').length === 1);

  await first.stop(1_500);
  expect(await producer.status('test.stuck', id!)).toMatchObject({ state: 'retry', output: { message: 'worker shutting down', worker: first.id } });

  const second = await startEngine([stuckJob]);
  expect(await waitForJob(producer, 'test.stuck', id!)).toMatchObject({ state: 'completed', retryCount: 1, output: { resumed: true, worker: second.id } });
  expect(runsOf('test.stuck').map((run) => run.queue)).toEqual([first, second]);
});

it('runs an interval task in exactly one worker at a time and fails over when that worker stops', async () => {
  const a = await startEngine([tickJob]);
  const b = await startEngine([tickJob]);
  await waitFor('three interval runs', () => runsOf('test.tick').length >= 3);
  const leaders = new Set(runsOf('test.tick').map((run) => run.queue));
  expect(leaders.size).toBe(1);
  const [leader] = leaders;
  const follower = leader === a ? b : a;

  await (leader as JobEngine).stop(2_000);
  const before = runsOf('test.tick').length;
  await waitFor('the other worker to take over', () => runsOf('test.tick').length >= before + 2);
  expect(runsOf('test.tick').slice(before).every((run) => run.queue === follower)).toBe(true);
});
