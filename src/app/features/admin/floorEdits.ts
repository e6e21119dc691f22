import type { HallSetup } from '../../../core/model/hallSetup';

/** What is selected on the floor map editor. */
export type FloorSelection = { kind: 'window'; id: string } | { kind: 'zone'; id: string } | { kind: 'entrance' };

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const TILE = { w: 2.4, h: 2 };
/** Positions are kept to a tenth of a metre. */
export const round = (n: number): number => Math.round(n * 10) / 10;

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The box of a selection, or undefined when it no longer exists (removed, undone). */
export function boxOf(setup: HallSetup, sel: FloorSelection): Box | undefined {
  if (sel.kind === 'entrance') return setup.layout.entrance;
  if (sel.kind === 'zone') return setup.layout.zones.find((z) => z.id === sel.id);
  return setup.layout.tiles.find((t) => t.windowId === sel.id);
}

/** Move or resize a selection (kept on the floor). */
export function placeBox(setup: HallSetup, sel: FloorSelection, box: Box): HallSetup {
  const { width, height } = setup.layout;
  const w = round(Math.max(0.2, Math.min(box.w, width)));
  const h = round(Math.max(0.2, Math.min(box.h, height)));
  const b = { x: round(Math.min(Math.max(0, box.x), width - w)), y: round(Math.min(Math.max(0, box.y), height - h)), w, h };
  const layout = setup.layout;
  if (sel.kind === 'entrance') return { ...setup, layout: { ...layout, entrance: b } };
  if (sel.kind === 'zone') return { ...setup, layout: { ...layout, zones: layout.zones.map((z) => (z.id === sel.id ? { ...z, ...b } : z)) } };
  return { ...setup, layout: { ...layout, tiles: layout.tiles.map((t) => (t.windowId === sel.id ? { ...t, ...b } : t)) } };
}

/** The next free window number: one more than the highest number in use. */
export function nextNumber(setup: HallSetup): string {
  const used = setup.roster.windows.map((w) => Number.parseInt(w.number, 10)).filter((n) => Number.isFinite(n));
  return String(used.length ? Math.max(...used) + 1 : 1);
}

/** The first place (row by row, from the top left) where a box of this size touches nothing already placed. */
function freeSpot(setup: HallSetup, w: number, h: number): { x: number; y: number } {
  const { width, height, tiles } = setup.layout;
  for (let y = 1; y + h <= height; y += 0.5) {
    for (let x = 1; x + w <= width; x += 0.5) {
      const box = { x, y, w, h };
      if (!tiles.some((t) => overlaps(t, { x: x - 0.1, y: y - 0.1, w: w + 0.2, h: h + 0.2 })) && !overlaps(setup.layout.entrance, box)) return { x, y };
    }
  }
  return { x: 0, y: 0 };
}

/** Add a window of a unit, numbered next, on a free spot of the floor. */
export function addWindow(setup: HallSetup, id: string, unitId: string): HallSetup {
  const spot = freeSpot(setup, TILE.w, TILE.h);
  return {
    ...setup,
    roster: { ...setup.roster, windows: [...setup.roster.windows, { id, number: nextNumber(setup), unitId }] },
    layout: { ...setup.layout, tiles: [...setup.layout.tiles, { windowId: id, ...spot, ...TILE }] },
  };
}

/** Remove a window and its tile; whoever sat at it keeps their unit, without a seat. */
export function removeWindow(setup: HallSetup, id: string): HallSetup {
  return {
    ...setup,
    roster: {
      ...setup.roster,
      windows: setup.roster.windows.filter((w) => w.id !== id),
      staff: setup.roster.staff.map((s) => {
        if (s.windowId !== id) return s;
        const { windowId: _seat, ...rest } = s;
        return rest;
      }),
    },
    layout: { ...setup.layout, tiles: setup.layout.tiles.filter((t) => t.windowId !== id) },
  };
}

/** Change a window's number, name or unit (its staff keep their seats: a seat at another unit's window is a problem shown). */
export function editWindow(setup: HallSetup, id: string, patch: { number?: string; name?: string; unitId?: string }): HallSetup {
  return {
    ...setup,
    roster: {
      ...setup.roster,
      windows: setup.roster.windows.map((w) => {
        if (w.id !== id) return w;
        const next = { ...w, ...patch };
        if (next.name === '') delete next.name;
        return next;
      }),
    },
  };
}

/** Add a named area (等候区, a unit's counters) in the middle of the floor. */
export function addZone(setup: HallSetup, id: string, name: string): HallSetup {
  const { width, height } = setup.layout;
  const w = Math.min(6, width);
  const h = Math.min(3, height);
  return { ...setup, layout: { ...setup.layout, zones: [...setup.layout.zones, { id, name, x: round((width - w) / 2), y: round((height - h) / 2), w, h }] } };
}

export function renameZone(setup: HallSetup, id: string, name: string): HallSetup {
  return { ...setup, layout: { ...setup.layout, zones: setup.layout.zones.map((z) => (z.id === id ? { ...z, name } : z)) } };
}

export function removeZone(setup: HallSetup, id: string): HallSetup {
  return { ...setup, layout: { ...setup.layout, zones: setup.layout.zones.filter((z) => z.id !== id) } };
}

/** Resize the floor (what no longer fits is shown as a problem, never moved silently). */
export function resizeFloor(setup: HallSetup, width: number, height: number): HallSetup {
  return { ...setup, layout: { ...setup.layout, width: round(width), height: round(height) } };
}
