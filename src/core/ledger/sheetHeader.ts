import type { SheetText } from './ledgerSheets';
import { headerKey } from './ledgerSheets';

/** Header rows are looked for among a sheet's first rows (a title and a statistics row may stand above them). */
const HEADER_ROWS = 10;

/** A raw export's header: its row, each column's label, and the first row of data. */
export interface SheetHeader {
  row: number;
  /** Each column's label: the header cell, joined with '/' to the cell below it when the header has two rows. */
  labels: string[];
  /** Rows after the header (and its second row). */
  data: SheetText['rows'];
}

const isNumber = (t: string): boolean => t.trim() !== '' && Number.isFinite(Number(t.trim()));

/**
 * The header of a raw export: the first row (of the first ten) with a cell labelled `subject`. A row right below it
 * that leaves the subject column empty and holds only words is its second row (迟到 merged over 次数 | 分钟), and the
 * labels join the two: 迟到/次数, 迟到/分钟. Null when no row has that label.
 */
export function sheetHeader(rows: SheetText['rows'], subject: string): SheetHeader | null {
  const key = headerKey(subject);
  const at = rows.slice(0, HEADER_ROWS).findIndex((r) => r.cells.some((c) => headerKey(c) === key));
  const header = rows[at];
  if (!header) return null;
  const subjectColumn = header.cells.findIndex((c) => headerKey(c) === key);
  const next = rows[at + 1];
  const second = next && next.row === header.row + 1 && (next.cells[subjectColumn] ?? '').trim() === '' && next.cells.some((c) => c.trim() !== '') && !next.cells.some(isNumber) ? next : null;
  const width = Math.max(header.cells.length, second?.cells.length ?? 0);
  const labels = Array.from({ length: width }, (_, i) => {
    const top = (header.cells[i] ?? '').trim();
    const below = (second?.cells[i] ?? '').trim();
    return below && below !== top ? (top ? `${top}/${below}` : below) : top;
  });
  return { row: header.row, labels, data: rows.slice(at + (second ? 2 : 1)) };
}

/**
 * The likeliest header of a sheet no mapping reads yet: of its first ten rows, the one with the most distinct words (a
 * merged title repeats one text, a statistics row has a few, data rows hold numbers and leave cells empty), read as
 * sheetHeader reads it. Null for a sheet without a row of at least two words.
 */
export function guessHeader(rows: SheetText['rows']): SheetHeader | null {
  let best: SheetText['rows'][number] | undefined;
  let most = 1;
  for (const r of rows.slice(0, HEADER_ROWS)) {
    const words = new Set(r.cells.map((c) => c.trim()).filter((c) => c !== '' && !isNumber(c))).size;
    if (words > most) {
      best = r;
      most = words;
    }
  }
  const first = best?.cells.find((c) => c.trim() !== '');
  return first === undefined ? null : sheetHeader(rows, first);
}

/** The column of a label in a header (compared as headers are: spaces and a trailing required-mark ignored), or -1. */
export function labelColumn(header: SheetHeader, label: string): number {
  const key = headerKey(label);
  return header.labels.findIndex((l) => headerKey(l) === key);
}

/** The distinct values of a column below the header, in order of first appearance (what a mapping's kind column holds). */
export function columnValues(header: SheetHeader, label: string): string[] {
  const i = labelColumn(header, label);
  if (i < 0) return [];
  return [...new Set(header.data.map((r) => (r.cells[i] ?? '').trim()).filter((t) => t !== ''))];
}
