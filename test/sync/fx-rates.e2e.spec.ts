import Decimal from 'decimal.js';
import { convertMoney } from '../../src/common/fx';
import { findFxRate } from '../../src/domains/sync';
import { startSyncApp, type SyncTestApp } from './support/sync-app';

let t: SyncTestApp;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startSyncApp();
});
afterAll(() => t?.stop());

describe('FX rates', () => {
  it('are seeded for a year of days, USD against six currencies, marked SEEDED', async () => {
    const rows = await t.sql<{ quote: string; days: number; sources: string[]; low: string; high: string }>(
      `select quote, count(*)::int as days, array_agg(distinct source) as sources, min(rate)::text as low, max(rate)::text as high
       from fx_rate where base = 'USD' group by quote order by quote`,
    );
    expect(rows.map((r) => r.quote.trim())).toEqual(['AUD', 'CAD', 'EUR', 'GBP', 'INR', 'JPY']);
    for (const row of rows) {
      expect(row.days).toBeGreaterThanOrEqual(366);
      expect(row.sources).toEqual(['SEEDED']);
      // Plausible: within a few percent of the level.
      expect(new Decimal(row.high).div(row.low).toNumber()).toBeLessThan(1.1);
    }
  });

  it('converts at the rate of the day, in either direction and across USD', async () => {
    const em = t.app.orm.em.fork();
    const usdEur = (await findFxRate(em, 'USD', 'EUR', today))!;
    expect(usdEur).toMatchObject({ base: 'USD', quote: 'EUR' });
    expect(usdEur.rate.toNumber()).toBeGreaterThan(0.8);
    const eurUsd = (await findFxRate(em, 'eur', 'usd', today))!;
    expect(eurUsd.rate.equals(usdEur.rate)).toBe(true);
    expect(convertMoney(new Decimal('100.00'), 'EUR', 'USD', eurUsd).toFixed(2)).toBe(new Decimal(100).div(usdEur.rate).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2));

    const gbpEur = (await findFxRate(em, 'GBP', 'EUR', today))!;
    const usdGbp = (await findFxRate(em, 'USD', 'GBP', today))!;
    expect(gbpEur.rate.equals(usdEur.rate.div(usdGbp.rate))).toBe(true);
    expect(convertMoney(new Decimal('10.00'), 'GBP', 'EUR', gbpEur).gt(10)).toBe(true);

    expect((await findFxRate(em, 'USD', 'USD', today))!.rate.toNumber()).toBe(1);
    expect(await findFxRate(em, 'USD', 'CHF', today)).toBeNull();
    expect(await findFxRate(em, 'USD', 'EUR', '1999-01-01')).toBeNull();
  });
});
