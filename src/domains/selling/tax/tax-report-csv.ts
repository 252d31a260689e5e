import { stringify } from 'csv-stringify/sync';
import type { TaxReportRow } from './tax-lot';

const HEADER = ['Description', 'Quantity', 'Date acquired', 'Date sold', 'Proceeds', 'Cost basis', 'Fees', 'Gain', 'Term', 'Sale ID', 'Lot ID'];

/**
 * Free text that a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "@SUM") is prefixed
 * with an apostrophe (OWASP CSV injection advice). Only for text columns: amounts such as "-12.50"
 * are ours and must stay numbers.
 */
export function csvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The tax report as RFC 4180 CSV (csv-stringify): a header line, one line per row, CRLF line ends,
 * amounts with two decimals; fields with a comma, quote, line break or edge spaces (which spreadsheets
 * would trim) are quoted. Totals are not appended so the file stays a plain table.
 */
export function toCsv(rows: readonly TaxReportRow[]): string {
  const records = rows.map((row) => [
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
  ]);
  return stringify([HEADER, ...records], { record_delimiter: 'windows', quoted_match: /^\s|\s$|[\r\n]/ });
}
