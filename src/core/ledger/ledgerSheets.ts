import type { Item } from '../scheme/schemeSchema';

/** A worksheet as text, as the app's spreadsheet reader hands it over: each row's number (1-based) and its cells from column A. */
export interface SheetText {
  name: string;
  rows: { row: number; cells: string[] }[];
}

/** The columns of the ledger import layouts besides the item columns of the summary (月度汇总). */
export const LEDGER_COLUMNS = ['date', 'subject', 'item', 'value', 'source', 'note'] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

/**
 * The header words each column may carry, in every language the app speaks (the template is written in the screen's
 * language; a file made in either is read). The app gives them: the core holds no screen words.
 */
export type ColumnWords = Record<LedgerColumn, readonly string[]>;

/** Where in a workbook: the sheet, the row (1-based, as Excel numbers it), and the column (A, B, … AA) with its header. */
export interface CellAt {
  sheet: string;
  row: number;
  column?: string;
  header?: string;
}

/** The column letter of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** How an item is named in a ledger file: its name, or its name with its clause where two items share a name. */
export function itemLabel(item: Pick<Item, 'name' | 'clause'>, items: readonly Pick<Item, 'name' | 'clause'>[]): string {
  return items.filter((i) => i.name === item.name).length > 1 ? `${item.name}（${item.clause}）` : item.name;
}

/** The item a ledger file names: by its label, its id or (when unique) its name. */
export function itemNamed<I extends Pick<Item, 'id' | 'name' | 'clause'>>(items: readonly I[], text: string): I | undefined {
  const t = text.trim();
  return items.find((i) => i.id === t || itemLabel(i, items) === t) ?? (items.filter((i) => i.name === t).length === 1 ? items.find((i) => i.name === t) : undefined);
}

/** Normalised header text: spaces and a trailing required-mark (*) dropped. */
export function headerKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/[*＊]$/, '');
}
