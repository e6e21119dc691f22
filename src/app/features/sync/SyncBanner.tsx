import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../services/useServices';
import { SignIn } from '../account/SignIn';
import { useSyncState } from './useSyncState';

/** Syncs this large get a progress bar. */
const LARGE = 20;

/**
 * Under the top bar when there is something to say: a large sync's progress, findings waiting more than a day, the
 * last failure in plain words, and an expired or revoked sign-in (sign in again; nothing recorded is lost).
 */
export function SyncBanner() {
  const { t } = useTranslation();
  const { sync, account, hall } = useServices();
  const s = useSyncState();
  const [signingIn, setSigningIn] = useState(false);
  if (!sync) return null;
  const progress = s.progress && s.progress.total >= LARGE ? s.progress : null;
  const error = s.lastError;
  if (!progress && !s.stale && !error && !signingIn) return null;
  const again = async (username: string, password: string): Promise<void> => {
    const session = await sync.signIn(username, password);
    setSigningIn(false);
    // Another account on this tablet: start over under its identity (what was recorded stays and still syncs).
    if (account && session.account.id !== account.id && typeof location !== 'undefined') location.reload();
  };
  return (
    <div className="sync-banner">
      {progress && (
        <label className="sync-progress">
          <span>{t(`sync.step.${progress.step}`, { done: progress.done, total: progress.total })}</span>
          <progress max={progress.total} value={progress.done} />
        </label>
      )}
      {s.stale && (
        <p className="warn" role="alert">
          {t('sync.stale')}
        </p>
      )}
      {error && (
        <p className={error.code === 'offline' ? 'muted' : 'warn'} role="alert">
          {t(`sync.errors.${error.code}`)}
          {error.code === 'rejected' && <small> {error.message}</small>}
          {error.code === 'signed-out' && (
            <button type="button" className="button secondary" onClick={() => setSigningIn(true)}>
              {t('account.signInAgain')}
            </button>
          )}
        </p>
      )}
      {signingIn && (
        <div className="sheet-backdrop" role="dialog" aria-label={t('account.signInAgain')}>
          <SignIn hallName={hall.setup.roster.hall.name} onSignIn={again} />
          <button type="button" className="button ghost close-sheet" onClick={() => setSigningIn(false)}>
            {t('form.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
