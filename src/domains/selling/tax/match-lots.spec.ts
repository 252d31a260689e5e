import type Decimal from 'decimal.js';
import { Dec } from '../../../common/money';
import { matchLots } from './match-lots';
import { CostBasisMethodKind, HoldingTerm, TaxMatchProblemCode, type TaxLot, type TaxReportRow, type TaxSale } from './tax-lot';

const d = (value: string) => new Dec(value);
const lot = (id: string, acquiredOn: string, quantity: number, unitCost: string | Decimal, assetKey = 'AJ1-CHICAGO-10'): TaxLot => ({
  id,
  assetKey,
  acquiredOn,
  quantity,
  unitCost: typeof unitCost === 'string' ? d(unitCost) : unitCost,
});
const sale = (id: string, soldOn: string, quantity: number, proceeds: string, fees: string, extra: Partial<TaxSale> = {}): TaxSale => ({
  id,
  assetKey: 'AJ1-CHICAGO-10',
  soldOn,
  quantity,
  proceeds: d(proceeds),
  fees: d(fees),
  ...extra,
});
/** A row as plain strings, so a failing expectation reads like the hand computation. */
const flat = (row: TaxReportRow) => [row.saleId, row.lotId, row.quantity, row.acquiredOn, row.soldOn, row.proceeds.toFixed(2), row.costBasis.toFixed(2), row.fees.toFixed(2), row.gain.toFixed(2), row.term];

describe('matchLots — FIFO across partial sales', () => {
  // L1: 2 pairs @ 100.00 bought 2023-01-10; L2: 5 pairs @ 120.00 bought 2023-06-01
  const lots = [lot('L2', '2023-06-01', 5, '120.00'), lot('L1', '2023-01-10', 2, '100.00')]; // input order does not matter
  const sales = [
    sale('S3', '2024-08-01', 2, '250.00', '20.00'),
    sale('S1', '2024-03-01', 3, '600.00', '45.00'),
    sale('S2', '2024-07-15', 3, '500.00', '40.00'),
  ];

  it('splits a sale of 3 from lots of 2 + 5 into two rows and carries the rest of L2 forward', () => {
    const { rows, problems } = matchLots(lots, sales);
    expect(rows.map(flat)).toEqual([
      // S1 (3 sold 2024-03-01 for 600.00, fees 45.00):
      //   2 from L1: proceeds 600 × 2/3 = 400.00, fees 45 × 2/3 = 30.00, cost 2 × 100 = 200.00, gain 400 − 30 − 200 = 170.00;
      //   held 2023-01-10 → 2024-03-01, past the 2024-01-10 anniversary: LONG
      ['S1', 'L1', 2, '2023-01-10', '2024-03-01', '400.00', '200.00', '30.00', '170.00', HoldingTerm.LONG],
      //   1 from L2: proceeds 600 − 400 = 200.00, fees 45 − 30 = 15.00, cost 120.00, gain 65.00; 2023-06-01 → 2024-03-01: SHORT
      ['S1', 'L2', 1, '2023-06-01', '2024-03-01', '200.00', '120.00', '15.00', '65.00', HoldingTerm.SHORT],
      // S2 (3 sold 2024-07-15 for 500.00, fees 40.00): 3 of L2's remaining 4, cost 360.00, gain 100.00; past 2024-06-01: LONG
      ['S2', 'L2', 3, '2023-06-01', '2024-07-15', '500.00', '360.00', '40.00', '100.00', HoldingTerm.LONG],
      // S3 (2 sold for 250.00, fees 20.00): only L2's last pair is left: 250 × 1/2 = 125.00, fees 10.00, cost 120.00, gain −5.00
      ['S3', 'L2', 1, '2023-06-01', '2024-08-01', '125.00', '120.00', '10.00', '-5.00', HoldingTerm.LONG],
    ]);
    expect(problems).toEqual([expect.objectContaining({ saleId: 'S3', code: TaxMatchProblemCode.INSUFFICIENT_LOTS, unmatchedQuantity: 1 })]);
  });

  it('allocates proceeds and fees by cumulative quantity so a split sale adds up to the cent', () => {
    // 3 sold for 100.00, fees 10.00, from A (1 @ 20.00) then B (2 @ 25.00):
    //   A: 100 × 1/3 = 33.333… → 33.33; fees 3.333… → 3.33; gain 33.33 − 3.33 − 20.00 = 10.00
    //   B: 100.00 − 33.33 = 66.67; fees 10.00 − 3.33 = 6.67; gain 66.67 − 6.67 − 50.00 = 10.00
    const { rows } = matchLots([lot('A', '2024-01-01', 1, '20.00'), lot('B', '2024-01-02', 2, '25.00')], [sale('S', '2024-02-01', 3, '100.00', '10.00')]);
    expect(rows.map(flat)).toEqual([
      ['S', 'A', 1, '2024-01-01', '2024-02-01', '33.33', '20.00', '3.33', '10.00', HoldingTerm.SHORT],
      ['S', 'B', 2, '2024-01-02', '2024-02-01', '66.67', '50.00', '6.67', '10.00', HoldingTerm.SHORT],
    ]);
  });

  it('splits a half cent half-even: 0.05 over 1 + 1 units → 0.02 (0.025, 2 is even) + 0.03', () => {
    const { rows } = matchLots([lot('A', '2024-01-01', 1, '0'), lot('B', '2024-01-01', 1, '0')], [sale('S', '2024-02-01', 2, '0.05', '0')]);
    expect(rows.map((row) => row.proceeds.toFixed(2))).toEqual(['0.02', '0.03']);
  });

  it('allocates a sub-cent unit cost so a lot’s rows add up to its cost: a case of 3 for 100.00 → 33.33 + 33.34 + 33.33', () => {
    const unitCost = d('100').div(3);
    const { rows } = matchLots(
      [lot('CASE', '2024-01-01', 3, unitCost)],
      [sale('S1', '2024-02-01', 1, '50.00', '0'), sale('S2', '2024-02-02', 1, '50.00', '0'), sale('S3', '2024-02-03', 1, '50.00', '0')],
    );
    // round(1 × 33.3̅) = 33.33; round(2 × 33.3̅) − 33.33 = 66.67 − 33.33 = 33.34; round(3 × 33.3̅) − 66.67 = 100.00 − 66.67 = 33.33
    expect(rows.map((row) => row.costBasis.toFixed(2))).toEqual(['33.33', '33.34', '33.33']);
  });

  it('only matches lots of the same asset, bought on or before the sale day', () => {
    const { rows, problems } = matchLots(
      [lot('CARD', '2022-01-01', 5, '10.00', 'PKM-CHARIZARD'), lot('LATE', '2024-05-02', 1, '90.00'), lot('SAME-DAY', '2024-05-01', 1, '80.00')],
      [sale('S', '2024-05-01', 2, '300.00', '0')],
    );
    expect(rows.map((row) => [row.lotId, row.quantity])).toEqual([['SAME-DAY', 1]]);
    expect(problems).toEqual([expect.objectContaining({ code: TaxMatchProblemCode.INSUFFICIENT_LOTS, unmatchedQuantity: 1 })]);
  });

  it('breaks same-day ties by input order', () => {
    const { rows } = matchLots([lot('FIRST', '2024-01-01', 1, '10'), lot('SECOND', '2024-01-01', 1, '20')], [sale('S', '2024-02-01', 1, '30', '0')]);
    expect(rows[0].lotId).toBe('FIRST');
  });

  it('rejects malformed input', () => {
    expect(() => matchLots([lot('A', '2024-01-01', 0, '10')], [])).toThrow(RangeError);
    expect(() => matchLots([lot('A', '2024-01-01', 1.5, '10')], [])).toThrow(RangeError);
    expect(() => matchLots([lot('A', '2024-01-01', 1, '10'), lot('A', '2024-01-02', 1, '10')], [])).toThrow(RangeError);
    expect(() => matchLots([], [sale('S', '2024-02-30', 1, '10', '0')])).toThrow(RangeError);
    expect(() => matchLots([], [sale('S', '2024-02-01', 1, '-10', '0')])).toThrow(RangeError);
  });
});

describe('matchLots — SPECIFIC identification', () => {
  const lots = [lot('L1', '2023-01-10', 2, '100.00'), lot('L2', '2023-06-01', 5, '120.00'), lot('L3', '2024-09-01', 1, '130.00')];

  it('takes the named lot, falls back to FIFO for unnamed sales, and reports what it cannot match', () => {
    const { rows, problems } = matchLots(
      lots,
      [
        sale('S1', '2024-03-01', 3, '600.00', '45.00', { lotId: 'L2' }), // 3 of L2: cost 360.00, gain 600 − 45 − 360 = 195.00, SHORT
        sale('S2', '2024-07-15', 2, '400.00', '30.00'), // no lot named → FIFO → L1 × 2: cost 200.00, gain 170.00, LONG
        sale('S3', '2024-07-20', 1, '200.00', '15.00', { lotId: 'L1' }), // L1 used up
        sale('S4', '2024-07-21', 1, '200.00', '15.00', { lotId: 'NOPE' }),
        sale('S5', '2024-08-01', 3, '390.00', '30.00', { lotId: 'L2' }), // L2 has 2 left: 390 × 2/3 = 260.00, fees 20.00, cost 240.00, gain 0.00
        sale('S6', '2024-08-15', 1, '200.00', '15.00', { lotId: 'L3' }), // L3 bought later
      ],
      CostBasisMethodKind.SPECIFIC,
    );
    expect(rows.map(flat)).toEqual([
      ['S1', 'L2', 3, '2023-06-01', '2024-03-01', '600.00', '360.00', '45.00', '195.00', HoldingTerm.SHORT],
      ['S2', 'L1', 2, '2023-01-10', '2024-07-15', '400.00', '200.00', '30.00', '170.00', HoldingTerm.LONG],
      ['S5', 'L2', 2, '2023-06-01', '2024-08-01', '260.00', '240.00', '20.00', '0.00', HoldingTerm.LONG],
    ]);
    expect(problems.map((problem) => [problem.saleId, problem.code, problem.unmatchedQuantity])).toEqual([
      ['S3', TaxMatchProblemCode.LOT_EXHAUSTED, 1],
      ['S4', TaxMatchProblemCode.UNKNOWN_LOT, 1],
      ['S5', TaxMatchProblemCode.LOT_EXHAUSTED, 1],
      ['S6', TaxMatchProblemCode.LOT_NOT_YET_ACQUIRED, 1],
    ]);
  });

  it('treats a named lot of another asset as unknown', () => {
    const { problems } = matchLots([lot('CARD', '2022-01-01', 1, '5', 'PKM')], [sale('S', '2024-01-01', 1, '10', '0', { lotId: 'CARD' })], CostBasisMethodKind.SPECIFIC);
    expect(problems[0].code).toBe(TaxMatchProblemCode.UNKNOWN_LOT);
  });
});
