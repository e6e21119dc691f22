import type { RosterIndex } from './rosterIndex';

/** What a finding names: any of the person, the window and the unit. */
export interface Where {
  staffId?: string | undefined;
  windowId?: string | undefined;
  unitId?: string | undefined;
}

/**
 * Where a finding is charged, resolved through the roster: staff -> window -> unit -> chief, each taken from the
 * finding first and derived otherwise (a person's seat, a window's unit, a unit's chief). Null where it does not
 * resolve. The engine, the checks, the notice and the screens all place findings with this one function.
 */
export interface Placement {
  staffId: string | null;
  windowId: string | null;
  unitId: string | null;
  chiefId: string | null;
}

/** Place a finding (see Placement). */
export function place(w: Where, index: RosterIndex): Placement {
  const staff = w.staffId ? index.find('staff', w.staffId) : undefined;
  const win = index.find('window', w.windowId ?? staff?.windowId ?? '');
  const unit = index.find('unit', w.unitId ?? win?.unitId ?? staff?.unitId ?? '');
  const chief = unit ? index.chiefOfUnit(unit.id) : undefined;
  return { staffId: staff?.id ?? null, windowId: win?.id ?? null, unitId: unit?.id ?? null, chiefId: chief?.id ?? null };
}

/** Why what a finding names does not hold together; the server words it, the tablet translates it. */
export type PlacementProblem =
  /** An id the roster does not have. */
  | { kind: 'unknown'; subject: 'staff' | 'window' | 'unit'; id: string }
  /** The person, the window and the unit named belong to different units (each given with its unit). */
  | {
      kind: 'units-differ';
      staff?: { id: string; unitId: string };
      window?: { id: string; unitId: string };
      unitId?: string;
    };

/**
 * Whether what a finding names is consistent: every id is in the roster, and the person's unit, the window's unit and
 * the unit named are one unit. A person may be recorded at another window of their own unit (helping out there),
 * never at another unit's window: then the points of one unit's staff would show under a chief who may not see them.
 */
export function placementProblems(w: Where, index: RosterIndex): PlacementProblem[] {
  const problems: PlacementProblem[] = [];
  const staff = w.staffId ? index.find('staff', w.staffId) : undefined;
  const win = w.windowId ? index.find('window', w.windowId) : undefined;
  const unit = w.unitId ? index.find('unit', w.unitId) : undefined;
  if (w.staffId && !staff) problems.push({ kind: 'unknown', subject: 'staff', id: w.staffId });
  if (w.windowId && !win) problems.push({ kind: 'unknown', subject: 'window', id: w.windowId });
  if (w.unitId && !unit) problems.push({ kind: 'unknown', subject: 'unit', id: w.unitId });
  const units = new Set([staff?.unitId, win?.unitId, unit?.id].filter((u): u is string => u !== undefined));
  if (units.size > 1) {
    const p: PlacementProblem = { kind: 'units-differ' };
    if (staff) p.staff = { id: staff.id, unitId: staff.unitId };
    if (win) p.window = { id: win.id, unitId: win.unitId };
    if (unit) p.unitId = unit.id;
    problems.push(p);
  }
  return problems;
}
