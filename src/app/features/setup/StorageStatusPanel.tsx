import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../format/formatBytes';
import { useServices } from '../../services/useServices';
import { useStorageStatus } from './useStorageStatus';

/** Whether the browser keeps the data for good, and how much space the patrol uses. */
export function StorageStatusPanel() {
  const { t } = useTranslation();
  const { storage } = useServices();
  const { status, persist, refresh } = useStorageStatus(storage);
  if (!status) return null;
  const share = status.usage !== null && status.quota ? Math.min(100, (100 * status.usage) / status.quota) : null;
  return (
    <section className="settings-block" aria-labelledby="storage-heading">
      <h3 id="storage-heading">{t('storage.heading')}</h3>
      <p>
        {status.persisted === true && t('storage.persisted')}
        {status.persisted === false && t('storage.notPersisted')}
        {status.persisted === null && t('storage.unknown')}
      </p>
      {status.persisted === false && (
        <button type="button" className="button secondary" onClick={persist}>
          {t('storage.ask')}
        </button>
      )}
      {status.usage !== null && status.quota !== null && (
        <>
          <p>{t('storage.usage', { used: formatBytes(status.usage), quota: formatBytes(status.quota), share: share?.toFixed(1) ?? '?' })}</p>
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share ?? 0)} aria-label={t('storage.heading')}>
            <span style={{ width: `${share ?? 0}%` }} />
          </div>
          {share !== null && share > 90 && <p role="alert">{t('storage.almostFull')}</p>}
        </>
      )}
      <button type="button" className="button ghost" onClick={refresh}>
        {t('storage.refresh')}
      </button>
    </section>
  );
}
