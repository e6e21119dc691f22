import { useState } from 'react';
import { useMoreWords } from '../../i18n/useMoreWords';
import { roleRefusal } from '../../../core/access/allowedActs';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { HandOverBar } from './HandOverBar';
import { NoticeList } from './NoticeList';
import { ReviewRow } from './ReviewRow';
import { SignNoticeSheet } from './SignNoticeSheet';
import { useActing } from '../../services/useActing';
import { useScopedFindings } from './useScopedFindings';

/**
 * On-site review: every finding of the month the acting account answers for (a chief: their windows and unit), with
 * points and state; pick the findings of one visit and have the chief sign the notice, or open one to contest it.
 */
export function ReviewView() {
  const { t } = useMoreWords();
  const { device } = useServices();
  const acting = useActing();
  const findings = useScopedFindings();
  const setView = usePatrol((s) => s.setView);
  const [picked, setPicked] = useState<string[]>([]);
  const [signing, setSigning] = useState(false);
  // Whether this account may sign notices at all (the role table); which findings it may sign now, each row asks the core.
  const canSign = roleRefusal(acting.role, 'finding.acknowledged') === null;
  const pickedFindings = findings.filter((f) => picked.includes(f.id));
  // One notice is one visit: one window.
  const windowOfPick = pickedFindings[0]?.windowId;
  return (
    <section className="review" aria-labelledby="review-heading">
      <h2 id="review-heading">{t('review.heading', { period: device.today().slice(0, 7) })}</h2>
      <HandOverBar />
      {findings.length === 0 && <p className="muted">{t('review.none')}</p>}
      <ul className="review-list">
        {findings.map((f) => (
          <ReviewRow
            key={f.id}
            f={f}
            sameVisit={!windowOfPick || f.windowId === windowOfPick}
            selected={picked.includes(f.id)}
            onSelect={(on) => setPicked((p) => (on ? [...p, f.id] : p.filter((x) => x !== f.id)))}
          />
        ))}
      </ul>
      <div className="review-actions">
        {canSign && (
          <button type="button" className="button primary" disabled={pickedFindings.length === 0} onClick={() => setSigning(true)}>
            {t('review.signNotice', { count: pickedFindings.length })}
          </button>
        )}
        {acting.role === 'chief' && (
          <button type="button" className="button secondary" onClick={() => setView('scores')}>
            {t('review.myScores')}
          </button>
        )}
      </div>
      <NoticeList findingIds={findings.map((f) => f.id)} />
      {signing && (
        <SignNoticeSheet
          findings={pickedFindings}
          onDone={() => {
            setSigning(false);
            setPicked([]);
          }}
        />
      )}
    </section>
  );
}
