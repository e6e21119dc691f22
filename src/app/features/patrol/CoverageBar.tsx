import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';

/** How many windows were visited today, and the ones not yet, to tap straight into. */
function CoverageBarView({ unvisited }: { unvisited: readonly string[] }) {
  const { t } = useTranslation();
  const { hall } = useServices();
  const show = usePatrol((s) => s.showUnvisited);
  const toggle = usePatrol((s) => s.toggleUnvisited);
  const openWindow = usePatrol((s) => s.openWindow);
  const total = hall.index.roster.windows.length;
  const visited = total - unvisited.length;
  return (
    <section className="coverage" aria-labelledby="coverage-heading">
      <div className="coverage-head">
        <h2 id="coverage-heading">{t('coverage.heading', { visited, total })}</h2>
        <button type="button" className="button secondary" aria-pressed={show} onClick={toggle}>
          {t('coverage.mark')}
        </button>
      </div>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={visited} aria-label={t('coverage.progress')}>
        <span style={{ width: `${total ? (100 * visited) / total : 0}%` }} />
      </div>
      {unvisited.length > 0 ? (
        <div className="chips" role="group" aria-label={t('coverage.unvisited')}>
          {unvisited.map((id) => {
            const w = hall.index.window(id);
            return (
              <button key={id} type="button" className="chip small" onClick={() => openWindow(id, hall.index.staffAt(id).length === 1 ? hall.index.staffAt(id)[0]?.id : null)} aria-label={t('coverage.open', { number: w?.number ?? id })}>
                {w?.number ?? id}
              </button>
            );
          })}
        </div>
      ) : (
        <p className="muted">{t('coverage.done')}</p>
      )}
    </section>
  );
}

/** Today's coverage; re-rendered only when the set of unvisited windows changes, not on every finding. */
export const CoverageBar = memo(
  CoverageBarView,
  (a, b) => a.unvisited.length === b.unvisited.length && a.unvisited.every((id, i) => id === b.unvisited[i]),
);
