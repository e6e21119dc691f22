import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RosterImportRow } from '../../core/model/rosterImport';

/** The columns of a roster file (the template's header row), by the words an admin sees; English names are taken too. */
export const ROSTER_COLUMNS = { unit: ['单位', 'unit'], name: ['姓名', 'name'], role: ['身份', 'role'], window: ['窗口号', 'window'] } as const;
/** The template's words for the two kinds of people (the core's codes staff / chief). */
export const ROLE_WORDS: Record<string, 'staff' | 'chief'> = { 工作人员: 'staff', 首席代表: 'chief', staff: 'staff', chief: 'chief' };

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** At most this many rows in a roster file (a hall has hundreds of people, not tens of thousands). */
export const MAX_ROSTER_ROWS = 5000;

/** Why a roster file cannot be read at all, as data for the screens to word (the rows' problems are the core's). */
export type RosterFileProblem =
  | { kind: 'file'; reason: 'not-xlsx' | 'not-csv' | 'no-rows' }
  | { kind: 'file'; reason: 'too-many-rows'; rows: number; max: number }
  | { kind: 'file'; reason: 'headers'; missing: (keyof typeof ROSTER_COLUMNS)[] };

/** A roster file that cannot be read at all: its format, its header. Nothing is imported. */
export class RosterFileError extends Error {
  constructor(
    readonly problem: RosterFileProblem,
    message: string,
  ) {
    super(message);
  }
}

/** A CSV file's text: UTF-8 (with or without BOM), else GB18030, as Chinese Excel saves "CSV (逗号分隔)". */
function csvText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * Read a roster file (.xlsx, first sheet, or CSV in UTF-8 or GB18030) into rows with the row numbers a person sees in the
 * spreadsheet (the header is row 1). Cells are read as text; the role's template words become the core's codes, any
 * other word is passed on for the core to refuse by row. The file is parsed by exceljs, never by hand.
 */
export async function readRosterFile(bytes: Uint8Array, format: 'xlsx' | 'csv'): Promise<RosterImportRow[]> {
  const book = new ExcelJS.Workbook();
  try {
    if (format === 'xlsx') await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    else await book.csv.read(Readable.from([csvText(bytes)]));
  } catch {
    throw format === 'xlsx'
      ? new RosterFileError({ kind: 'file', reason: 'not-xlsx' }, 'the file is not an .xlsx workbook (save it as Excel 工作簿 .xlsx, or send CSV)')
      : new RosterFileError({ kind: 'file', reason: 'not-csv' }, 'the file is not readable CSV');
  }
  const sheet = book.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new RosterFileError({ kind: 'file', reason: 'no-rows' }, 'the file has no sheet with rows');
  if (sheet.rowCount > MAX_ROSTER_ROWS + 1) {
    throw new RosterFileError({ kind: 'file', reason: 'too-many-rows', rows: sheet.rowCount - 1, max: MAX_ROSTER_ROWS }, `the file has ${sheet.rowCount - 1} rows; at most ${MAX_ROSTER_ROWS}`);
  }
  const header = sheet.getRow(1);
  const col: Partial<Record<keyof typeof ROSTER_COLUMNS, number>> = {};
  header.eachCell((cell, n) => {
    const word = cellText(cell.value).trim().toLowerCase();
    for (const [k, words] of Object.entries(ROSTER_COLUMNS) as [keyof typeof ROSTER_COLUMNS, readonly string[]][]) if (words.includes(word)) col[k] = n;
  });
  const missing = (['unit', 'name', 'role'] as const).filter((k) => col[k] === undefined);
  if (missing.length) {
    throw new RosterFileError({ kind: 'file', reason: 'headers', missing }, `row 1 must name the columns ${Object.values(ROSTER_COLUMNS).map((w) => w[0]).join(', ')}; missing: ${missing.map((k) => ROSTER_COLUMNS[k][0]).join(', ')}`);
  }
  const rows: RosterImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const at = (k: keyof typeof ROSTER_COLUMNS): string => (col[k] === undefined ? '' : cellText(row.getCell(col[k]).value).trim());
    const cells = { unit: at('unit'), name: at('name'), role: at('role'), windowNumber: at('window') };
    if (!cells.unit && !cells.name && !cells.role && !cells.windowNumber) return;
    rows.push({ row: n, ...cells, role: ROLE_WORDS[cells.role] ?? cells.role });
  });
  return rows;
}

/** A cell's value as text: numbers (a window number typed as 12) and rich text read as people see them. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('result' in v && v.result !== undefined) return cellText(v.result as ExcelJS.CellValue);
  return '';
}

/** The roster template: the header row and an example row per unit (the admin downloads and fills it). */
export async function rosterTemplate(units: readonly string[], windowOf: (unit: string) => string | undefined, format: 'xlsx' | 'csv'): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  sheet.addRow([ROSTER_COLUMNS.unit[0], ROSTER_COLUMNS.name[0], ROSTER_COLUMNS.role[0], ROSTER_COLUMNS.window[0]]);
  for (const u of units.slice(0, 3)) {
    sheet.addRow([u, '张三', '工作人员', windowOf(u) ?? '']);
    sheet.addRow([u, '李四', '首席代表', '']);
  }
  sheet.columns.forEach((c) => (c.width = 20));
  if (format === 'xlsx') return new Uint8Array(await book.xlsx.writeBuffer());
  // A BOM so that Excel opens the UTF-8 CSV with its Chinese intact.
  return new Uint8Array(Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(await book.csv.writeBuffer())]));
}
