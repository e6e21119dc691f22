import type { HallLayout } from '../../../core/model/hallSetup';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The layout as drawn: rectangles in the frame of the screen, and whether the hall was turned. */
export interface OrientedLayout {
  width: number;
  height: number;
  turned: boolean;
  zones: (Rect & { id: string; name: string })[];
  tiles: (Rect & { windowId: string })[];
  entrance: Rect;
}

/**
 * Fit a wide hall to a tall screen by turning it a quarter counter-clockwise: the west wall (with the entrance)
 * comes to the bottom, the north wall to the left. Only positions turn; text stays upright. A hall whose shape
 * already matches the screen is drawn as it is.
 */
export function orientLayout(layout: HallLayout, portrait: boolean): OrientedLayout {
  const wide = layout.width >= layout.height;
  if (portrait !== wide) return { width: layout.width, height: layout.height, turned: false, zones: layout.zones, tiles: layout.tiles, entrance: layout.entrance };
  const W = layout.width;
  const turn = <T extends Rect>(r: T): T => ({ ...r, x: r.y, y: W - r.x - r.w, w: r.h, h: r.w });
  return {
    width: layout.height,
    height: layout.width,
    turned: true,
    zones: layout.zones.map(turn),
    tiles: layout.tiles.map(turn),
    entrance: turn(layout.entrance),
  };
}
