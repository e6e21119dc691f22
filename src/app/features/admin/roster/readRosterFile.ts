import type { RosterImportRow } from '../../../../core/model/rosterImport';
import { rowsFromCells } from './rosterColumns';
import type { RosterFileProblem } from './rosterColumns';

/** The text of a CSV file: UTF-8 (with or without BOM), or GB18030 as Chinese Excel saves it. */
function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** A cell of exceljs as the text the person sees (numbers, rich text, formulas' results). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
  }
  return '';
}

/**
 * Read a roster file (.xlsx with exceljs, .csv with papaparse; both loaded only here) into the core's import rows,
 * numbered as the spreadsheet numbers them. A file of another kind, or one that cannot be read, is refused whole.
 */
export async function readRosterFile(file: File): Promise<{ rows: RosterImportRow[] } | { problem: RosterFileProblem }> {
  const name = file.name;
  const lower = name.toLowerCase();
  const bytes = await file.arrayBuffer();
  try {
    if (lower.endsWith('.xlsx')) {
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes);
      const sheet = book.worksheets[0];
      if (!sheet) return { problem: { kind: 'unreadable', name, detail: 'no worksheet' } };
      const cells: string[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row, n) => {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        cells[n - 1] = values.map(cellText);
      });
      return rowsFromCells(Array.from(cells, (r) => r ?? []));
    }
    if (lower.endsWith('.csv')) {
      const { default: Papa } = await import('papaparse');
      const parsed = Papa.parse<string[]>(decodeCsv(bytes), { skipEmptyLines: false });
      const fatal = parsed.errors.find((e) => e.type === 'Quotes');
      if (fatal) return { problem: { kind: 'unreadable', name, detail: `row ${(fatal.row ?? 0) + 1}: ${fatal.message}` } };
      return rowsFromCells(parsed.data.map((r) => r.map(String)));
    }
  } catch (err) {
    return { problem: { kind: 'unreadable', name, detail: err instanceof Error ? err.message : String(err) } };
  }
  return { problem: { kind: 'format', name } };
}
