import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../setup/LanguageSwitch';
import { signInError, signInErrorWords } from './signInError';

/**
 * Sign in with an account of the hall (once, online). The sign-in is kept on the tablet, so the patrol goes on
 * offline afterwards; everything recorded carries the account's id.
 */
export function SignIn({ hallName, onSignIn, onLanguage }: { hallName: string; onSignIn: (username: string, password: string, hallId?: string) => Promise<void>; onLanguage?: (language: string) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReturnType<typeof signInError> | null>(null);
  // A centre administrator manages several halls: the server names them and the person picks one.
  const [halls, setHalls] = useState<{ id: string; name: string }[] | null>(null);
  const [hallId, setHallId] = useState('');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!username.trim() || !password || busy) return;
    setBusy(true);
    setError(null);
    onSignIn(username.trim(), password, halls && hallId ? hallId : undefined)
      .catch((err: unknown) => {
        const why = signInError(err);
        if (why.kind === 'chooseHall') {
          setHalls(why.halls);
          setHallId(why.halls[0]?.id ?? '');
        }
        setError(why);
      })
      .finally(() => setBusy(false));
  };
  return (
    <main className="first-run">
      <form onSubmit={submit} className="first-run-card">
        <h1>{t('app.title')}</h1>
        <p>{hallName ? t('account.intro', { hall: hallName }) : t('account.introNoHall')}</p>
        <label className="number-field">
          <span>{t('account.username')}</span>
          <input type="text" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoCapitalize="none" required />
        </label>
        <label className="number-field">
          <span>{t('account.password')}</span>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        </label>
        {halls && halls.length > 0 && (
          <label className="number-field">
            <span>{t('account.hall')}</span>
            <select value={hallId} onChange={(e) => setHallId(e.target.value)}>
              {halls.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {onLanguage && <LanguageSwitch onChange={onLanguage} />}
        {/* A centre administrator's choice of hall is a question, not a failure (unless they manage none). */}
        {error && (error.kind === 'chooseHall' && error.halls.length > 0 ? (
          <p role="status">{signInErrorWords(error, t)}</p>
        ) : (
          <p className="field-error" role="alert">
            {signInErrorWords(error, t)}
          </p>
        ))}
        <button type="submit" className="button primary" disabled={!username.trim() || !password || busy}>
          {busy ? t('account.signingIn') : t('account.signIn')}
        </button>
        <p className="muted">{t('account.offlineAfter')}</p>
      </form>
    </main>
  );
}
