import { useTranslation } from 'react-i18next';
import { formatTime } from '../../format/formatTime';
import { useServices } from '../../services/useServices';
import { useSyncState } from './useSyncState';

/** In the top bar, always: what waits to be synced, the last success, and a button to sync now. */
export function SyncStatus() {
  const { t, i18n } = useTranslation();
  const { sync, hall } = useServices();
  const s = useSyncState();
  if (!sync) return null;
  const tz = hall.setup.roster.hall.timeZone;
  // What waits, records and photos apart; "all synced" only once a sync has run through.
  const waiting = [s.pendingEvents ? t('sync.pendingEvents', { count: s.pendingEvents }) : '', s.pendingPhotos ? t('sync.pendingPhotos', { count: s.pendingPhotos }) : ''].filter(Boolean);
  return (
    <span className="sync-status" role="status" aria-label={t('sync.label')}>
      {waiting.length > 0 && <span className="sync-count waiting">{t('sync.pending', { what: waiting.join(t('list.separator')) })}</span>}
      {waiting.length === 0 && s.lastSuccessAt && <span className="sync-count">{t('sync.allSynced')}</span>}
      <span className="sync-last">{s.lastSuccessAt ? t('sync.last', { time: formatTime(s.lastSuccessAt, tz, i18n.language) }) : t('sync.never')}</span>
      <button type="button" className="button sync-now" onClick={() => void sync.syncNow()} disabled={s.phase === 'syncing'}>
        {s.phase === 'syncing' ? t('sync.syncing') : t('sync.now')}
      </button>
    </span>
  );
}
