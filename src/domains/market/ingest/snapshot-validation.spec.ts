import { ErrorCode, type UserError } from '../../../common/errors';
import type { SnapshotRow } from './snapshot-row';
import { validateSnapshotRow, type ParsedSnapshot } from './snapshot-validation';

const now = Date.parse('2026-11-21T12:00:00Z');
const row = (over: Partial<SnapshotRow>): SnapshotRow => ({
  variantId: '00000000-0000-4000-8000-000000000001',
  platformId: '00000000-0000-4000-8000-000000000002',
  currency: 'USD',
  capturedAt: new Date(now - 1000),
  source: 'API',
  ...over,
});
const parsed = (over: Partial<SnapshotRow>) => validateSnapshotRow(row(over), 'snapshots', 0, now) as ParsedSnapshot;
const errors = (over: Partial<SnapshotRow>) => (validateSnapshotRow(row(over), 'snapshots', 4, now) as UserError[]).map((e) => [e.field!.join('.'), e.code]);

describe('validateSnapshotRow', () => {
  it('keeps plain amounts as given and canonicalizes the rest exactly', () => {
    expect(parsed({ lowestAsk: '199.99', highestBid: 150, lastSale: ' 12.50 ' })).toMatchObject({ lowestAsk: '199.99', highestBid: '150', lastSale: '12.5' });
    expect(parsed({ lowestAsk: '1000000', volatility: '0.12345' })).toMatchObject({ lowestAsk: '1000000', volatility: '0.1234' }); // half-even
    expect(parsed({ volatility: 1, currency: 'eur' })).toMatchObject({ volatility: '1', currency: 'EUR' });
    expect(parsed({ lowestAsk: null, highestBid: undefined })).toMatchObject({ lowestAsk: null, highestBid: null, lastSale: null });
  });

  it('reports every problem of a row with its input path', () => {
    expect(errors({ lowestAsk: '1000000.50' })).toEqual([['snapshots.4.lowestAsk', ErrorCode.OUT_OF_RANGE]]);
    expect(errors({ lowestAsk: 0.1 + 0.2 })).toEqual([['snapshots.4.lowestAsk', ErrorCode.INVALID]]);
    expect(errors({ lowestAsk: 'cheap', highestBid: '-3', volatility: '-0.1' })).toEqual([
      ['snapshots.4.lowestAsk', ErrorCode.INVALID],
      ['snapshots.4.highestBid', ErrorCode.OUT_OF_RANGE],
      ['snapshots.4.volatility', ErrorCode.OUT_OF_RANGE],
    ]);
    expect(errors({ lowestAsk: '99.99', highestBid: '100.00' })).toEqual([['snapshots.4.lowestAsk', ErrorCode.CONFLICT]]);
    expect(errors({ capturedAt: new Date(now + 10 * 60_000), source: 'FAX' as never })).toEqual([
      ['snapshots.4.capturedAt', ErrorCode.OUT_OF_RANGE],
      ['snapshots.4.source', ErrorCode.INVALID],
    ]);
    expect(errors({ capturedAt: new Date('1999-12-31T00:00:00Z'), currency: 'US' })).toEqual([
      ['snapshots.4.currency', ErrorCode.INVALID],
      ['snapshots.4.capturedAt', ErrorCode.OUT_OF_RANGE],
    ]);
  });

  it('accepts an equal ask and bid and a snapshot within the clock-skew tolerance', () => {
    expect(parsed({ lowestAsk: '100', highestBid: '100.00', capturedAt: new Date(now + 60_000) })).toMatchObject({ lowestAsk: '100', highestBid: '100.00' });
  });
});
