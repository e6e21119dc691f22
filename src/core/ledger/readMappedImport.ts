import type { RosterIndex } from '../model/rosterIndex';
import type { Item } from '../scheme/schemeSchema';
import { findSubject } from './findSubject';
import type { FindSubjectResult } from './findSubject';
import { ledgerDate, monthEntryDate } from './ledgerDate';
import type { LedgerMapping } from './ledgerMapping';
import { columnLetter, headerKey } from './ledgerSheets';
import type { CellAt, SheetText } from './ledgerSheets';
import { readLedgerValue } from './ledgerValue';
import type { ImportProblem, LedgerEntry } from './readLedgerImport';
import { labelColumn, sheetHeader } from './sheetHeader';
import type { SheetHeader } from './sheetHeader';

export interface MappedImportContext {
  /** The ledger items of the account's offices in the mapping's scheme. */
  items: readonly Item[];
  index: RosterIndex;
  /** The month entered, YYYY-MM. */
  month: string;
  timeZone: string;
  /** The device's clock (ISO). */
  now: string;
  /** The source of rows without a reference of their own: the file's name, with sheet and row added. */
  defaultSource: string;
  /** Subjects that mark a totals row (合计, 总计): such a row is no subject's and is skipped. */
  totals: readonly string[];
}

type Problems = ImportProblem[];

/**
 * Read a raw export with its mapping into the month's entries, or every problem with its sheet, row and column (all or
 * nothing, as the template's import). Every data row's subject must be in the roster, also a row that enters nothing
 * (a person with no absence in a summary, a 满意 rating): the office learns where the export and the roster differ.
 * A row of one occurrence must also have a date in the month and a kind value the mapping lists. Mapped values that
 * are empty or zero enter nothing (a summary lists everyone); a totals row (合计) is skipped.
 */
export function readMappedImport(sheets: readonly SheetText[], mapping: LedgerMapping, ctx: MappedImportContext): { entries: LedgerEntry[]; problems: ImportProblem[] } {
  const problems: Problems = [];
  const items = new Map<string, Item>();
  for (const itemId of mappedItems(mapping)) {
    const item = ctx.items.find((i) => i.id === itemId);
    if (item && item.subject === mapping.subjectKind) items.set(itemId, item);
    else problems.push({ kind: 'mapping-item', itemId });
  }
  const found = findSheet(sheets, mapping, problems);
  if (!found || problems.length > 0) return { entries: [], problems };
  const { sheet, header } = found;
  const column = (label: string | undefined): number | undefined => {
    if (label === undefined) return undefined;
    const i = labelColumn(header, label);
    if (i < 0) problems.push({ kind: 'missing-label', at: { sheet: sheet.name, row: header.row }, label });
    return i;
  };
  const cols = {
    subject: column(mapping.subject) ?? -1,
    date: column(mapping.date),
    source: column(mapping.source),
    note: column(mapping.note),
    kind: column(mapping.kind?.label),
    verify: column(mapping.kind?.verify?.label),
    values: mapping.columns.map((c) => ({ column: column(c.label) ?? -1, item: items.get(c.itemId) })),
  };
  if (problems.length > 0) return { entries: [], problems };

  const entries: LedgerEntry[] = [];
  const sources = new Map<string, CellAt>();
  const totals = new Set(ctx.totals.map(headerKey));
  for (const r of header.data) {
    const text = (i: number | undefined): string => (i === undefined ? '' : (r.cells[i] ?? '').trim());
    const at = (i: number | undefined): CellAt => ({ sheet: sheet.name, row: r.row, ...(i === undefined ? {} : { column: columnLetter(i), header: header.labels[i] ?? '' }) });
    // A totals row names its total in any column (合计 under 工号); it is no subject's.
    if (r.cells.every((c) => c.trim() === '') || r.cells.some((c) => totals.has(headerKey(c)))) continue;
    const before = problems.length;
    // What the row says happened: (item, value text, cell) for each entry it makes.
    const values: { item: Item; text: string; at: CellAt }[] = [];
    if (mapping.kind && cols.kind !== undefined) {
      const kindText = text(cols.kind);
      const listed = mapping.kind.values.find((v) => v.value === kindText);
      if (!listed) problems.push({ kind: 'unknown-value', at: at(cols.kind), text: kindText });
      const verified = !listed?.verified || !mapping.kind.verify || mapping.kind.verify.oneOf.includes(text(cols.verify));
      const item = listed?.itemId ? items.get(listed.itemId) : undefined;
      if (item && verified) values.push({ item, text: '1', at: at(cols.kind) });
    }
    for (const v of cols.values) {
      const t = text(v.column);
      if (v.item && t !== '' && Number(t) !== 0) values.push({ item: v.item, text: t, at: at(v.column) });
    }
    const who = findSubject(ctx.index, mapping.subjectKind, text(cols.subject));
    if (!who.ok) problems.push(subjectProblem(who, text(cols.subject), at(cols.subject), mapping));
    // A summary row without values enters nothing; a row of one occurrence is checked whole (its date, its number).
    if (values.length === 0 && !mapping.kind) continue;
    const observedAt = rowDate(text(cols.date), at(cols.date), cols.date !== undefined, ctx, problems);
    const own = text(cols.source);
    if (cols.source !== undefined && own !== '') {
      const first = sources.get(own);
      if (first) problems.push({ kind: 'duplicate-source', at: at(cols.source), text: own, first });
      else sources.set(own, at(cols.source));
    }
    const sourceRef = own || `${ctx.defaultSource}（${sheet.name} ${r.row}）`;
    const note = text(cols.note);
    const made: LedgerEntry[] = [];
    for (const v of values) {
      const read = readLedgerValue(v.item.rule, v.text);
      if (!read.ok) problems.push({ kind: 'value', at: v.at, text: v.text, itemId: v.item.id, problems: read.problems });
      if (!read.ok || !who.ok || observedAt === null) continue;
      for (const inputs of read.inputs) {
        const e: LedgerEntry = { at: v.at, itemId: v.item.id, subject: { kind: mapping.subjectKind, id: who.id }, ref: who.ref, inputs, observedAt, sourceRef };
        if (note) e.note = note;
        made.push(e);
      }
    }
    if (problems.length === before) entries.push(...made);
  }
  if (problems.length === 0 && entries.length === 0) problems.push({ kind: 'no-entries' });
  return { entries, problems };
}

/** Whether a mapping reads this file: its sheet, its header and every column it names are there. */
export function mappingFits(sheets: readonly SheetText[], mapping: LedgerMapping): boolean {
  const found = findSheet(sheets, mapping, []);
  if (!found) return false;
  const named = [mapping.subject, mapping.date, mapping.source, mapping.note, mapping.kind?.label, mapping.kind?.verify?.label, ...mapping.columns.map((c) => c.label)];
  return named.every((label) => label === undefined || labelColumn(found.header, label) >= 0);
}

/** Every item a mapping feeds. */
export function mappedItems(mapping: LedgerMapping): string[] {
  const ids = [...mapping.columns.map((c) => c.itemId), ...(mapping.kind?.values.flatMap((v) => (v.itemId ? [v.itemId] : [])) ?? [])];
  return [...new Set(ids)];
}

/** The mapping's sheet (by name, or the first whose header has the subject column) with its header. */
export function findSheet(sheets: readonly SheetText[], mapping: Pick<LedgerMapping, 'sheet' | 'subject'>, problems: Problems): { sheet: SheetText; header: SheetHeader } | null {
  const candidates = mapping.sheet === undefined ? sheets : sheets.filter((s) => s.name === mapping.sheet);
  if (mapping.sheet !== undefined && candidates.length === 0) {
    problems.push({ kind: 'no-sheet', sheet: mapping.sheet });
    return null;
  }
  for (const sheet of candidates) {
    const header = sheetHeader(sheet.rows, mapping.subject);
    if (header) return { sheet, header };
  }
  const first = candidates[0];
  problems.push({ kind: 'no-header', at: { sheet: first?.name ?? '', row: first?.rows[0]?.row ?? 1 } });
  return null;
}

function subjectProblem(who: Extract<FindSubjectResult, { ok: false }>, text: string, at: CellAt, mapping: LedgerMapping): ImportProblem {
  return who.kind === 'ambiguous' ? { kind: 'ambiguous-subject', at, text, subject: mapping.subjectKind, count: who.count ?? 2 } : { kind: 'unknown-subject', at, text, subject: mapping.subjectKind };
}

/** A row's instant: its date cell's when the mapping has a date column (required then), else the month's entry date. */
function rowDate(text: string, at: CellAt, dated: boolean, ctx: MappedImportContext, problems: Problems): string | null {
  if (dated) {
    const d = ledgerDate(text, ctx.month, ctx.timeZone, ctx.now);
    if (d.ok) return d.at;
    problems.push({ kind: 'date', at, text, problem: text === '' ? 'unreadable' : d.problem, month: ctx.month });
    return null;
  }
  const monthly = monthEntryDate(ctx.month, ctx.timeZone, ctx.now);
  if (monthly === null) problems.push({ kind: 'date', at, text: ctx.month, problem: 'future', month: ctx.month });
  return monthly;
}
