import { Dec } from '../../../common/money';
import { buildTaxReport } from './tax-report';
import { CostBasisMethodKind, TaxMatchProblemCode, type TaxLot, type TaxSale } from './tax-lot';

const d = (value: string) => new Dec(value);
const lots: TaxLot[] = [
  { id: 'L1', assetKey: 'AJ1', acquiredOn: '2023-01-10', quantity: 2, unitCost: d('100.00') },
  { id: 'L2', assetKey: 'AJ1', acquiredOn: '2023-06-01', quantity: 5, unitCost: d('120.00') },
];
const sales: TaxSale[] = [
  // 2023: 1 from L1 → 150.00 − 10.00 − 100.00 = 40.00, SHORT
  { id: 'S0', assetKey: 'AJ1', soldOn: '2023-11-20', quantity: 1, proceeds: d('150.00'), fees: d('10.00') },
  // 2024: L1's last pair, then 2 from L2 (FIFO sees S0 first)
  //   L1 × 1: 600 × 1/3 = 200.00, fees 15.00, cost 100.00, gain 85.00, LONG (after 2024-01-10)
  //   L2 × 2: 400.00, fees 30.00, cost 240.00, gain 130.00, SHORT (before 2024-06-01)
  { id: 'S1', assetKey: 'AJ1', soldOn: '2024-03-01', quantity: 3, proceeds: d('600.00'), fees: d('45.00') },
  // 2025: 4 wanted, 3 left in L2 → 1 unmatched
  { id: 'S2', assetKey: 'AJ1', soldOn: '2025-01-05', quantity: 4, proceeds: d('800.00'), fees: d('60.00') },
];
const totals = (report: ReturnType<typeof buildTaxReport>) =>
  Object.fromEntries(Object.entries(report.totals).map(([key, value]) => [key, value.toFixed(2)]));

describe('buildTaxReport', () => {
  it('reports one year, with earlier years’ sales already drawn from the lots', () => {
    const report = buildTaxReport({ lots, sales, year: 2024 });
    expect(report.method).toBe(CostBasisMethodKind.FIFO);
    expect(report.rows.map((row) => [row.lotId, row.quantity, row.gain.toFixed(2), row.term])).toEqual([
      ['L1', 1, '85.00', 'LONG'],
      ['L2', 2, '130.00', 'SHORT'],
    ]);
    // 200 + 400 = 600.00; 100 + 240 = 340.00; 15 + 30 = 45.00; 85 + 130 = 215.00
    expect(totals(report)).toEqual({ proceeds: '600.00', costBasis: '340.00', fees: '45.00', gain: '215.00', shortTermGain: '130.00', longTermGain: '85.00' });
    expect(report.problems).toEqual([]);
  });

  it('reports the previous year on its own', () => {
    const report = buildTaxReport({ lots, sales, year: 2023 });
    expect(totals(report)).toEqual({ proceeds: '150.00', costBasis: '100.00', fees: '10.00', gain: '40.00', shortTermGain: '40.00', longTermGain: '0.00' });
  });

  it('carries a year’s unmatched units as problems, outside the totals', () => {
    // 3 of 4 units matched: 800 × 3/4 = 600.00, fees 45.00, cost 360.00 → 195.00, LONG (after 2024-06-01)
    const report = buildTaxReport({ lots, sales, year: 2025 });
    expect(totals(report)).toEqual({ proceeds: '600.00', costBasis: '360.00', fees: '45.00', gain: '195.00', shortTermGain: '0.00', longTermGain: '195.00' });
    expect(report.problems).toEqual([expect.objectContaining({ saleId: 'S2', code: TaxMatchProblemCode.INSUFFICIENT_LOTS, unmatchedQuantity: 1 })]);
  });

  it('covers every year when no year is given', () => {
    const report = buildTaxReport({ lots, sales });
    expect(report.year).toBeNull();
    expect(report.rows).toHaveLength(4);
    expect(report.totals.gain.toFixed(2)).toBe('450.00'); // 40 + 85 + 130 + 195
  });
});
