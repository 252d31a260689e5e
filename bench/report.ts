import type { Table } from './scenario';

/** 12,345 (whole numbers, thousands separated). */
export const formatCount = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–');

/** Milliseconds with two decimals below 10 ms, one below 100, none above. */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
}

/** Renders a table as aligned plain text (numbers right-aligned), title first, notes after. */
export function renderTable(table: Table): string {
  const cells = [table.columns, ...table.rows.map((row) => row.map(String))];
  const numeric = table.columns.map((_, i) => table.rows.length > 0 && table.rows.every((row) => typeof row[i] === 'number' || /^[\d,.–-]+$/.test(String(row[i]))));
  const widths = table.columns.map((_, i) => Math.max(...cells.map((row) => String(row[i] ?? '').length)));
  const line = (row: Array<string | number>) =>
    row.map((cell, i) => (numeric[i] ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join('  ').trimEnd();
  return [
    `== ${table.title}`,
    line(table.columns),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...table.rows.map(line),
    ...(table.notes ?? []).map((note) => `   ${note}`),
  ].join('\n');
}
