import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * The first screen on a new tablet: the inspector's name (a local identity until sign-in arrives). Starting also
 * asks the browser to keep the data for good.
 */
export function FirstRun({ hallName, onStart, onLanguage }: { hallName: string; onStart: (name: string) => Promise<void>; onLanguage: (language: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || busy) return;
    setBusy(true);
    void onStart(trimmed).finally(() => setBusy(false));
  };
  return (
    <main className="first-run">
      <form onSubmit={submit} className="first-run-card">
        <h1>{t('app.title')}</h1>
        <p>{t('firstRun.intro', { hall: hallName })}</p>
        <label className="number-field">
          <span>{t('firstRun.name')}</span>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" required />
        </label>
        <LanguageSwitch onChange={onLanguage} />
        <button type="submit" className="button primary" disabled={!name.trim() || busy}>
          {t('firstRun.start')}
        </button>
        <p className="muted">{t('firstRun.storage')}</p>
      </form>
    </main>
  );
}
