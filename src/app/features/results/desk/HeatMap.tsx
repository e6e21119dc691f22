import { useMemo } from 'react';
import type { PeriodScores } from '../../../../core/scoring/results';
import { useServices } from '../../../services/useServices';
import { useResultsWords } from './useResultsWords';
import { windowLoss } from './windowLoss';

/** From pale (nothing lost) to deep red (the most any window lost this period). */
function heat(share: number): string {
  const s = Math.max(0, Math.min(1, share));
  const hue = 45 - 45 * s;
  const light = 94 - 50 * s;
  return `hsl(${hue}, 85%, ${light}%)`;
}

/** The hall's floor with each window coloured by the points lost there in the period (a heat map), with a legend. */
export function HeatMap({ results }: { results: PeriodScores }) {
  const { r } = useResultsWords();
  const { hall } = useServices();
  const layout = hall.setup.layout;
  const { basis, values } = useMemo(() => windowLoss(results, hall.setup.roster), [results, hall]);
  const max = Math.max(0, ...values.values());
  if (!basis) return null;
  return (
    <figure className="heat-map">
      <figcaption>
        {r('heat.title')} <small className="muted">{r(`heat.basis.${basis}`)}</small>
      </figcaption>
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-label={r('heat.label', { max })}>
        {layout.zones.map((z) => (
          <g key={z.id}>
            <rect x={z.x} y={z.y} width={z.w} height={z.h} className="heat-zone" rx={0.3} />
            <text x={z.x + 0.3} y={z.y + 0.45} className="heat-zone-name">
              {z.name}
            </text>
          </g>
        ))}
        {layout.tiles.map((tile) => {
          const w = hall.index.window(tile.windowId);
          if (!w) return null;
          const lost = values.get(tile.windowId) ?? 0;
          return (
            <g key={tile.windowId}>
              <title>{r('heat.tile', { number: w.number, unit: hall.index.unit(w.unitId)?.name ?? '', lost })}</title>
              <rect x={tile.x} y={tile.y} width={tile.w} height={tile.h} rx={0.25} fill={heat(max > 0 ? lost / max : 0)} className="heat-tile" />
              <text x={tile.x + tile.w / 2} y={tile.y + tile.h / 2} className="heat-number">
                {w.number}
              </text>
              {lost > 0 && (
                <text x={tile.x + tile.w / 2} y={tile.y + tile.h - 0.25} className="heat-lost">
                  −{lost}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <div className="heat-legend" aria-hidden="true">
        <span>0</span>
        <span className="heat-scale" style={{ background: `linear-gradient(to right, ${heat(0)}, ${heat(0.5)}, ${heat(1)})` }} />
        <span>{r('heat.max', { max })}</span>
      </div>
    </figure>
  );
}
