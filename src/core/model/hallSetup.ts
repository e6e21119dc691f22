import type { Roster } from './finding';

/**
 * How the hall floor is drawn: windows placed on a grid (in metres), zones and the entrance.
 * The floor map renders it as SVG; coordinates are the top-left corner of each shape.
 */
export interface HallLayout {
  /** Floor size in layout units (metres). */
  width: number;
  height: number;
  zones: { id: string; name: string; x: number; y: number; w: number; h: number }[];
  /** One tile per window of the roster. */
  tiles: { windowId: string; x: number; y: number; w: number; h: number }[];
  entrance: { x: number; y: number; w: number; h: number };
}

/** Who sits at which window on a day (today's duty roster); absent = the roster's default seat. */
export interface Duty {
  date: string;
  windowId: string;
  staffIds: string[];
}

/** A hall as shipped to a device: roster, layout, the schemes in force and which one applies to what. */
export interface HallSetup {
  roster: Roster;
  layout: HallLayout;
  /** Scheme id in force for patrol findings (tablet offers its patrol items), with its version. */
  schemes: { id: string; version: number; subject: string }[];
  opening: { morning: [string, string]; afternoon: [string, string] };
}
