import { Dec } from '../../../common/money';
import { toCsv } from './tax-report-csv';
import { HoldingTerm, type TaxReportRow } from './tax-lot';

const d = (value: string) => new Dec(value);
const HEADER_LINE = 'Description,Quantity,Date acquired,Date sold,Proceeds,Cost basis,Fees,Gain,Term,Sale ID,Lot ID\r\n';
const row = (extra: Partial<TaxReportRow>): TaxReportRow => ({
  saleId: 'S1',
  lotId: 'L1',
  description: 'Jordan 1 Chicago 10',
  quantity: 1,
  acquiredOn: '2023-01-10',
  soldOn: '2024-03-01',
  proceeds: d('200'),
  costBasis: d('100'),
  fees: d('15'),
  gain: d('85'),
  term: HoldingTerm.LONG,
  ...extra,
});

describe('toCsv quoting (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    [' padded ', '" padded "'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    const line = toCsv([row({ lotId: input })]).slice(HEADER_LINE.length, -2);
    expect(line).toBe(`Jordan 1 Chicago 10,1,2023-01-10,2024-03-01,200.00,100.00,15.00,85.00,LONG,S1,${output}`);
  });
});

describe('toCsv', () => {
  it('writes a header, one CRLF-terminated line per row, amounts with two decimals, negatives as numbers', () => {
    const csv = toCsv([
      row({}),
      row({ saleId: 'S2', lotId: 'L2', description: 'Dunk "Panda", 9.5', proceeds: d('125'), costBasis: d('120'), fees: d('10'), gain: d('-5'), term: HoldingTerm.SHORT }),
    ]);
    expect(csv).toBe(
      'Description,Quantity,Date acquired,Date sold,Proceeds,Cost basis,Fees,Gain,Term,Sale ID,Lot ID\r\n' +
        'Jordan 1 Chicago 10,1,2023-01-10,2024-03-01,200.00,100.00,15.00,85.00,LONG,S1,L1\r\n' +
        '"Dunk ""Panda"", 9.5",1,2023-01-10,2024-03-01,125.00,120.00,10.00,-5.00,SHORT,S2,L2\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    const csv = toCsv([row({ description: '=HYPERLINK("http://x","y")', saleId: '+1' })]);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")",1,2023-01-10,2024-03-01,200.00,100.00,15.00,85.00,LONG,'+1,L1`);
  });

  it('is just the header for no rows', () => {
    expect(toCsv([])).toBe('Description,Quantity,Date acquired,Date sold,Proceeds,Cost basis,Fees,Gain,Term,Sale ID,Lot ID\r\n');
  });
});
