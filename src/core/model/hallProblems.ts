import type { HallSetup } from './hallSetup';

/** A problem of a hall's setup, as data: the server words it in its answer, the admin screens translate it. */
export type HallProblem =
  | { kind: 'id-repeated'; list: 'units' | 'windows' | 'staff' | 'chiefs' | 'zones'; id: string }
  | { kind: 'window-number-repeated'; number: string; windowIds: [string, string] }
  | { kind: 'window-unit-unknown'; windowId: string; number: string; unitId: string }
  | { kind: 'tile-window-unknown'; windowId: string }
  | { kind: 'tile-repeated'; windowId: string; number: string }
  | { kind: 'tiles-overlap'; windowIds: [string, string]; numbers: [string, string] }
  | { kind: 'tile-outside-floor'; windowId: string; number: string }
  | { kind: 'area-outside-floor'; areaId: string; name: string }
  | { kind: 'staff-unit-unknown'; staffId: string; name: string; unitId: string }
  | { kind: 'staff-window-unknown'; staffId: string; name: string; windowId: string }
  | { kind: 'staff-window-other-unit'; staffId: string; name: string; windowId: string; number: string; unitId: string; windowUnitId: string }
  | { kind: 'chief-unit-unknown'; chiefId: string; name: string; unitId: string }
  | { kind: 'chiefs-repeated'; unitId: string; chiefIds: [string, string] }
  | { kind: 'opening-hours'; part: 'morning' | 'afternoon' | 'midday'; from: string; to: string };

/** Do two rectangles share any area (touching edges do not)? */
const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
const inside = (r: Rect, width: number, height: number): boolean => r.x >= 0 && r.y >= 0 && r.x + r.w <= width + 1e-9 && r.y + r.h <= height + 1e-9;

/**
 * Every problem of a hall setup that its shape cannot express: ids repeated, two windows numbered alike, a window of
 * an unknown unit, a tile of an unknown window or placed twice, tiles overlapping, tiles and areas off the floor, staff
 * seated at another unit's window, two chiefs of one unit, opening hours out of order. The server refuses a setup with
 * any, and the admin screens show the same list before saving.
 */
export function hallProblems(setup: HallSetup): HallProblem[] {
  const out: HallProblem[] = [];
  const { roster, layout } = setup;
  const repeated = (list: 'units' | 'windows' | 'staff' | 'chiefs' | 'zones', ids: readonly string[]): void => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) out.push({ kind: 'id-repeated', list, id });
      seen.add(id);
    }
  };
  repeated('units', roster.units.map((u) => u.id));
  repeated('windows', roster.windows.map((w) => w.id));
  repeated('staff', roster.staff.map((s) => s.id));
  repeated('chiefs', roster.chiefs.map((c) => c.id));
  repeated('zones', layout.zones.map((z) => z.id));

  const units = new Set(roster.units.map((u) => u.id));
  const windows = new Map(roster.windows.map((w) => [w.id, w]));
  const byNumber = new Map<string, string>();
  for (const w of roster.windows) {
    const other = byNumber.get(w.number.trim());
    if (other !== undefined && other !== w.id) out.push({ kind: 'window-number-repeated', number: w.number, windowIds: [other, w.id] });
    else byNumber.set(w.number.trim(), w.id);
    if (!units.has(w.unitId)) out.push({ kind: 'window-unit-unknown', windowId: w.id, number: w.number, unitId: w.unitId });
  }

  const placed: { windowId: string; number: string; rect: Rect }[] = [];
  for (const t of layout.tiles) {
    const w = windows.get(t.windowId);
    if (!w) {
      out.push({ kind: 'tile-window-unknown', windowId: t.windowId });
      continue;
    }
    if (placed.some((p) => p.windowId === t.windowId)) {
      out.push({ kind: 'tile-repeated', windowId: t.windowId, number: w.number });
      continue;
    }
    if (!inside(t, layout.width, layout.height)) out.push({ kind: 'tile-outside-floor', windowId: w.id, number: w.number });
    for (const p of placed) {
      if (overlaps(p.rect, t)) out.push({ kind: 'tiles-overlap', windowIds: [p.windowId, w.id], numbers: [p.number, w.number] });
    }
    placed.push({ windowId: w.id, number: w.number, rect: t });
  }
  for (const z of layout.zones) if (!inside(z, layout.width, layout.height)) out.push({ kind: 'area-outside-floor', areaId: z.id, name: z.name });
  if (!inside(layout.entrance, layout.width, layout.height)) out.push({ kind: 'area-outside-floor', areaId: 'entrance', name: '' });

  for (const s of roster.staff) {
    if (!units.has(s.unitId)) out.push({ kind: 'staff-unit-unknown', staffId: s.id, name: s.name, unitId: s.unitId });
    if (!s.windowId) continue;
    const seat = windows.get(s.windowId);
    if (!seat) out.push({ kind: 'staff-window-unknown', staffId: s.id, name: s.name, windowId: s.windowId });
    else if (seat.unitId !== s.unitId) {
      out.push({ kind: 'staff-window-other-unit', staffId: s.id, name: s.name, windowId: seat.id, number: seat.number, unitId: s.unitId, windowUnitId: seat.unitId });
    }
  }
  const chiefOf = new Map<string, string>();
  for (const c of roster.chiefs) {
    if (!units.has(c.unitId)) out.push({ kind: 'chief-unit-unknown', chiefId: c.id, name: c.name, unitId: c.unitId });
    const other = chiefOf.get(c.unitId);
    if (other !== undefined) out.push({ kind: 'chiefs-repeated', unitId: c.unitId, chiefIds: [other, c.id] });
    else chiefOf.set(c.unitId, c.id);
  }

  const [mFrom, mTo] = setup.opening.morning;
  const [aFrom, aTo] = setup.opening.afternoon;
  // HH:MM compares correctly as text.
  if (mFrom >= mTo) out.push({ kind: 'opening-hours', part: 'morning', from: mFrom, to: mTo });
  if (aFrom >= aTo) out.push({ kind: 'opening-hours', part: 'afternoon', from: aFrom, to: aTo });
  if (mTo > aFrom) out.push({ kind: 'opening-hours', part: 'midday', from: mTo, to: aFrom });
  return out;
}
