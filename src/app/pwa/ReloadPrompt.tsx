import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { usePatrol } from '../store/usePatrol';

/**
 * "A new version is ready — reload". Never shown while the inspector is recording (`busy`): a reload then would
 * throw away the finding being entered. It waits until the panel is closed and nothing is being saved.
 */
export function ReloadPrompt() {
  const { t } = useTranslation();
  const busy = usePatrol((s) => s.windowId !== null || s.saving || s.draft.photos.length > 0 || s.draft.note !== '');
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();
  useEffect(() => {
    if (!offlineReady) return undefined;
    const id = setTimeout(() => setOfflineReady(false), 5000);
    return () => clearTimeout(id);
  }, [offlineReady, setOfflineReady]);
  if (busy) return null;
  if (needRefresh) {
    return (
      <div className="toast" role="alert">
        <span>{t('pwa.newVersion')}</span>
        <button type="button" className="button primary" onClick={() => void updateServiceWorker(true)}>
          {t('pwa.reload')}
        </button>
        <button type="button" className="button ghost" onClick={() => setNeedRefresh(false)}>
          {t('pwa.later')}
        </button>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div className="toast" role="status">
        <span>{t('pwa.offlineReady')}</span>
        <button type="button" className="button ghost" onClick={() => setOfflineReady(false)}>
          {t('pwa.ok')}
        </button>
      </div>
    );
  }
  return null;
}
