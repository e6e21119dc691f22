import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoggedFinding } from '../../../device/loggedFinding';
import type { VoidCode } from '../../../core/events/voidCodes';
import { useReasonWords } from '../../services/useReasonWords';
import { rulePoints } from '../../../core/scoring/findingPoints';
import { formatPoints } from '../../format/formatPoints';
import { formatTime } from '../../format/formatTime';
import { useItemLookup } from '../../services/useItemLookup';
import { useServices } from '../../services/useServices';
import { StoredPhoto } from './StoredPhoto';
import { subjectName } from './subjectName';

const VOID_CODES = ['wrong-item', 'wrong-person', 'duplicate'] as const;

/** One finding in the log: when, where, what, who, evidence; its author can void it (with a reason). */
export const LogEntry = memo(function LogEntry({ f, compact }: { f: LoggedFinding; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const { hall, device } = useServices();
  const itemOf = useItemLookup();
  const [voiding, setVoiding] = useState(false);
  const words = useReasonWords();
  const [failed, setFailed] = useState<string | null>(null);
  const voidFor = (code: VoidCode): void => {
    setFailed(null);
    device
      .void(f.id, code)
      .catch((err: unknown) => setFailed(words.failure(err)))
      .finally(() => setVoiding(false));
  };
  const item = itemOf(f.schemeId, f.itemId);
  const window = f.windowId ? hall.window(f.windowId) : undefined;
  const who = item ? subjectName(hall, item.subject, f) : '';
  const preview = item ? rulePoints(item, f.inputs ?? {}) : null;
  const voided = f.state === 'voided';
  const mine = f.actorId === device.identity.account.id;
  const inputs = [f.inputs?.quantity, f.inputs?.amount].filter((x) => x !== undefined);
  const level = f.inputs?.level && item?.rule.kind === 'levels' ? item.rule.levels.find((l) => l.id === f.inputs?.level)?.name : undefined;
  return (
    <li className={`log-entry${voided ? ' voided' : ''}${compact ? ' compact' : ''}`} data-finding={f.id} aria-label={t('log.entryLabel', { time: formatTime(f.at, hall.hall.roster.hall.timeZone, i18n.language), item: item?.name ?? f.itemId, who })}>
      <span className="log-time">{formatTime(f.at, hall.hall.roster.hall.timeZone, i18n.language)}</span>
      <span className="log-window">{window ? t('log.window', { number: window.number }) : ''}</span>
      <span className="log-what">
        <strong>{item?.name ?? f.itemId}</strong>
        {who && <span> · {who}</span>}
        {level && <span> · {level}</span>}
        {inputs.length > 0 && item && <span> · {inputs.join(' ')}{item.rule.kind === 'tiers' || item.rule.kind === 'perUnit' ? item.rule.quantity.unit : ''}</span>}
        {f.note && !compact && <span className="log-note"> — {f.note}</span>}
      </span>
      <span className={`log-points${preview?.kind === 'points' && preview.points > 0 ? ' plus' : ''}`}>
        {voided ? t('log.voided') : preview?.kind === 'points' ? formatPoints(preview.points) : preview?.kind === 'period' ? t('log.byMonth') : ''}
      </span>
      {!compact && f.photos.length > 0 && (
        <span className="log-photos">
          {f.photos.map((h, i) => (
            <StoredPhoto key={h} hash={h} alt={t('log.photoOf', { n: i + 1, item: item?.name ?? '' })} />
          ))}
        </span>
      )}
      {!compact && mine && !voided && !voiding && (
        <button type="button" className="button ghost" onClick={() => setVoiding(true)}>
          {t('log.void')}
        </button>
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
