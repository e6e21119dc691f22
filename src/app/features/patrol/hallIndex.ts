import type { HallSetup } from '../../../core/model/hallSetup';
import type { Roster } from '../../../core/model/roster';

type Window = Roster['windows'][number];
type Staff = Roster['staff'][number];
type Unit = Roster['units'][number];
type Chief = Roster['chiefs'][number];

/** Lookups over the hall the UI needs on every render, built once. */
export interface HallIndex {
  hall: HallSetup;
  windows: readonly Window[];
  window: (id: string) => Window | undefined;
  unit: (id: string) => Unit | undefined;
  chiefOf: (unitId: string) => Chief | undefined;
  staff: (id: string) => Staff | undefined;
  /** Who is on duty at the window today: the roster's seats (a day's duty roster overrides them in a later issue). */
  onDuty: (windowId: string) => readonly Staff[];
  /** Everyone of the unit, for a person helping out at another window. */
  unitStaff: (unitId: string) => readonly Staff[];
}

/** Index a hall setup. */
export function hallIndex(hall: HallSetup): HallIndex {
  const { roster } = hall;
  const windows = new Map(roster.windows.map((w) => [w.id, w]));
  const units = new Map(roster.units.map((u) => [u.id, u]));
  const chiefs = new Map(roster.chiefs.map((c) => [c.unitId, c]));
  const staff = new Map(roster.staff.map((s) => [s.id, s]));
  const byWindow = new Map<string, Staff[]>();
  const byUnit = new Map<string, Staff[]>();
  for (const s of roster.staff) {
    if (s.windowId) byWindow.set(s.windowId, [...(byWindow.get(s.windowId) ?? []), s]);
    byUnit.set(s.unitId, [...(byUnit.get(s.unitId) ?? []), s]);
  }
  return {
    hall,
    windows: roster.windows,
    window: (id) => windows.get(id),
    unit: (id) => units.get(id),
    chiefOf: (unitId) => chiefs.get(unitId),
    staff: (id) => staff.get(id),
    onDuty: (windowId) => byWindow.get(windowId) ?? [],
    unitStaff: (unitId) => byUnit.get(unitId) ?? [],
  };
}
