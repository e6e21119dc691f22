import type { Cell, CellValue } from 'exceljs';
import type { SheetText } from '../../../../core/ledger/ledgerSheets';
import { loadExcel } from './loadExcel';

/** Most rows read from one sheet: a month of a hall's ledgers is far below it; a runaway file is cut, not frozen on. */
const MAX_ROWS = 20_000;

/**
 * An .xlsx file's sheets as text, for the core's import reader: every cell as Excel shows it (a formula by its
 * result, rich text joined, a date as YYYY-MM-DD or YYYY-MM-DD HH:mm: Excel dates carry no zone, they are the
 * hall's wall clock). Throws with the library's message when the bytes are not a workbook.
 */
export async function readWorkbook(data: ArrayBuffer): Promise<SheetText[]> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb.worksheets.map((ws) => {
    const rows: SheetText['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      if (number > MAX_ROWS) return;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell: Cell, col: number) => {
        cells[col - 1] = cellText(cell.value);
      });
      rows.push({ row: number, cells: Array.from(cells, (c) => c ?? '') });
    });
    return { name: ws.name, rows };
  });
}

/** One cell's value as text. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return dateText(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return v.result === undefined ? '' : cellText(v.result as CellValue);
    if ('text' in v) return typeof v.text === 'string' ? v.text : cellText(v.text as CellValue);
    if ('error' in v) return String(v.error);
    return '';
  }
  return String(v);
}

/** An Excel date (a wall-clock time stored as UTC) as YYYY-MM-DD, with HH:mm when it has a time of day. */
function dateText(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  const day = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  return d.getUTCHours() === 0 && d.getUTCMinutes() === 0 ? day : `${day} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
