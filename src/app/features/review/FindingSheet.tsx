import { useState } from 'react';
import type { Act } from '../../../core/access/acts';
import { reviewStatus } from '../../../core/events/reviewStatus';
import { effectiveItem } from '../../../core/model/effectiveItem';
import { displayText } from '../../../core/scheme/displayText';
import { calcText } from '../../format/calcText';
import { formatDateTime } from '../../format/formatDateTime';
import { inputsText } from '../../format/inputsText';
import { useMoreWords } from '../../i18n/useMoreWords';
import { useActs } from '../../services/useActs';
import { useAccountName, usePulledHall } from '../../services/usePulledHall';
import { useReasonWords } from '../../services/useReasonWords';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { useLog } from '../../services/useLog';
import { AuditTrailView } from './AuditTrailView';
import { ContestForm } from './ContestForm';
import { DecideForm } from './DecideForm';
import { EvidencePhoto } from './EvidencePhoto';
import { findingFacts } from './findingFacts';
import { PointsText } from './PointsText';
import { RectifyForm } from './RectifyForm';
import { ReopenForm } from './ReopenForm';
import { StateBadge } from './StateBadge';
import { useFindingEvents } from './useFindingEvents';

/** The acts a finding sheet offers, in the order they are listed; the label of each. */
const SHEET_ACTS: readonly { act: Exclude<Act, 'void' | 'acknowledge'>; label: 'review.contest' | 'committee.decide' | 'committee.reopen' | 'review.rectify' }[] = [
  { act: 'contest', label: 'review.contest' },
  { act: 'decide', label: 'committee.decide' },
  { act: 'reopen', label: 'committee.reopen' },
  { act: 'rectify', label: 'review.rectify' },
];

const VOID = { act: 'void', label: 'log.void' } as const;

/**
 * One finding in full (the item in force and its clause, points, who, when, evidence and counter-evidence full size,
 * state, deadlines, history) and what the acting account may do: the acts the core allows are offered; an act the
 * account's role could take but may not now says why (the deadline passed, it was decided, it was signed ...).
 */
export function FindingSheet({ findingId }: { findingId: string }) {
  const { t, i18n } = useMoreWords();
  const { device, hall, schemes } = useServices();
  const close = usePatrol((s) => s.setReviewing);
  const nameOf = useAccountName();
  const words = useReasonWords();
  const { review } = usePulledHall();
  // Re-rendered when the log changes (an act here, a pull): the finding below is the log's.
  useLog();
  const events = useFindingEvents([findingId]).get(findingId) ?? [];
  const f = device.log.find(findingId);
  const acts = useActs(f);
  const [open, setOpen] = useState<Exclude<Act, 'void' | 'acknowledge'> | null>(null);
  if (!f || !acts) return null;
  const tz = hall.setup.roster.hall.timeZone;
  const facts = findingFacts(f, hall, schemes);
  const status = events.length ? reviewStatus(events, review, tz, device.clock().toISOString()) : null;
  const { inputs } = effectiveItem(f);
  const entered = facts.item ? inputsText(facts.item, inputs) : '';
  const counter = status?.contested?.photos ?? [];
  // Refusals worth saying: the role may take the act, but not on this finding now (a role that never may is not told).
  // Void is offered in the log; here it says why it is not (signed, contested, someone else's ...).
  const refused = [...SHEET_ACTS, VOID].flatMap(({ act, label }) => {
    const a = acts[act];
    return !a.ok && a.refusal.kind !== 'role' && a.refusal.kind !== 'scope' ? [{ act, label, reason: words.refusal(a.refusal) }] : [];
  });
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
            {facts.item ? displayText(facts.item) : ''} <small className="muted">{facts.item?.clause ?? ''}</small>
          </dd>
          {f.state === 'amended' && (
            <>
              <dt>{t('review.amendedTo')}</dt>
              <dd>
                {facts.item?.name ?? ''} {entered}
              </dd>
            </>
          )}
          <dt>{t('notice.points')}</dt>
          <dd>
            <PointsText points={facts.points} state={f.state} item={facts.item} /> <small className="muted">{facts.points?.kind === 'points' ? calcText(facts.points.calc, t) : ''}</small>
          </dd>
          <dt>{t('review.subject')}</dt>
          <dd>
            {facts.subject} · {t('log.window', { number: facts.windowNumber })} · {facts.unitName}
            {f.state !== 'amended' && entered && <span> · {entered}</span>}
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
          {status?.contested && (
            <>
              <dt>{status.contested.reopened ? t('committee.reopenReason') : t('review.contestReasonShown')}</dt>
              <dd>
                {status.contested.reason} <small className="muted">· {nameOf(status.contested.actorId)}</small>
              </dd>
            </>
          )}
        </dl>
        {f.photos.length > 0 && (
          <section className="evidence-row" aria-label={t('review.evidence')}>
            {f.photos.map((h, i) => (
              <EvidencePhoto key={h} hash={h} findingId={f.id} alt={t('evidence.photoN', { n: i + 1 })} />
            ))}
          </section>
        )}
        {counter.length > 0 && (
          <section className="evidence-row" aria-label={t('review.counterEvidenceShown')}>
            <span className="muted">{t('review.counterEvidenceShown')}</span>
            {counter.map((h, i) => (
              <EvidencePhoto key={h} hash={h} findingId={f.id} alt={t('review.counterPhotoN', { n: i + 1 })} />
            ))}
          </section>
        )}
        <div className="sheet-actions">
          {SHEET_ACTS.filter(({ act }) => acts[act].ok && open !== act).map(({ act, label }) => (
            <button key={act} type="button" className={`button ${act === 'decide' ? 'primary' : 'secondary'}`} onClick={() => setOpen(act)}>
              {t(label)}
            </button>
          ))}
        </div>
        {refused.length > 0 && (
          <ul className="refused-acts">
            {refused.map(({ act, label, reason }) => (
              <li key={act} className="muted">
                {t('review.cannot', { act: t(label), reason })}
              </li>
            ))}
          </ul>
        )}
        {open === 'contest' && <ContestForm findingId={f.id} onDone={() => setOpen(null)} />}
        {open === 'decide' && <DecideForm f={f} onDone={() => setOpen(null)} />}
        {open === 'reopen' && <ReopenForm findingId={f.id} onDone={() => setOpen(null)} />}
        {open === 'rectify' && <RectifyForm findingId={f.id} onDone={() => setOpen(null)} />}
        <AuditTrailView events={events} />
      </section>
    </div>
  );
}
