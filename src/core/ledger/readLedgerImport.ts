import type { Refusal } from '../access/refusal';
import type { RosterIndex } from '../model/rosterIndex';
import type { FindingInputs } from '../scheme/inputsSchema';
import type { Item, SubjectKind } from '../scheme/schemeSchema';
import { findSubject } from './findSubject';
import type { SubjectRef } from './findSubject';
import { ledgerDate, monthEntryDate } from './ledgerDate';
import type { LedgerDateProblem } from './ledgerDate';
import { columnLetter, headerKey, itemNamed, LEDGER_COLUMNS } from './ledgerSheets';
import type { CellAt, ColumnWords, LedgerColumn, SheetText } from './ledgerSheets';
import { ledgerValueKind, readLedgerValue } from './ledgerValue';
import type { LedgerValueProblem } from './ledgerValue';

/** One finding to record from a ledger: where it came from, the item, the subject, its inputs, when and from what. */
export interface LedgerEntry {
  /** The cell of the value (the row of an entry). */
  at: CellAt;
  itemId: string;
  subject: { kind: SubjectKind; id: string };
  ref: SubjectRef;
  inputs: FindingInputs;
  observedAt: string;
  sourceRef: string;
  note?: string;
}

/** What is wrong in an imported workbook, cell by cell; any problem refuses the whole import (all or nothing). */
export type ImportProblem =
  /** A sheet with data but no header row (no column headed as the subject). */
  | { kind: 'no-header'; at: CellAt }
  | { kind: 'missing-column'; at: CellAt; column: LedgerColumn }
  /** A header that is neither a column of the layout nor a ledger item of the account's offices in this scheme. */
  | { kind: 'unknown-column'; at: CellAt }
  | { kind: 'duplicate-column'; at: CellAt }
  | { kind: 'unknown-subject'; at: CellAt; text: string; subject: SubjectKind }
  | { kind: 'ambiguous-subject'; at: CellAt; text: string; subject: SubjectKind; count: number }
  | { kind: 'unknown-item'; at: CellAt; text: string }
  /** The value is out of the item's range, not a number, not a level of the item… (the shared input check). */
  | { kind: 'value'; at: CellAt; text: string; itemId: string; problems: LedgerValueProblem[] }
  | { kind: 'date'; at: CellAt; text: string; problem: LedgerDateProblem; month: string }
  | { kind: 'source-missing'; at: CellAt }
  /** The entry as a recording was refused by checkEvent (the same check as the server's). */
  | { kind: 'refused'; at: CellAt; refusal: Refusal }
  | { kind: 'no-entries' }
  /** A mapping's sheet that the file does not have. */
  | { kind: 'no-sheet'; sheet: string }
  /** A column the mapping names that the file's header does not have. */
  | { kind: 'missing-label'; at: CellAt; label: string }
  /** A mapping's item that is not a ledger item of the account's offices in this scheme, or charges another kind of subject. */
  | { kind: 'mapping-item'; itemId: string }
  /** A value of the mapping's kind column that the mapping does not list (an unknown 评价等级). */
  | { kind: 'unknown-value'; at: CellAt; text: string }
  /** A row's own reference met again in the file (a work order exported twice). */
  | { kind: 'duplicate-source'; at: CellAt; text: string; first: CellAt }
  /** An entry already recorded in the month: the same item, subject and source (the file imported before). */
  | { kind: 'already-recorded'; at: CellAt; sourceRef: string };

export interface ImportContext {
  /** The ledger items of the account's offices in the scheme being imported. */
  items: readonly Item[];
  index: RosterIndex;
  /** The month entered, YYYY-MM. */
  month: string;
  timeZone: string;
  /** The device's clock (ISO). */
  now: string;
  words: ColumnWords;
  /** The source reference of rows whose own source cell is empty (the file's name, say); none: each row names its own. */
  defaultSource?: string | undefined;
  /** Sheets that hold no entries (the template's instructions and roster). */
  skipSheets?: readonly string[] | undefined;
}

const HEADER_ROWS = 10;

/**
 * Read a workbook's sheets into the entries of a month, or every problem with its sheet, row and column. Two layouts,
 * told apart by their header row (title rows above it are allowed): 明细 (entries: one row per occurrence, with date,
 * subject, item and value columns, like a 好差评 platform export) and 月度汇总 (summary: one row per subject, one
 * column per item, like an attendance system's monthly summary). Empty rows are skipped.
 */
export function readLedgerImport(sheets: readonly SheetText[], ctx: ImportContext): { entries: LedgerEntry[]; problems: ImportProblem[] } {
  const entries: LedgerEntry[] = [];
  const problems: ImportProblem[] = [];
  for (const sheet of sheets) {
    if (ctx.skipSheets?.includes(sheet.name)) continue;
    const rows = sheet.rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
    if (rows.length === 0) continue;
    readSheet(sheet.name, rows, ctx, entries, problems);
  }
  if (problems.length === 0 && entries.length === 0) problems.push({ kind: 'no-entries' });
  return { entries, problems };
}

type Columns = { fixed: Map<LedgerColumn, number>; items: Map<number, Item> };

function readSheet(name: string, rows: SheetText['rows'], ctx: ImportContext, entries: LedgerEntry[], problems: ImportProblem[]): void {
  const isWord = (column: LedgerColumn, text: string): boolean => ctx.words[column].some((w) => headerKey(w) === headerKey(text));
  const header = rows.slice(0, HEADER_ROWS).find((r) => r.cells.some((c) => isWord('subject', c)));
  if (!header) {
    problems.push({ kind: 'no-header', at: { sheet: name, row: rows[0]?.row ?? 1 } });
    return;
  }
  const cols: Columns = { fixed: new Map(), items: new Map() };
  const before = problems.length;
  header.cells.forEach((text, i) => {
    if (text.trim() === '') return;
    const at: CellAt = { sheet: name, row: header.row, column: columnLetter(i), header: text.trim() };
    const column = LEDGER_COLUMNS.find((c) => isWord(c, text));
    const item = column ? undefined : itemNamed(ctx.items, text);
    if (column ? cols.fixed.has(column) : item && [...cols.items.values()].includes(item)) problems.push({ kind: 'duplicate-column', at });
    else if (column) cols.fixed.set(column, i);
    else if (item) cols.items.set(i, item);
    else problems.push({ kind: 'unknown-column', at });
  });
  const entriesLayout = cols.fixed.has('item');
  const required: LedgerColumn[] = entriesLayout ? ['date', 'subject', 'item', 'value'] : ['subject'];
  for (const column of required) if (!cols.fixed.has(column)) problems.push({ kind: 'missing-column', at: { sheet: name, row: header.row }, column });
  if (!entriesLayout && cols.items.size === 0) problems.push({ kind: 'missing-column', at: { sheet: name, row: header.row }, column: 'item' });
  if (problems.length > before) return;
  for (const r of rows.filter((x) => x.row > header.row)) readRow(name, r, cols, entriesLayout, ctx, entries, problems);
}

function readRow(sheet: string, r: SheetText['rows'][number], cols: Columns, entriesLayout: boolean, ctx: ImportContext, entries: LedgerEntry[], problems: ImportProblem[]): void {
  const cell = (column: LedgerColumn): { text: string; at: CellAt } => {
    const i = cols.fixed.get(column);
    return { text: i === undefined ? '' : (r.cells[i] ?? '').trim(), at: { sheet, row: r.row, ...(i === undefined ? {} : { column: columnLetter(i) }) } };
  };
  const before = problems.length;
  const subject = cell('subject');
  // Each value of the row: (item, its text, its cell). A summary row with no value (a subject the template lists) enters nothing.
  const values: { item: Item; text: string; at: CellAt }[] = [];
  if (entriesLayout) {
    const itemCell = cell('item');
    const item = itemNamed(ctx.items, itemCell.text);
    const value = cell('value');
    if (!item) problems.push({ kind: 'unknown-item', at: itemCell.at, text: itemCell.text });
    // A row of a per-occurrence export is one occurrence: an empty count is 1.
    else values.push({ item, text: value.text === '' && ledgerValueKind(item.rule) === 'count' ? '1' : value.text, at: value.at });
  } else {
    for (const [i, item] of cols.items) {
      const text = (r.cells[i] ?? '').trim();
      if (text !== '') values.push({ item, text, at: { sheet, row: r.row, column: columnLetter(i), header: item.name } });
    }
  }

  if (values.length === 0 && problems.length === before) return;
  const date = cell('date');
  let observedAt: string | null = null;
  if (date.text !== '') {
    const d = ledgerDate(date.text, ctx.month, ctx.timeZone, ctx.now);
    if (d.ok) observedAt = d.at;
    else problems.push({ kind: 'date', at: date.at, text: date.text, problem: d.problem, month: ctx.month });
  } else if (entriesLayout) {
    problems.push({ kind: 'date', at: date.at, text: '', problem: 'unreadable', month: ctx.month });
  } else {
    observedAt = monthEntryDate(ctx.month, ctx.timeZone, ctx.now);
    if (observedAt === null) problems.push({ kind: 'date', at: date.at, text: ctx.month, problem: 'future', month: ctx.month });
  }
  const source = cell('source');
  const sourceRef = source.text || (ctx.defaultSource ? `${ctx.defaultSource}（${sheet} ${r.row}）` : '');
  if (!sourceRef) problems.push({ kind: 'source-missing', at: source.at });
  const note = cell('note').text;

  const found = new Map<SubjectKind, ReturnType<typeof findSubject>>();
  const made: LedgerEntry[] = [];
  for (const v of values) {
    const kind = v.item.subject;
    const who = found.get(kind) ?? findSubject(ctx.index, kind, subject.text);
    if (!found.has(kind)) {
      found.set(kind, who);
      if (!who.ok) {
        problems.push(who.kind === 'ambiguous' ? { kind: 'ambiguous-subject', at: subject.at, text: subject.text, subject: kind, count: who.count ?? 2 } : { kind: 'unknown-subject', at: subject.at, text: subject.text, subject: kind });
      }
    }
    const read = readLedgerValue(v.item.rule, v.text);
    if (!read.ok) problems.push({ kind: 'value', at: v.at, text: v.text, itemId: v.item.id, problems: read.problems });
    if (!read.ok || !who.ok || observedAt === null) continue;
    for (const inputs of read.inputs) {
      const e: LedgerEntry = { at: v.at, itemId: v.item.id, subject: { kind, id: who.id }, ref: who.ref, inputs, observedAt, sourceRef };
      if (note) e.note = note;
      made.push(e);
    }
  }
  if (problems.length === before) entries.push(...made);
}
