import { useState } from 'react';
import { useMoreWords } from '../../i18n/useMoreWords';
import { reviewStatus } from '../../../core/events/reviewStatus';
import { calcText } from '../../format/calcText';
import { formatDateTime } from '../../format/formatDateTime';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { AuditTrailView } from './AuditTrailView';
import { ContestForm } from './ContestForm';
import { DecideForm } from './DecideForm';
import { EvidencePhoto } from './EvidencePhoto';
import { findingFacts } from './findingFacts';
import { PointsText } from './PointsText';
import { RectifyForm } from './RectifyForm';
import { ReopenForm } from './ReopenForm';
import { StateBadge } from './StateBadge';
import { useAccountName, usePulledHall } from '../../services/usePulledHall';
import { useActing } from './useActing';
import { useFindingEvents } from './useFindingEvents';

const DECIDED: ReadonlySet<string> = new Set(['upheld', 'overturned', 'amended']);
const RECTIFIERS: ReadonlySet<string> = new Set(['inspector', 'committee', 'admin']);

/** One finding in full (item and clause, points, who, when, evidence, state, deadlines, history) and what the acting account may do. */
export function FindingSheet({ findingId }: { findingId: string }) {
  const { t, i18n } = useMoreWords();
  const { device, hall, schemes } = useServices();
  const close = usePatrol((s) => s.setReviewing);
  const acting = useActing();
  const nameOf = useAccountName();
  const { review } = usePulledHall();
  const events = useFindingEvents([findingId]).get(findingId) ?? [];
  const f = device.log.find(findingId);
  const [acting2, setActing2] = useState<'contest' | 'decide' | 'reopen' | 'rectify' | null>(null);
  if (!f) return null;
  const tz = hall.hall.roster.hall.timeZone;
  const facts = findingFacts(f, hall, schemes);
  const status = events.length ? reviewStatus(events, review, tz, device.clock().toISOString()) : null;
  const mayContest = (acting.role === 'chief' || acting.role === 'inspector') && status?.contest.open === true;
  const mayDecide = acting.role === 'committee' && f.state === 'contested' && f.actorId !== acting.id;
  // As the fold and checkEvent allow: a committee member other than the author reopens a decided contest; the
  // inspector, the committee and the admin mark a counted finding rectified, once.
  const mayReopen = acting.role === 'committee' && DECIDED.has(f.state) && f.actorId !== acting.id;
  const mayRectify = RECTIFIERS.has(acting.role) && f.state !== 'voided' && f.state !== 'overturned' && !f.rectifiedAt;
  return (
    <div className="sheet-backdrop">
      <section className="sheet finding-sheet" role="dialog" aria-label={facts.item?.name ?? f.itemId}>
        <header className="sheet-head">
          <h2>{facts.item?.name ?? f.itemId}</h2>
          <StateBadge state={f.state} />
          <span className="spacer" />
          <button type="button" className="button close" aria-label={t('panel.close')} onClick={() => close(null)}>
            ×
          </button>
        </header>
        <dl className="facts">
          <dt>{t('review.regulation')}</dt>
          <dd>
            {facts.item?.text ?? ''} <small className="muted">{facts.item?.clause ?? ''}</small>
          </dd>
          <dt>{t('notice.points')}</dt>
          <dd>
            <PointsText points={facts.points} state={f.state} /> <small className="muted">{facts.points?.kind === 'points' ? calcText(facts.points.calc, t) : ''}</small>
          </dd>
          <dt>{t('review.subject')}</dt>
          <dd>
            {facts.subject} · {t('log.window', { number: facts.windowNumber })} · {facts.unitName}
          </dd>
          <dt>{t('notice.time')}</dt>
          <dd>{formatDateTime(f.at, tz, i18n.language)}</dd>
          <dt>{t('notice.inspector')}</dt>
          <dd>{nameOf(f.actorId)}</dd>
          {f.rectifiedAt && (
            <>
              <dt>{t('review.rectified')}</dt>
              <dd>{t('review.rectifiedAt', { time: formatDateTime(f.rectifiedAt, tz, i18n.language) })}</dd>
            </>
          )}
          {f.note && (
            <>
              <dt>{t('evidence.note')}</dt>
              <dd>{f.note}</dd>
            </>
          )}
          {status && (
            <>
              <dt>{t('review.deadline')}</dt>
              <dd>
                {status.contest.open ? t('review.contestUntil', { day: status.contest.lastDay }) : t('review.contestClosed', { day: status.contest.lastDay })}
                {status.contested && f.state === 'contested' && (
                  <span className={status.contested.overdue ? ' overdue' : ''}> · {t('committee.decideBy', { day: status.contested.decideBy.lastDay })}</span>
                )}
              </dd>
            </>
          )}
        </dl>
        {f.photos.length > 0 && (
          <div className="evidence-row">
            {f.photos.map((h, i) => (
              <EvidencePhoto key={h} hash={h} findingId={f.id} alt={t('evidence.photoN', { n: i + 1 })} />
            ))}
          </div>
        )}
        <div className="sheet-actions">
          {mayContest && acting2 !== 'contest' && (
            <button type="button" className="button secondary" onClick={() => setActing2('contest')}>
              {t('review.contest')}
            </button>
          )}
          {mayDecide && acting2 !== 'decide' && (
            <button type="button" className="button primary" onClick={() => setActing2('decide')}>
              {t('committee.decide')}
            </button>
          )}
          {mayReopen && acting2 !== 'reopen' && (
            <button type="button" className="button secondary" onClick={() => setActing2('reopen')}>
              {t('committee.reopen')}
            </button>
          )}
          {mayRectify && acting2 !== 'rectify' && (
            <button type="button" className="button secondary" onClick={() => setActing2('rectify')}>
              {t('review.rectify')}
            </button>
          )}
        </div>
        {acting2 === 'contest' && <ContestForm findingId={f.id} onDone={() => setActing2(null)} />}
        {acting2 === 'decide' && <DecideForm f={f} onDone={() => setActing2(null)} />}
        {acting2 === 'reopen' && <ReopenForm findingId={f.id} onDone={() => setActing2(null)} />}
        {acting2 === 'rectify' && <RectifyForm findingId={f.id} onDone={() => setActing2(null)} />}
        <AuditTrailView events={events} />
      </section>
    </div>
  );
}
