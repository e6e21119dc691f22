import { useEffect, useState } from 'react';
import { useMoreWords } from '../../i18n/useMoreWords';
import type { EnrolledChief } from '../../../device/session/handOverStore';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { signInError, signInErrorWords } from '../account/signInError';

/**
 * Hand-over: a chief enrolled on this tablet enters their PIN (checked offline); a chief not yet enrolled signs in
 * once here, online, and picks a PIN. While the chief reviews, the inspector's session is locked.
 */
export function HandOverDialog({ onClose }: { onClose: () => void }) {
  const { t } = useMoreWords();
  const { device, sync } = useServices();
  const begin = usePatrol((s) => s.setHandOver);
  const [chiefs, setChiefs] = useState<EnrolledChief[]>([]);
  const [chiefId, setChiefId] = useState('');
  const [pin, setPin] = useState('');
  const [enrolling, setEnrolling] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void device.enrolledChiefs().then((c) => {
      setChiefs(c);
      setChiefId(c[0]?.account.id ?? '');
      setEnrolling(c.length === 0);
    });
  }, [device]);
  const unlock = async (): Promise<void> => {
    const chief = await device.unlockChief(chiefId, pin);
    if (chief === 'enroll-again') return setError(t('handOver.enrollAgain'));
    if (!chief) return setError(t('handOver.wrongPin'));
    begin(chief);
    onClose();
  };
  const enroll = async (): Promise<void> => {
    if (!/^\d{4,8}$/.test(pin)) return setError(t('handOver.pinRule'));
    try {
      const chief = await sync?.enrollChief(username.trim(), password, pin);
      if (chief) begin(chief);
      onClose();
    } catch (e) {
      setError(signInErrorWords(signInError(e), t));
    }
  };
  return (
    <div className="sheet-backdrop">
      <section className="sheet" role="dialog" aria-label={t('handOver.start')}>
        <h2>{t('handOver.start')}</h2>
        {!enrolling ? (
          <>
            <div className="chips" role="radiogroup" aria-label={t('handOver.whichChief')}>
              {chiefs.map((c) => (
                <button key={c.account.id} type="button" role="radio" className="chip" aria-checked={chiefId === c.account.id} onClick={() => setChiefId(c.account.id)}>
                  {c.account.name}
                </button>
              ))}
              <button type="button" className="chip ghost" onClick={() => setEnrolling(true)}>
                {t('handOver.enroll')}
              </button>
            </div>
          </>
        ) : (
          <>
            <p className="muted">{t('handOver.enrollHelp')}</p>
            <label className="number-field">
              <span>{t('account.username')}</span>
              <input type="text" value={username} onChange={(e) => setUsername(e.target.value)} autoCapitalize="none" />
            </label>
            <label className="number-field">
              <span>{t('account.password')}</span>
              <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
            </label>
          </>
        )}
        <label className="number-field">
          <span>{enrolling ? t('handOver.newPin') : t('handOver.pin')}</span>
          <input type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} />
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="sheet-actions">
          <button type="button" className="button ghost" onClick={onClose}>
            {t('form.cancel')}
          </button>
          <button type="button" className="button primary" onClick={() => void (enrolling ? enroll() : unlock())}>
            {enrolling ? t('handOver.enrollAndStart') : t('handOver.unlockChief')}
          </button>
        </div>
      </section>
    </div>
  );
}
