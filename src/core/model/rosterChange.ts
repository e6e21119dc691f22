import type { Roster } from './roster';

/** How many recorded findings name each person, window and unit (the server counts them from its events). */
export interface RosterUsage {
  staff: ReadonlyMap<string, number>;
  windows: ReadonlyMap<string, number>;
  /** Findings charged to each unit (a unit's chief answers for them through co-deductions and chief items). */
  units: ReadonlyMap<string, number>;
}

/** A roster change that would leave recorded findings without their subject: refused, with what to do instead. */
export type RosterChangeRefusal =
  | { kind: 'staff-removed'; staffId: string; name: string; findings: number }
  | { kind: 'staff-unit-changed'; staffId: string; name: string; from: string; to: string; findings: number }
  | { kind: 'window-removed'; windowId: string; number: string; findings: number }
  | { kind: 'window-unit-changed'; windowId: string; number: string; from: string; to: string; findings: number }
  | { kind: 'unit-removed'; unitId: string; name: string; findings: number }
  | { kind: 'chief-removed'; unitId: string; chiefId: string; name: string; findings: number };

/** What an accepted change does to recorded findings and results, said before it is saved. */
export type RosterChangeEffect =
  | { kind: 'staff-left'; staffId: string; name: string; on: string; findings: number }
  | { kind: 'staff-returned'; staffId: string; name: string }
  | { kind: 'chief-replaced'; unitId: string; from: { id: string; name: string }; to: { id: string; name: string }; findings: number }
  | { kind: 'window-renumbered'; windowId: string; from: string; to: string; findings: number }
  | { kind: 'removed-unused'; list: 'units' | 'windows' | 'staff' | 'chiefs'; id: string; name: string };

/**
 * Compare a roster with the one it replaces, against the findings recorded so far. Removing (or moving to another
 * unit) a person, window or unit that findings name would orphan them or move their points silently, so it is
 * refused: a person with findings is marked as left (`left`: the day), never deleted. What an accepted change does is
 * listed as effects (a chief replaced: the unit's chief findings are charged to the new chief in results).
 */
export function rosterChange(before: Roster, after: Roster, usage: RosterUsage): { refusals: RosterChangeRefusal[]; effects: RosterChangeEffect[] } {
  const refusals: RosterChangeRefusal[] = [];
  const effects: RosterChangeEffect[] = [];
  const count = (m: ReadonlyMap<string, number>, id: string): number => m.get(id) ?? 0;

  const staffAfter = new Map(after.staff.map((s) => [s.id, s]));
  for (const s of before.staff) {
    const now = staffAfter.get(s.id);
    const n = count(usage.staff, s.id);
    if (!now) {
      if (n > 0) refusals.push({ kind: 'staff-removed', staffId: s.id, name: s.name, findings: n });
      else effects.push({ kind: 'removed-unused', list: 'staff', id: s.id, name: s.name });
      continue;
    }
    if (now.unitId !== s.unitId && n > 0) refusals.push({ kind: 'staff-unit-changed', staffId: s.id, name: s.name, from: s.unitId, to: now.unitId, findings: n });
    if (now.left && !s.left) effects.push({ kind: 'staff-left', staffId: s.id, name: s.name, on: now.left, findings: n });
    if (!now.left && s.left) effects.push({ kind: 'staff-returned', staffId: s.id, name: s.name });
  }

  const windowsAfter = new Map(after.windows.map((w) => [w.id, w]));
  for (const w of before.windows) {
    const now = windowsAfter.get(w.id);
    const n = count(usage.windows, w.id);
    if (!now) {
      if (n > 0) refusals.push({ kind: 'window-removed', windowId: w.id, number: w.number, findings: n });
      else effects.push({ kind: 'removed-unused', list: 'windows', id: w.id, name: w.number });
      continue;
    }
    if (now.unitId !== w.unitId && n > 0) refusals.push({ kind: 'window-unit-changed', windowId: w.id, number: w.number, from: w.unitId, to: now.unitId, findings: n });
    if (now.number !== w.number && n > 0) effects.push({ kind: 'window-renumbered', windowId: w.id, from: w.number, to: now.number, findings: n });
  }

  const unitsAfter = new Set(after.units.map((u) => u.id));
  for (const u of before.units) {
    if (unitsAfter.has(u.id)) continue;
    const n = count(usage.units, u.id);
    if (n > 0) refusals.push({ kind: 'unit-removed', unitId: u.id, name: u.name, findings: n });
    else effects.push({ kind: 'removed-unused', list: 'units', id: u.id, name: u.name });
  }

  const chiefAfter = new Map(after.chiefs.map((c) => [c.unitId, c]));
  for (const c of before.chiefs) {
    const now = chiefAfter.get(c.unitId);
    const n = count(usage.units, c.unitId);
    if (now?.id === c.id) continue;
    if (!now) {
      if (n > 0 && unitsAfter.has(c.unitId)) refusals.push({ kind: 'chief-removed', unitId: c.unitId, chiefId: c.id, name: c.name, findings: n });
      else effects.push({ kind: 'removed-unused', list: 'chiefs', id: c.id, name: c.name });
    } else if (n > 0) {
      effects.push({ kind: 'chief-replaced', unitId: c.unitId, from: { id: c.id, name: c.name }, to: { id: now.id, name: now.name }, findings: n });
    }
  }
  return { refusals, effects };
}
