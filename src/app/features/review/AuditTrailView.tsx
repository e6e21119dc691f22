import { useMoreWords } from '../../i18n/useMoreWords';
import { auditTrail } from '../../../core/events/auditTrail';
import type { FindingEvent } from '../../../core/events/events';
import { formatDateTime as formatTime } from '../../format/formatDateTime';
import { useServices } from '../../services/useServices';
import { useAccountName } from '../../services/usePulledHall';
import { useReasonWords } from '../../services/useReasonWords';

/** Who did what to a finding, when, on which device; ignored acts stay listed with the reason. */
export function AuditTrailView({ events }: { events: readonly FindingEvent[] }) {
  const { t, i18n } = useMoreWords();
  const { hall } = useServices();
  const nameOf = useAccountName();
  const words = useReasonWords();
  const tz = hall.setup.roster.hall.timeZone;
  return (
    <section className="audit" aria-label={t('review.audit')}>
      <h3>{t('review.audit')}</h3>
      <ol>
        {auditTrail(events).map((a) => (
          <li key={a.eventId} className={a.applied ? '' : 'ignored'}>
            <span className="audit-time">{formatTime(a.at, tz, i18n.language)}</span> <strong>{t(`review.event.${a.type}`)}</strong> ·{' '}
            {t('review.byOn', { name: nameOf(a.actorId), device: a.deviceId })}
            {'reason' in a.event && a.event.type !== 'finding.voided' && <span> · {a.event.reason}</span>}
            {a.event.type === 'finding.acknowledged' && <span> · {t('review.signedBy', { name: a.event.signerName })}</span>}
            {a.event.type === 'contest.decided' && <span> · {t(`review.decision.${a.event.decision}`)}</span>}
            {a.event.type === 'finding.rectified' && a.event.note && <span> · {a.event.note}</span>}
            {!a.applied && a.ignored && <small className="muted"> · {t('review.ignored', { reason: words.ignored(a.ignored) })}</small>}
          </li>
        ))}
      </ol>
    </section>
  );
}
