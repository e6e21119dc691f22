import { memo, useCallback, useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../services/useServices';
import { useToday } from '../../services/useToday';
import type { Today } from '../../services/useToday';
import { usePatrol } from '../../store/usePatrol';
import { coverage } from './coverage';
import { CoverageBar } from './CoverageBar';
import { FloorMap } from './FloorMap';
import { LogEntry } from './LogEntry';
import { usePortrait } from './usePortrait';

const RECENT = 6;

/** The patrol's home: the floor map, coverage, and the latest findings of today. */
export function MapView() {
  const { hall } = useServices();
  // Deferred: saving a finding confirms at once (undo bar); the map, coverage and list follow in the next frames.
  const today = useDeferredValue(useToday());
  const portrait = usePortrait();
  const setView = usePatrol((s) => s.setView);
  const showAll = useCallback(() => setView('log'), [setView]);
  const ids = useMemo(() => hall.index.roster.windows.map((w) => w.id), [hall]);
  const cov = useMemo(() => coverage(ids, today), [ids, today]);
  // The map first: coverage and the latest findings render in the pass right after the first frame.
  const showSide = useDeferredValue(true, false);
  return (
    <div className={`map-view ${portrait ? 'portrait' : 'landscape'}`}>
      <div className="map-wrap">
        <FloorMap today={today} visited={cov.visited} portrait={portrait} />
      </div>
      <div className="map-side">
        {showSide && (
          <>
            <CoverageBar unvisited={cov.unvisited} />
            <RecentFindings findings={today.findings} onAll={showAll} />
          </>
        )}
      </div>
    </div>
  );
}

/** Today's latest findings under the map. */
const RecentFindings = memo(function RecentFindings({ findings, onAll }: { findings: Today['findings']; onAll: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="recent" aria-labelledby="recent-heading">
      <div className="coverage-head">
        <h2 id="recent-heading">{t('log.latest')}</h2>
        <button type="button" className="button ghost" onClick={onAll}>
          {t('log.all', { count: findings.length })}
        </button>
      </div>
      {findings.length === 0 ? (
        <p className="muted">{t('log.empty')}</p>
      ) : (
        <ol className="log-list">
          {findings.slice(0, RECENT).map((f) => (
            <LogEntry key={f.id} f={f} compact />
          ))}
        </ol>
      )}
    </section>
  );
});
