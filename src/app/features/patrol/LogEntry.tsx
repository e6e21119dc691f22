import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoggedFinding } from '../../../device/loggedFinding';
import { isStorageFull } from '../../../device/storageFull';
import { rulePoints } from '../../../core/scoring/findingPoints';
import { formatPoints } from '../../format/formatPoints';
import { formatTime } from '../../format/formatTime';
import { useItemLookup } from '../../services/useItemLookup';
import { useServices } from '../../services/useServices';
import { StoredPhoto } from './StoredPhoto';
import { subjectName } from './subjectName';

const VOID_REASONS = ['wrongItem', 'wrongPerson', 'duplicate'] as const;

/** One finding in the log: when, where, what, who, evidence; its author can void it (with a reason). */
export const LogEntry = memo(function LogEntry({ f, compact }: { f: LoggedFinding; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const { hall, device } = useServices();
  const itemOf = useItemLookup();
  const [voiding, setVoiding] = useState(false);
  const [failed, setFailed] = useState<'storage-full' | 'save-failed' | null>(null);
  const voidFor = (reason: string): void => {
    setFailed(null);
    device
      .void(f, reason)
      .catch((err: unknown) => setFailed(isStorageFull(err) ? 'storage-full' : 'save-failed'))
      .finally(() => setVoiding(false));
  };
  const item = itemOf(f.schemeId, f.itemId);
  const window = f.windowId ? hall.window(f.windowId) : undefined;
  const who = item ? subjectName(hall, item.subject, f) : '';
  const preview = item ? rulePoints(item, f.inputs ?? {}) : null;
  const voided = f.state === 'voided';
  const mine = f.actorId === device.identity.actorId;
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
      {!compact && voided && f.voided && <span className="muted log-reason">{t('log.voidedBecause', { reason: f.voided.reason })}</span>}
      {voiding && (
        <span className="void-reasons" role="group" aria-label={t('log.voidWhy')}>
          {VOID_REASONS.map((r) => (
            <button key={r} type="button" className="button secondary" onClick={() => voidFor(t(`log.reasons.${r}`))}>
              {t(`log.reasons.${r}`)}
            </button>
          ))}
          <button type="button" className="button ghost" onClick={() => setVoiding(false)}>
            {t('form.cancel')}
          </button>
        </span>
      )}
      {failed && (
        <span className="field-error" role="alert">
          {t(`errors.${failed}`)}
        </span>
      )}
    </li>
  );
});
