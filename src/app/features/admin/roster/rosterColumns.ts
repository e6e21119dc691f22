import type { RosterImportRow } from '../../../../core/model/rosterImport';

/** The template's columns, in order: the words a person types in the header row (either language is read). */
export const ROSTER_COLUMNS = [
  { key: 'unit', headers: ['单位', 'unit'] },
  { key: 'name', headers: ['姓名', 'name'] },
  { key: 'role', headers: ['角色', 'role'] },
  { key: 'window', headers: ['窗口号', '窗口', 'window'] },
] as const;

/** The template's words for the two roles, read back as the core's codes. */
export const ROLE_WORDS: Record<string, 'staff' | 'chief'> = { 工作人员: 'staff', 首席代表: 'chief', staff: 'staff', chief: 'chief' };

/** Why a file could not be read as a roster at all (before its rows are checked). */
export type RosterFileProblem =
  | { kind: 'format'; name: string }
  | { kind: 'unreadable'; name: string; detail: string }
  | { kind: 'headers'; missing: string[] }
  | { kind: 'too-many-rows'; rows: number; max: number };

export const MAX_ROWS = 5000;

/**
 * Rows of cells (the first is the header row, numbered 1 as in the spreadsheet) as the core's import rows: columns
 * found by their header words, blank rows skipped, role words mapped to codes (an unknown word is passed on for the
 * core to refuse with its row number).
 */
export function rowsFromCells(cells: readonly (readonly string[])[]): { rows: RosterImportRow[] } | { problem: RosterFileProblem } {
  const header = (cells[0] ?? []).map((c) => c.trim().toLowerCase());
  const at: Partial<Record<(typeof ROSTER_COLUMNS)[number]['key'], number>> = {};
  const missing: string[] = [];
  for (const col of ROSTER_COLUMNS) {
    const i = header.findIndex((h) => (col.headers as readonly string[]).includes(h));
    if (i >= 0) at[col.key] = i;
    else if (col.key !== 'window') missing.push(col.headers[0]);
  }
  if (missing.length) return { problem: { kind: 'headers', missing } };
  if (cells.length - 1 > MAX_ROWS) return { problem: { kind: 'too-many-rows', rows: cells.length - 1, max: MAX_ROWS } };
  const cell = (row: readonly string[], i: number | undefined): string => (i === undefined ? '' : (row[i] ?? '').trim());
  const rows: RosterImportRow[] = [];
  cells.slice(1).forEach((row, i) => {
    if (row.every((c) => !c.trim())) return;
    const role = cell(row, at.role);
    rows.push({ row: i + 2, unit: cell(row, at.unit), name: cell(row, at.name), role: ROLE_WORDS[role.toLowerCase()] ?? ROLE_WORDS[role] ?? role, window: cell(row, at.window) });
  });
  return { rows };
}
