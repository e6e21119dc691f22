import type { Roster, RosterChief, RosterStaff } from './roster';

/**
 * One row of a roster file (.xlsx or CSV) as the admin screens read it: the cells as text, with the row number the
 * person sees in the spreadsheet. `role` is `staff` or `chief` (the screens map the template's words 工作人员 and
 * 首席代表 to these codes); `windowNumber` is the number painted on the window, for staff.
 */
export interface RosterImportRow {
  row: number;
  unit: string;
  name: string;
  role: string;
  windowNumber: string;
}

/** Why a row of a roster file cannot be taken, with its row number. */
export type RosterImportProblem =
  | { kind: 'missing'; row: number; field: 'unit' | 'name' | 'role' }
  | { kind: 'unit-unknown'; row: number; unit: string }
  | { kind: 'role-unknown'; row: number; role: string }
  | { kind: 'window-unknown'; row: number; window: string }
  | { kind: 'window-other-unit'; row: number; window: string; unit: string; windowUnit: string }
  | { kind: 'window-for-chief'; row: number; window: string }
  | { kind: 'name-repeated'; row: number; name: string; unit: string; firstRow: number }
  | { kind: 'chief-repeated'; row: number; unit: string; firstRow: number }
  | { kind: 'empty' };

export interface RosterImportOptions {
  /** A new id for the n-th new person of a kind (the caller's ids: the core makes none). */
  newId: (kind: 'staff' | 'chief', n: number) => string;
  /** Staff with recorded findings (by id): one missing from the file is kept and marked as left, not deleted. */
  used: ReadonlySet<string>;
  /** The hall-local day (YYYY-MM-DD) a person missing from the file is marked as left on. */
  today: string;
}

/**
 * Check a roster file's rows against the hall's units and windows and build the roster it stands for: the staff and
 * chiefs of the file replace the old ones, a person already in the roster (same unit and name) keeps their id so
 * their findings stay theirs, and a person missing from the file who has findings is kept as left. All or nothing:
 * with any problem the caller saves nothing. The admin screens and the server run this same function.
 */
export function importRoster(current: Roster, rows: readonly RosterImportRow[], opts: RosterImportOptions): { roster: Roster; problems: RosterImportProblem[] } {
  const problems: RosterImportProblem[] = [];
  if (rows.length === 0) problems.push({ kind: 'empty' });
  const unitByName = new Map(current.units.flatMap((u) => [[u.name.trim(), u] as const, [u.id, u] as const]));
  const windowByNumber = new Map(current.windows.map((w) => [w.number.trim(), w]));
  const unitName = (id: string): string => current.units.find((u) => u.id === id)?.name ?? id;
  const oldStaff = new Map(current.staff.map((s) => [`${s.unitId}\n${s.name}`, s]));
  const oldChief = new Map(current.chiefs.map((c) => [`${c.unitId}\n${c.name}`, c]));
  const seenPerson = new Map<string, number>();
  const seenChief = new Map<string, number>();
  const staff: RosterStaff[] = [];
  const chiefs: RosterChief[] = [];
  const fresh = { staff: 0, chief: 0 };

  for (const r of rows) {
    const unitText = r.unit.trim();
    const name = r.name.trim();
    const role = r.role.trim();
    const windowText = r.windowNumber.trim();
    if (!unitText) problems.push({ kind: 'missing', row: r.row, field: 'unit' });
    if (!name) problems.push({ kind: 'missing', row: r.row, field: 'name' });
    if (!role) problems.push({ kind: 'missing', row: r.row, field: 'role' });
    if (!unitText || !name || !role) continue;
    const unit = unitByName.get(unitText);
    if (!unit) {
      problems.push({ kind: 'unit-unknown', row: r.row, unit: unitText });
      continue;
    }
    if (role !== 'staff' && role !== 'chief') {
      problems.push({ kind: 'role-unknown', row: r.row, role });
      continue;
    }
    const key = `${unit.id}\n${name}`;
    if (role === 'chief') {
      if (windowText) problems.push({ kind: 'window-for-chief', row: r.row, window: windowText });
      const first = seenChief.get(unit.id);
      if (first !== undefined) {
        problems.push({ kind: 'chief-repeated', row: r.row, unit: unit.name, firstRow: first });
        continue;
      }
      seenChief.set(unit.id, r.row);
      const old = oldChief.get(key);
      chiefs.push({ id: old?.id ?? opts.newId('chief', ++fresh.chief), name, unitId: unit.id });
      continue;
    }
    const first = seenPerson.get(key);
    if (first !== undefined) {
      problems.push({ kind: 'name-repeated', row: r.row, name, unit: unit.name, firstRow: first });
      continue;
    }
    seenPerson.set(key, r.row);
    let windowId: string | undefined;
    if (windowText) {
      const w = windowByNumber.get(windowText);
      if (!w) {
        problems.push({ kind: 'window-unknown', row: r.row, window: windowText });
        continue;
      }
      if (w.unitId !== unit.id) {
        problems.push({ kind: 'window-other-unit', row: r.row, window: windowText, unit: unit.name, windowUnit: unitName(w.unitId) });
        continue;
      }
      windowId = w.id;
    }
    const old = oldStaff.get(key);
    const person: RosterStaff = { id: old?.id ?? opts.newId('staff', ++fresh.staff), name, unitId: unit.id };
    if (windowId) person.windowId = windowId;
    staff.push(person);
  }

  // Whoever has findings stays in the roster: marked as left (from today) when the file no longer lists them.
  const kept = new Set(staff.map((s) => s.id));
  for (const s of current.staff) {
    if (kept.has(s.id) || !opts.used.has(s.id)) continue;
    const { windowId: _seat, ...rest } = s;
    staff.push({ ...rest, left: s.left ?? opts.today });
  }
  return { roster: { ...current, staff, chiefs }, problems };
}
