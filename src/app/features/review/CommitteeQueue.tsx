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

/**
 * The committee's queue: the contests waiting for a decision, overdue first (deadlines are the hall's settings), then
 * the decided ones (已裁定) with the decision's reason; each opens the finding.
 */
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
    .map((f) => ({ f, status: reviewStatus(events.get(f.id) ?? [], review, hall.setup.roster.hall.timeZone, now) }))
    .filter((r): r is { f: (typeof contested)[number]; status: ReviewStatus } => r.status !== null)
    .sort((a, b) => compareForQueue(a.status, b.status));
  const waiting = rows.filter((r) => r.status.pending);
  const decided = rows.filter((r) => !r.status.pending && r.status.decision);
  const row = ({ f, status }: (typeof rows)[number]) => {
    const facts = findingFacts(f, hall, schemes);
    return (
      <li key={f.id} className={`review-row${status.contested?.overdue ? ' overdue' : ''}`}>
        <button type="button" className="review-open" onClick={() => open(f.id)} aria-label={t('review.openFinding', { item: facts.item?.name ?? f.itemId, who: facts.subject })}>
          <span className="review-what">
            <strong>{facts.item?.name ?? f.itemId}</strong> · {facts.subject} · {t('log.window', { number: facts.windowNumber })}
            <small className="muted"> · {status.decision?.reason ?? status.contested?.reason ?? ''}</small>
          </span>
          {status.contested?.overdue && <span className="overdue-badge">{t('committee.overdue')}</span>}
          <span className="muted">{status.pending && status.contested ? t('committee.decideBy', { day: status.contested.decideBy.lastDay }) : ''}</span>
          <PointsText points={facts.points} state={f.state} item={facts.item} />
          <StateBadge state={f.state} />
        </button>
      </li>
    );
  };
  return (
    <section className="review" aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t('committee.heading', { count: waiting.length })}</h2>
      {waiting.length === 0 && <p className="muted">{t('committee.empty')}</p>}
      <ul className="review-list">{waiting.map(row)}</ul>
      {decided.length > 0 && (
        <section aria-labelledby="decided-heading">
          <h2 id="decided-heading">{t('committee.decided', { count: decided.length })}</h2>
          <ul className="review-list">{decided.map(row)}</ul>
        </section>
      )}
    </section>
  );
}
