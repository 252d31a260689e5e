import { addWeeks, createPartitionSql, partitionName, weekStart, weeksOf } from './snapshot-weeks';

describe('snapshot weeks', () => {
  it('starts weeks on Monday 00:00 UTC', () => {
    expect(weekStart(new Date('2026-11-21T23:59:59Z')).toISOString()).toBe('2026-11-16T00:00:00.000Z'); // Saturday
    expect(weekStart(new Date('2026-11-22T23:59:59.999Z')).toISOString()).toBe('2026-11-16T00:00:00.000Z'); // Sunday
    expect(weekStart(new Date('2026-11-23T00:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z'); // Monday
    expect(weekStart(new Date('2027-01-01T12:00:00Z')).toISOString()).toBe('2026-12-28T00:00:00.000Z'); // across a year
  });

  it('names partitions after their Monday and bounds them [Monday, next Monday)', () => {
    const start = weekStart(new Date('2026-11-18T10:00:00Z'));
    expect(partitionName(start)).toBe('market_snapshot_w20261116');
    expect(createPartitionSql(start)).toBe(
      "create table if not exists market_snapshot_w20261116 partition of market_snapshot for values from ('2026-11-16T00:00:00.000Z') to ('2026-11-23T00:00:00.000Z')",
    );
  });

  it('lists the distinct weeks of a set of dates in order', () => {
    const weeks = weeksOf([new Date('2026-11-25T00:00:00Z'), new Date('2026-11-17T00:00:00Z'), new Date('2026-11-19T00:00:00Z')]);
    expect(weeks.map(partitionName)).toEqual(['market_snapshot_w20261116', 'market_snapshot_w20261123']);
    expect(partitionName(addWeeks(new Date('2026-11-18T00:00:00Z'), -2))).toBe('market_snapshot_w20261102');
  });
});
