import { dropExpiredMarketPartitions, ensureMarketPartitions, ingestMarketSnapshots } from '../../src/domains/market';
import { partitionName, weekStart } from '../../src/domains/market/partitions/snapshot-weeks';
import { startTestApp, type TestApp } from '../support/app';
import { createProducts, platformIds, type TestProduct } from './market-support';

const WEEK = 7 * 86_400_000;
let t: TestApp;
let product: TestProduct;
let stockx: string;

beforeAll(async () => {
  t = await startTestApp();
  const admin = (await t.createAccount({ admin: true })).token;
  [product] = await createProducts(t, admin, [['10']]);
  stockx = (await platformIds(t)).stockx.uuid;
});
afterAll(() => t?.stop());

const em = () => t.app.orm.em.fork();
const weekName = (weeksFromNow: number) => partitionName(weekStart(new Date(Date.now() + weeksFromNow * WEEK)));

async function partitions(): Promise<Array<{ name: string; bound: string }>> {
  return em().getConnection().execute(
    `select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
       from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'market_snapshot'::regclass order by c.relname`,
  );
}

async function snapshot(weeksFromNow: number, ask: string) {
  const capturedAt = new Date(Date.now() + weeksFromNow * WEEK - 60_000);
  return ingestMarketSnapshots(em(), t.app.pubsub, [{ variantId: product.variants[0].uuid, platformId: stockx, lowestAsk: ask, currency: 'USD', capturedAt, source: 'CSV' }]);
}

it('starts with weekly partitions around now and no default partition', async () => {
  const names = (await partitions()).map((p) => p.name);
  for (let w = -6; w <= 4; w++) expect(names).toContain(weekName(w));
  expect((await partitions()).some((p) => p.bound === 'DEFAULT')).toBe(false);
});

it('ensureMarketPartitions creates the weeks ahead once and is idempotent', async () => {
  const now = new Date(Date.now() + 30 * WEEK);
  const created = await ensureMarketPartitions(em(), { weeksAhead: 2, now });
  expect(created).toEqual([30, 31, 32].map(weekName));
  expect(await ensureMarketPartitions(em(), { weeksAhead: 2, now })).toEqual([]);
  const rows = await partitions();
  const bound = rows.find((p) => p.name === weekName(31))!.bound;
  const from = weekStart(new Date(Date.now() + 31 * WEEK));
  expect(new Date(/FROM \('([^']+)'\)/.exec(bound)![1]).toISOString()).toBe(from.toISOString());
  expect(new Date(/TO \('([^']+)'\)/.exec(bound)![1]).toISOString()).toBe(new Date(from.getTime() + WEEK).toISOString());
});

it('ingest creates the partition of a week that has none before writing into it', async () => {
  expect((await partitions()).map((p) => p.name)).not.toContain(weekName(-30));
  const result = await snapshot(-30, '111.00');
  expect(result).toMatchObject({ written: 1, rowErrors: [] });
  const [{ count }] = await em().getConnection().execute(`select count(*)::int as count from ${weekName(-30)}`);
  expect(count).toBe(1);
});

it('retention drops whole partitions past the window, keeps the rest and never deletes rows', async () => {
  await ensureMarketPartitions(em(), { weeksAhead: 1, now: new Date(Date.now() - 20 * WEEK) });
  await snapshot(-20, '120.00');
  await snapshot(-19, '119.00');
  await snapshot(0, '100.00');
  const before = (await partitions()).map((p) => p.name);
  expect(before).toEqual(expect.arrayContaining([weekName(-30), weekName(-20), weekName(-19)]));

  t.sql.reset();
  const dropped = await dropExpiredMarketPartitions(em(), { retentionDays: 90 });
  const statements = [...t.sql.statements];

  expect(dropped.sort()).toEqual([weekName(-30), weekName(-20), weekName(-19)].sort());
  expect(statements.filter((s) => /\bdelete\b/i.test(s))).toEqual([]);
  expect(statements.filter((s) => /^drop table/i.test(s))).toHaveLength(3);
  const after = (await partitions()).map((p) => p.name);
  expect(after).toEqual(before.filter((name) => !dropped.includes(name)));
  for (let w = -6; w <= 4; w++) expect(after).toContain(weekName(w));
  const [{ count }] = await em().getConnection().execute(`select count(*)::int as count from market_snapshot where captured_at > now() - interval '90 days'`);
  expect(count).toBe(1);
  expect(await dropExpiredMarketPartitions(em(), { retentionDays: 90 })).toEqual([]);
});

it('keeps the partition whose week ends inside the retention window', async () => {
  const now = new Date();
  const dropped = await dropExpiredMarketPartitions(em(), { retentionDays: 7, now });
  // Weeks that ended at least 7 days ago go; the week that ended less than 7 days ago stays.
  const remaining = (await partitions()).map((p) => p.name);
  expect(dropped).toContain(weekName(-3));
  expect(remaining).toContain(weekName(-1));
  expect(remaining).toContain(weekName(0));
});
