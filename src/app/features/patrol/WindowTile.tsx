import { memo } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rect } from './orientLayout';

export interface WindowTileProps {
  rect: Rect;
  windowId: string;
  number: string;
  unit: string;
  staffNames: readonly string[];
  /** The names as read out ("王丽、赵娟", or "nobody on duty"), made once per language. */
  staffText: string;
  count: number;
  visited: boolean;
  flagUnvisited: boolean;
  selected: boolean;
  /** The hall is drawn turned (portrait): the free space around a counter is then beside it, not above it. */
  turned: boolean;
  onOpen: (windowId: string) => void;
}

/**
 * One window on the floor map: its number, who is on duty and today's findings. The touch target reaches past the
 * drawn counter into the gap and the aisle, so it stays at least 48 px on a 10-inch screen either way up.
 */
export const WindowTile = memo(function WindowTile(p: WindowTileProps) {
  const { t } = useTranslation();
  const { x, y, w, h } = p.rect;
  // One translation per tile render (a map has 40): the visited state picks the key's context.
  const label = t('map.tileLabel', { number: p.number, unit: p.unit, staff: p.staffText, count: p.count, context: p.visited ? 'visited' : undefined });
  const [padX, padY] = p.turned ? [0.35, 0.1] : [0.1, 0.3];
  const open = (): void => p.onOpen(p.windowId);
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  };
  const names = p.staffNames.length <= 2 ? p.staffNames : [p.staffNames[0] ?? '', t('map.andMore', { count: p.staffNames.length })];
  const classes = ['tile', p.visited ? 'visited' : '', p.flagUnvisited && !p.visited ? 'unvisited' : '', p.selected ? 'selected' : ''].filter(Boolean).join(' ');
  return (
    <g role="button" tabIndex={0} aria-label={label} aria-pressed={p.selected} className={classes} onClick={open} onKeyDown={onKey} data-window={p.windowId}>
      <rect className="tile-hit" x={x - padX} y={y - padY} width={w + 2 * padX} height={h + 2 * padY} />
      <rect className="tile-body" x={x} y={y} width={w} height={h} rx={0.18} />
      <text className="tile-number" x={x + 0.16} y={y + 0.76}>
        {p.number}
      </text>
      {names.map((n, i) => (
        <text key={i} className="tile-staff" x={x + 0.16} y={y + 1.34 + i * 0.52}>
          {n}
        </text>
      ))}
      {p.count > 0 && (
        <g className="tile-badge">
          <circle cx={x + w - 0.42} cy={y + 0.46} r={0.34} />
          <text x={x + w - 0.42} y={y + 0.61} textAnchor="middle">
            {p.count > 99 ? '99+' : p.count}
          </text>
        </g>
      )}
      {p.visited && (
        <path className="tile-check" d={`M${x + w - 0.62} ${y + h - 0.42} l0.16 0.16 l0.32 -0.34`} />
      )}
    </g>
  );
});
