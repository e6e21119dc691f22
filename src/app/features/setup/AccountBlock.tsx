import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../services/useServices';
import { useSyncState } from '../sync/useSyncState';

/**
 * Who is signed in, and signing out so another person can sign in on a shared tablet. Records still waiting in the
 * outbox can only be sent under the account that made them (the server takes an event only from its own actor), so
 * signing out waits until they are synced: nothing recorded is stranded.
 */
export function AccountBlock() {
  const { t } = useTranslation();
  const { account, device, sync, signOut } = useServices();
  const s = useSyncState();
  const [busy, setBusy] = useState(false);
  if (!signOut) return null;
  const waiting = s.pendingEvents + s.pendingPhotos;
  return (
    <section className="settings-block" aria-labelledby="account-heading">
      <h3 id="account-heading">{t('settings.account')}</h3>
      <p>{t(`account.as.${account?.role ?? 'inspector'}`, { name: account?.name ?? device.identity.account.name })}</p>
      {waiting > 0 && (
        <p className="field-error" role="alert">
          {t('settings.unsynced', { count: waiting })}{' '}
          {sync && (
            <button type="button" className="button" onClick={() => void sync.syncNow()} disabled={s.phase === 'syncing'}>
              {t('settings.syncFirst')}
            </button>
          )}
        </p>
      )}
      <button
        type="button"
        className="button"
        disabled={busy || waiting > 0}
        onClick={() => {
          setBusy(true);
          signOut();
        }}
      >
        {busy ? t('settings.signingOut') : t('settings.signOut')}
      </button>
    </section>
  );
}
