import { memo, useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePatrol } from '../../store/usePatrol';
import { useServices } from '../../services/useServices';
import type { Today } from '../../services/useToday';
import { orientLayout } from './orientLayout';
import { WindowTile } from './WindowTile';

/** The hall drawn from its layout: zones with their unit's name, the entrance, and a tile per window. */
export const FloorMap = memo(function FloorMap({ today, visited, portrait }: { today: Today; visited: ReadonlySet<string>; portrait: boolean }) {
  const { t } = useTranslation();
  const { hall } = useServices();
  const openWindow = usePatrol((s) => s.openWindow);
  const selected = usePatrol((s) => s.windowId);
  const flagUnvisited = usePatrol((s) => s.showUnvisited);
  const layout = useMemo(() => orientLayout(hall.setup.layout, portrait), [hall, portrait]);
  // What does not change during the day, made once, so a new finding re-renders only its own tile.
  const tiles = useMemo(
    () =>
      layout.tiles.flatMap((rect) => {
        const w = hall.index.window(rect.windowId);
        if (!w) return [];
        const staffNames = hall.index.staffAt(w.id).map((s) => s.name);
        const staffText = staffNames.join(t('list.separator')) || t('map.nobody');
        return [{ rect, windowId: w.id, number: w.number, unit: hall.index.unit(w.unitId)?.name ?? '', staffNames, staffText }];
      }),
    [hall, layout, t],
  );
  const onOpen = useCallback(
    (id: string) => {
      const onDuty = hall.index.staffAt(id);
      openWindow(id, onDuty.length === 1 ? onDuty[0]?.id : null);
    },
    [openWindow, hall],
  );

  useEffect(() => {
    // The moment the map can be tapped, for the cold-start benchmark (User Timing, visible in any profiler).
    const id = requestAnimationFrame(() => performance.mark('hp:map-interactive'));
    return () => cancelAnimationFrame(id);
  }, []);

  const entranceVertical = layout.entrance.h > layout.entrance.w;
  return (
    <svg className="floor-map" viewBox={`0 0 ${layout.width} ${layout.height}`} role="group" aria-label={t('map.label', { hall: hall.setup.roster.hall.name })}>
      <rect className="floor" x={0} y={0} width={layout.width} height={layout.height} rx={0.3} />
      {layout.zones.map((z) => {
        const vertical = layout.turned;
        const length = vertical ? z.h : z.w;
        const size = Math.min(0.42, (length - 0.3) / Math.max(1, z.name.length));
        return (
          <g key={z.id} className="zone">
            <rect x={z.x} y={z.y} width={z.w} height={z.h} rx={0.2} />
            <text
              x={vertical ? z.x + 0.3 : z.x + 0.15}
              y={vertical ? z.y + 0.15 : z.y + 0.44}
              fontSize={size}
              style={vertical ? { writingMode: 'vertical-rl' } : undefined}
            >
              {z.name}
            </text>
          </g>
        );
      })}
      <g className="entrance">
        <rect x={layout.entrance.x} y={layout.entrance.y} width={layout.entrance.w} height={layout.entrance.h} />
        <text
          x={entranceVertical ? layout.entrance.x + layout.entrance.w + 0.45 : layout.entrance.x + layout.entrance.w / 2}
          y={entranceVertical ? layout.entrance.y + layout.entrance.h / 2 - 0.5 : layout.entrance.y - 0.25}
          textAnchor="middle"
          style={entranceVertical ? { writingMode: 'vertical-rl' } : undefined}
        >
          {t('map.entrance')}
        </text>
      </g>
      <text className="waiting" x={layout.width / 2} y={layout.height / 2} textAnchor="middle">
        {t('map.waiting')}
      </text>
      {tiles.map((x) => (
        <WindowTile
          key={x.windowId}
          {...x}
          count={today.countByWindow.get(x.windowId) ?? 0}
          visited={visited.has(x.windowId)}
          flagUnvisited={flagUnvisited}
          selected={selected === x.windowId}
          turned={layout.turned}
          onOpen={onOpen}
        />
      ))}
    </svg>
  );
});
