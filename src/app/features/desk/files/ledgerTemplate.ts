import type { Worksheet } from 'exceljs';
import type { LedgerColumn } from '../../../../core/ledger/ledgerSheets';
import { itemLabel } from '../../../../core/ledger/ledgerSheets';
import type { Item, SubjectKind } from '../../../../core/scheme/schemeSchema';
import { loadExcel } from './loadExcel';

/** The words of a template, in the screen's language (the reader takes either language's headers). */
export interface TemplateWords {
  title: string;
  sheet: { summary: string; entries: string; help: string };
  column: Record<LedgerColumn, string>;
  help: { summary: string; entries: string; rules: string; item: string; id: string; clause: string; subject: string; value: string };
  subject: Record<SubjectKind, string>;
  /** How the value of an item is written (次数; 请假天数（天）; 等级：国家级/市级). */
  valueHint: (item: Item) => string;
}

export interface TemplateInput {
  /** The office's ledger items of one scheme, in file order. */
  items: readonly Item[];
  /** The subjects of each kind the items charge, in roster order. */
  subjects: Partial<Record<SubjectKind, readonly { id: string; name: string }[]>>;
  words: TemplateWords;
}

const KINDS: readonly SubjectKind[] = ['staff', 'window', 'unit', 'chief'];
const ENTRY_ROWS = 500;

/**
 * The import template of a scheme for an office, as .xlsx bytes: a 月度汇总 sheet per subject kind (a row per subject,
 * a column per item: the desk's grid, the shape of an attendance system's monthly summary), a 明细 sheet (a row per
 * occurrence, the shape of a 好差评 platform export, with the items as a drop-down), and the instructions with every
 * item's id, clause and how its value is written. Title rows sit above the headers, as in the offices' own exports.
 */
export async function ledgerTemplate(input: TemplateInput): Promise<ArrayBuffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  const { items, words } = input;
  const kinds = KINDS.filter((k) => items.some((i) => i.subject === k));
  for (const kind of kinds) {
    const ofKind = items.filter((i) => i.subject === kind);
    const name = kinds.length > 1 ? `${words.sheet.summary}（${words.subject[kind]}）` : words.sheet.summary;
    const ws = wb.addWorksheet(name);
    const header = [words.column.subject, ...ofKind.map((i) => itemLabel(i, items)), words.column.source, words.column.note];
    title(ws, words.title, header.length);
    ws.addRow(header).font = { bold: true };
    const subjects = input.subjects[kind] ?? [];
    for (const s of subjects) ws.addRow([subjects.filter((x) => x.name === s.name).length > 1 ? s.id : s.name]);
    ws.getColumn(1).width = 18;
    ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];
  }

  const help = wb.addWorksheet(words.sheet.help);
  help.addRow([words.title]).font = { bold: true, size: 14 };
  for (const line of [words.help.summary, words.help.entries, words.help.rules]) help.addRow([line]);
  help.addRow([]);
  help.addRow([words.help.item, words.help.id, words.help.clause, words.help.subject, words.help.value]).font = { bold: true };
  const firstItemRow = help.rowCount + 1;
  for (const i of items) help.addRow([itemLabel(i, items), i.id, i.clause, words.subject[i.subject], words.valueHint(i)]);
  help.getColumn(1).width = 30;
  help.getColumn(5).width = 40;

  const entries = wb.addWorksheet(words.sheet.entries);
  const columns: LedgerColumn[] = ['date', 'subject', 'item', 'value', 'source', 'note'];
  title(entries, words.title, columns.length);
  entries.addRow(columns.map((c) => words.column[c])).font = { bold: true };
  const list = `'${words.sheet.help}'!$A$${firstItemRow}:$A$${firstItemRow + items.length - 1}`;
  for (let r = 3; r < 3 + ENTRY_ROWS; r++) entries.getCell(r, 3).dataValidation = { type: 'list', allowBlank: true, formulae: [list] };
  entries.getColumn(1).width = 18;
  entries.getColumn(3).width = 24;
  entries.views = [{ state: 'frozen', ySplit: 2 }];
  // The summary is what most offices fill in: open on it.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  const bytes = await wb.xlsx.writeBuffer();
  return bytes instanceof ArrayBuffer ? bytes : new Uint8Array(bytes).buffer;
}

/** A merged title row above the header, as the halls' exports have. */
function title(ws: Worksheet, text: string, width: number): void {
  ws.addRow([text]).font = { bold: true, size: 14 };
  if (width > 1) ws.mergeCells(1, 1, 1, width);
}
