import { useState } from 'react';
import { useMoreWords } from '../../i18n/useMoreWords';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';

/** The inspector takes the tablet back with their own password, checked offline against the verifier kept at sign-in. */
export function UnlockDialog({ onClose }: { onClose: () => void }) {
  const { t } = useMoreWords();
  const { device } = useServices();
  const end = usePatrol((s) => s.setHandOver);
  const [password, setPassword] = useState('');
  const [wrong, setWrong] = useState(false);
  const unlock = async (): Promise<void> => {
    if (await device.checkUnlock(password)) {
      end(null);
      onClose();
    } else setWrong(true);
  };
  return (
    <div className="sheet-backdrop">
      <section className="sheet" role="dialog" aria-label={t('handOver.end')}>
        <h2>{t('handOver.end')}</h2>
        <label className="number-field">
          <span>{t('handOver.inspectorPassword', { name: device.identity.account.name })}</span>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {wrong && (
          <p className="field-error" role="alert">
            {t('handOver.wrongPassword')}
          </p>
        )}
        <div className="sheet-actions">
          <button type="button" className="button ghost" onClick={onClose}>
            {t('form.cancel')}
          </button>
          <button type="button" className="button primary" onClick={() => void unlock()}>
            {t('handOver.unlock')}
          </button>
        </div>
      </section>
    </div>
  );
}
