import { useMoreWords } from '../../i18n/useMoreWords';
import { compareForQueue, reviewStatus } from '../../../core/events/reviewStatus';
import type { ReviewStatus } from '../../../core/events/reviewStatus';
import { useLog } from '../../services/useLog';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { findingFacts } from './findingFacts';
import { PointsText } from './PointsText';
import { StateBadge } from './StateBadge';
import { usePulledHall } from '../../services/usePulledHall';
import { useFindingEvents } from './useFindingEvents';

/** The committee's queue: every contest with its reason, overdue first (deadlines are the hall's settings). */
export function CommitteeQueue() {
  const { t } = useMoreWords();
  const { device, hall, schemes } = useServices();
  const open = usePatrol((s) => s.setReviewing);
  const { review } = usePulledHall();
  const log = useLog();
  const contested = log.findings.filter((f) => f.state === 'contested' || f.state === 'upheld' || f.state === 'overturned' || f.state === 'amended');
  const events = useFindingEvents(contested.map((f) => f.id));
  const now = device.clock().toISOString();
  const rows = contested
    .map((f) => ({ f, status: reviewStatus(events.get(f.id) ?? [], review, hall.hall.roster.hall.timeZone, now) }))
    .filter((r): r is { f: (typeof contested)[number]; status: ReviewStatus } => r.status !== null)
    .sort((a, b) => compareForQueue(a.status, b.status));
  return (
    <section className="review" aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t('committee.heading', { count: rows.filter((r) => r.status.pending).length })}</h2>
      {rows.length === 0 && <p className="muted">{t('committee.empty')}</p>}
      <ul className="review-list">
        {rows.map(({ f, status }) => {
          const facts = findingFacts(f, hall, schemes);
          return (
            <li key={f.id} className={`review-row${status.contested?.overdue ? ' overdue' : ''}`}>
              <button type="button" className="review-open" onClick={() => open(f.id)} aria-label={t('review.openFinding', { item: facts.item?.name ?? f.itemId, who: facts.subject })}>
                <span className="review-what">
                  <strong>{facts.item?.name ?? f.itemId}</strong> · {facts.subject} · {t('log.window', { number: facts.windowNumber })}
                  <small className="muted"> · {status.contested?.reason ?? ''}</small>
                </span>
                {status.contested?.overdue && <span className="overdue-badge">{t('committee.overdue')}</span>}
                <span className="muted">{status.contested ? t('committee.decideBy', { day: status.contested.decideBy.lastDay }) : ''}</span>
                <PointsText points={facts.points} state={f.state} />
                <StateBadge state={f.state} />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
