import { useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import type { HallSetup } from '../../../core/model/hallSetup';
import { boxOf } from './floorEdits';
import type { Box, FloorSelection } from './floorEdits';
import { useAdminWords } from './useAdminWords';

const STEP = 0.5;
const same = (a: FloorSelection | null, b: FloorSelection): boolean => a !== null && a.kind === b.kind && (a.kind === 'entrance' || (b.kind !== 'entrance' && a.id === b.id));

/**
 * The floor drawn to edit: areas, the entrance and a tile per window, each dragged with a finger or the mouse (one
 * drag is one undo step) or moved with the arrow keys once focused. Windows named in a problem are outlined in red.
 */
export function FloorEditor({
  setup,
  selected,
  flagged,
  onSelect,
  onMove,
}: {
  setup: HallSetup;
  selected: FloorSelection | null;
  flagged: ReadonlySet<string>;
  onSelect: (sel: FloorSelection) => void;
  onMove: (sel: FloorSelection, box: Box, gesture: string) => void;
}) {
  const { t } = useAdminWords();
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ sel: FloorSelection; from: { x: number; y: number }; box: Box; gesture: string } | null>(null);
  const { layout, roster } = setup;
  const toFloor = (e: PointerEvent): { x: number; y: number } | null => {
    const ctm = svg.current?.getScreenCTM();
    if (!ctm) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    return { x: p.x, y: p.y };
  };
  const down = (sel: FloorSelection) => (e: PointerEvent) => {
    onSelect(sel);
    const from = toFloor(e);
    const box = boxOf(setup, sel);
    if (!from || !box) return;
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    drag.current = { sel, from, box, gesture: `drag-${e.pointerId}-${e.timeStamp}` };
  };
  const move = (e: PointerEvent): void => {
    const d = drag.current;
    const at = d && toFloor(e);
    if (!d || !at) return;
    onMove(d.sel, { ...d.box, x: d.box.x + at.x - d.from.x, y: d.box.y + at.y - d.from.y }, d.gesture);
  };
  const up = (): void => {
    drag.current = null;
  };
  const keys = (sel: FloorSelection) => (e: KeyboardEvent) => {
    const dx = e.key === 'ArrowLeft' ? -STEP : e.key === 'ArrowRight' ? STEP : 0;
    const dy = e.key === 'ArrowUp' ? -STEP : e.key === 'ArrowDown' ? STEP : 0;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(sel);
      return;
    }
    const box = boxOf(setup, sel);
    if ((!dx && !dy) || !box) return;
    e.preventDefault();
    onSelect(sel);
    onMove(sel, { ...box, x: box.x + dx, y: box.y + dy }, `keys-${sel.kind}-${sel.kind === 'entrance' ? '' : sel.id}`);
  };
  const shape = (sel: FloorSelection, label: string) => ({
    role: 'button',
    tabIndex: 0,
    'aria-label': label,
    'aria-pressed': same(selected, sel),
    onPointerDown: down(sel),
    onKeyDown: keys(sel),
  });
  const unitIndex = new Map(roster.units.map((u, i) => [u.id, i]));
  return (
    <svg
      ref={svg}
      className="floor-editor"
      viewBox={`-0.5 -0.5 ${layout.width + 1} ${layout.height + 1}`}
      role="group"
      aria-label={t('floor.editorLabel')}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
    >
      <defs>
        <pattern id="floor-grid" width={1} height={1} patternUnits="userSpaceOnUse">
          <path d="M 1 0 L 0 0 0 1" fill="none" className="grid-line" />
        </pattern>
      </defs>
      <rect className="floor" x={0} y={0} width={layout.width} height={layout.height} />
      <rect x={0} y={0} width={layout.width} height={layout.height} fill="url(#floor-grid)" pointerEvents="none" />
      {layout.zones.map((z) => {
        const sel = { kind: 'zone', id: z.id } as const;
        return (
          <g key={z.id} className={`edit-zone${same(selected, sel) ? ' selected' : ''}`} {...shape(sel, t('floor.areaLabel', { name: z.name }))}>
            <rect x={z.x} y={z.y} width={z.w} height={z.h} rx={0.2} />
            <text x={z.x + 0.15} y={z.y + 0.5} fontSize={0.42}>
              {z.name}
            </text>
          </g>
        );
      })}
      <g className={`edit-entrance${same(selected, { kind: 'entrance' }) ? ' selected' : ''}`} {...shape({ kind: 'entrance' }, t('floor.entranceLabel'))}>
        <rect x={layout.entrance.x} y={layout.entrance.y} width={layout.entrance.w} height={layout.entrance.h} />
        <text x={layout.entrance.x + layout.entrance.w + 0.2} y={layout.entrance.y + layout.entrance.h / 2} fontSize={0.5} dominantBaseline="middle">
          {t('floor.entrance')}
        </text>
      </g>
      {layout.tiles.map((tile) => {
        const w = roster.windows.find((x) => x.id === tile.windowId);
        const sel = { kind: 'window', id: tile.windowId } as const;
        const unit = roster.units.find((u) => u.id === w?.unitId);
        const hue = ((unitIndex.get(w?.unitId ?? '') ?? 0) * 47) % 360;
        const classes = ['edit-tile', same(selected, sel) ? 'selected' : '', flagged.has(tile.windowId) ? 'flagged' : ''].filter(Boolean).join(' ');
        return (
          <g key={tile.windowId} className={classes} {...shape(sel, t('floor.tileLabel', { number: w?.number ?? '?', unit: unit?.name ?? '' }))}>
            <rect x={tile.x} y={tile.y} width={tile.w} height={tile.h} rx={0.15} style={{ fill: `hsl(${hue} 45% 93%)`, stroke: `hsl(${hue} 35% 55%)` }} />
            <text x={tile.x + tile.w / 2} y={tile.y + tile.h / 2 - 0.1} textAnchor="middle" fontSize={0.7} fontWeight={700}>
              {w?.number ?? '?'}
            </text>
            <text x={tile.x + tile.w / 2} y={tile.y + tile.h / 2 + 0.55} textAnchor="middle" fontSize={0.34}>
              {(unit?.name ?? '').slice(0, 7)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
