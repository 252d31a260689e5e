import type { TaxReportRow } from './tax-lot';

const HEADER = ['Description', 'Quantity', 'Date acquired', 'Date sold', 'Proceeds', 'Cost basis', 'Fees', 'Gain', 'Term', 'Sale ID', 'Lot ID'];

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, a double quote, CR or LF (or starts or
 * ends with a space, which spreadsheets would trim), with inner quotes doubled.
 */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Free text that a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "@SUM") is prefixed
 * with an apostrophe (OWASP CSV injection advice). Only for text columns: amounts such as "-12.50"
 * are ours and must stay numbers.
 */
export function csvText(value: string): string {
  return csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

/**
 * The tax report as RFC 4180 CSV: a header line, one line per row, CRLF line ends, amounts with two
 * decimals. Hand-written because no CSV library is installed; totals are not appended so the file
 * stays a plain table for spreadsheets and scripts.
 */
export function toCsv(rows: readonly TaxReportRow[]): string {
  const lines = [HEADER.map(csvField).join(',')];
  for (const row of rows) {
    lines.push(
      [
        csvText(row.description),
        String(row.quantity),
        row.acquiredOn,
        row.soldOn,
        row.proceeds.toFixed(2),
        row.costBasis.toFixed(2),
        row.fees.toFixed(2),
        row.gain.toFixed(2),
        row.term,
        csvText(row.saleId),
        csvText(row.lotId),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
