import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoidCode } from '../../../core/events/voidCodes';
import { effectiveItem } from '../../../core/model/effectiveItem';
import type { LoggedFinding } from '../../../device/loggedFinding';
import { formatTime } from '../../format/formatTime';
import { inputsText } from '../../format/inputsText';
import { useActs } from '../../services/useActs';
import { useReasonWords } from '../../services/useReasonWords';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { findingFacts } from '../review/findingFacts';
import { PointsText } from '../review/PointsText';
import { StateBadge } from '../review/StateBadge';
import { StoredPhoto } from './StoredPhoto';

const VOID_CODES = ['wrong-item', 'wrong-person', 'duplicate'] as const;

/**
 * One finding in the log as its events stand: the item and inputs in force (the committee's amendment once amended),
 * the points they give or that nothing counts (overturned, voided), the review state; void is offered exactly when the
 * core allows it, and a refused void says why. The whole finding (history, photos full size) opens from it.
 */
export const LogEntry = memo(function LogEntry({ f, compact }: { f: LoggedFinding; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const { hall, device, schemes } = useServices();
  const acts = useActs(f);
  const words = useReasonWords();
  const open = usePatrol((s) => s.setReviewing);
  const [voiding, setVoiding] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const voidFor = (code: VoidCode): void => {
    setFailed(null);
    device
      .void(f.id, code)
      .catch((err: unknown) => setFailed(words.failure(err)))
      .finally(() => setVoiding(false));
  };
  const facts = findingFacts(f, hall, schemes);
  const { itemId, inputs } = effectiveItem(f);
  const name = facts.item?.name ?? itemId;
  const entered = facts.item ? inputsText(facts.item, inputs) : '';
  const time = formatTime(f.at, hall.setup.roster.hall.timeZone, i18n.language);
  const voided = f.state === 'voided';
  return (
    <li className={`log-entry state-${f.state}${compact ? ' compact' : ''}`} data-finding={f.id} aria-label={t('log.entryLabel', { time, item: name, who: facts.subject })}>
      <span className="log-time">{time}</span>
      <span className="log-window">{facts.windowNumber ? t('log.window', { number: facts.windowNumber }) : ''}</span>
      <span className="log-what">
        <strong>{name}</strong>
        {facts.subject && <span> · {facts.subject}</span>}
        {entered && <span> · {entered}</span>}
        {f.note && !compact && <span className="log-note"> — {f.note}</span>}
      </span>
      <PointsText points={facts.points} state={f.state} item={facts.item} />
      {f.state !== 'recorded' && <StateBadge state={f.state} />}
      {!compact && f.photos.length > 0 && (
        <span className="log-photos">
          {f.photos.map((h, i) => (
            <StoredPhoto key={h} hash={h} alt={t('log.photoOf', { n: i + 1, item: name })} />
          ))}
        </span>
      )}
      {!compact && (
        <span className="log-acts">
          <button type="button" className="button ghost" onClick={() => open(f.id)}>
            {t('log.open')}
          </button>
          {acts?.void.ok && !voiding && (
            <button type="button" className="button ghost" onClick={() => setVoiding(true)}>
              {t('log.void')}
            </button>
          )}
        </span>
      )}
      {!compact && voided && f.voided && <span className="muted log-reason">{t('log.voidedBecause', { reason: f.voided.code ? t(`log.voidCode.${f.voided.code}`) : (f.voided.reason ?? '') })}</span>}
      {voiding && (
        <span className="void-reasons" role="group" aria-label={t('log.voidWhy')}>
          {VOID_CODES.map((code) => (
            <button key={code} type="button" className="button secondary" onClick={() => voidFor(code)}>
              {t(`log.voidCode.${code}`)}
            </button>
          ))}
          <button type="button" className="button ghost" onClick={() => setVoiding(false)}>
            {t('form.cancel')}
          </button>
        </span>
      )}
      {failed && (
        <span className="field-error" role="alert">
          {failed}
        </span>
      )}
    </li>
  );
});
