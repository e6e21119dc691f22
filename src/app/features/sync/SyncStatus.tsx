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
  const pending = s.pendingEvents + s.pendingPhotos;
  const tz = hall.hall.roster.hall.timeZone;
  return (
    <span className="sync-status" role="status" aria-label={t('sync.label')}>
      <span className={`sync-count${pending ? ' waiting' : ''}`}>{pending ? t('sync.pending', { count: pending }) : t('sync.allSynced')}</span>
      <span className="sync-last">{s.lastSuccessAt ? t('sync.last', { time: formatTime(s.lastSuccessAt, tz, i18n.language) }) : t('sync.never')}</span>
      <button type="button" className="button sync-now" onClick={() => void sync.syncNow()} disabled={s.phase === 'syncing'}>
        {s.phase === 'syncing' ? t('sync.syncing') : t('sync.now')}
      </button>
    </span>
  );
}
