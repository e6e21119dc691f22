import type { SubjectKind } from '../scheme/schemeSchema';
import type { Roster, RosterChief, RosterStaff, RosterUnit, RosterWindow } from './roster';

/** A scored subject from the roster. */
export interface Member {
  kind: SubjectKind;
  id: string;
  name: string;
  unitId: string;
  /** For staff: the window they sit at. */
  windowId?: string;
}

/** Lookups over the roster, built once: the engine's members, and the roster's own rows for screens and placement. */
export interface RosterIndex {
  roster: Roster;
  byKind: Record<SubjectKind, Member[]>;
  find: (kind: SubjectKind, id: string) => Member | undefined;
  chiefOfUnit: (unitId: string) => Member | undefined;
  /** Members of `kind` that belong to the subject (a unit's staff, a window's staff, a chief's windows). */
  membersOf: (subject: Member, kind: SubjectKind) => Member[];
  window: (id: string) => RosterWindow | undefined;
  unit: (id: string) => RosterUnit | undefined;
  staff: (id: string) => RosterStaff | undefined;
  chief: (unitId: string) => RosterChief | undefined;
  /** The staff seated at a window (who is on duty there, until a day's duty roster says otherwise). */
  staffAt: (windowId: string) => readonly RosterStaff[];
  /** Everyone of a unit. */
  staffOf: (unitId: string) => readonly RosterStaff[];
}

/** Index the roster. */
export function indexRoster(roster: Roster): RosterIndex {
  const byKind: Record<SubjectKind, Member[]> = {
    staff: roster.staff.map((s) => ({ kind: 'staff', id: s.id, name: s.name, unitId: s.unitId, windowId: s.windowId })),
    // A window without a name is known by its number; the screens word it ("3号窗口").
    window: roster.windows.map((w) => ({ kind: 'window', id: w.id, name: w.name ?? w.number, unitId: w.unitId })),
    chief: roster.chiefs.map((c) => ({ kind: 'chief', id: c.id, name: c.name, unitId: c.unitId })),
    unit: roster.units.map((u) => ({ kind: 'unit', id: u.id, name: u.name, unitId: u.id })),
  };
  const maps = {
    staff: new Map(byKind.staff.map((m) => [m.id, m])),
    window: new Map(byKind['window'].map((m) => [m.id, m])),
    chief: new Map(byKind.chief.map((m) => [m.id, m])),
    unit: new Map(byKind.unit.map((m) => [m.id, m])),
  };
  const chiefs = new Map(byKind.chief.map((m) => [m.unitId, m]));
  const staffByUnit = groupBy(byKind.staff, (m) => m.unitId);
  const staffByWindow = groupBy(byKind.staff, (m) => m.windowId ?? '');
  const windowsByUnit = groupBy(byKind.window, (m) => m.unitId);
  const rows = {
    windows: new Map(roster.windows.map((w) => [w.id, w])),
    unit: new Map(roster.units.map((u) => [u.id, u])),
    staff: new Map(roster.staff.map((s) => [s.id, s])),
    chief: new Map(roster.chiefs.map((c) => [c.unitId, c])),
    staffAt: groupBy(roster.staff, (s) => s.windowId ?? ''),
    staffOf: groupBy(roster.staff, (s) => s.unitId),
  };
  return {
    roster,
    byKind,
    find: (kind, id) => maps[kind].get(id),
    chiefOfUnit: (unitId) => chiefs.get(unitId),
    membersOf: (subject, kind) => {
      if (kind === 'staff') return (subject.kind === 'window' ? staffByWindow.get(subject.id) : staffByUnit.get(subject.unitId)) ?? [];
      if (kind === 'window') return subject.kind === 'window' ? [subject] : windowsByUnit.get(subject.unitId) ?? [];
      if (kind === 'chief') {
        const c = chiefs.get(subject.unitId);
        return c ? [c] : [];
      }
      const u = maps.unit.get(subject.unitId);
      return u ? [u] : [];
    },
    window: (id) => rows.windows.get(id),
    unit: (id) => rows.unit.get(id),
    staff: (id) => rows.staff.get(id),
    chief: (unitId) => rows.chief.get(unitId),
    staffAt: (windowId) => (windowId ? rows.staffAt.get(windowId) : undefined) ?? [],
    staffOf: (unitId) => rows.staffOf.get(unitId) ?? [],
  };
}

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of list) {
    const k = key(t);
    const arr = out.get(k);
    if (arr) arr.push(t);
    else out.set(k, [t]);
  }
  return out;
}
