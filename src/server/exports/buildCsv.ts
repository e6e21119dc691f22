import type { Table } from '../../core/scheme/schemeSchema';
import { resultTable } from '../../words/resultTable';
import type { ExportSource } from './exportSource';
import type { ExportWords } from './exportWords';

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading =+-@ is quoted as text too. */
function field(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // A cell starting with = + - @ would be run as a formula by a spreadsheet: keep it text (numbers are safe as numbers).
  const text = typeof v === 'string' && /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(text) || text !== s ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One scheme table's ranking as CSV: a header line, then one line per subject in rank order and the average lines
 * (the same columns as the .xlsx ranking sheet). UTF-8 with a byte-order mark and CRLF line ends, so a spreadsheet
 * opens the Chinese text as it is.
 */
export function buildCsv(src: ExportSource, table: Table, words: ExportWords): string {
  const rt = resultTable(table, src.scheme.tables, src.results, src.roster, words.t, words.r);
  const lines = [rt.columns.map((c) => field(c.label)).join(',')];
  for (const row of [...rt.rows, ...rt.footer]) lines.push(rt.columns.map((c) => field(row.cells[c.key] ?? null)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
