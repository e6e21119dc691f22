import '../device/sync/zodWithoutEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { deviceHome } from '../device/deviceHome';
import { Boot } from './Boot';
import { startInHall } from './startInHall';
import { createI18n, loadLanguage } from './i18n/createI18n';
import { languageOf } from './i18n/languages';
import type { AppServices } from './services/AppServices';
import './styles.css';
import './review.css';

/**
 * Start: open the device's database (the remembered language, the sign-in, the hall the server last sent), then boot.
 * The hall is the server's, kept from the last pull: a tablet offline keeps working in it. Marks (hp:*) time the steps
 * of a cold start for the benchmark and any profiler.
 */
async function main(): Promise<void> {
  performance.mark('hp:main');
  const home = deviceHome();
  const [language, stored] = await Promise.all([home.language().catch(() => undefined), home.storedSession().catch(() => null)]);
  const hall = stored ? await home.serverHall().catch(() => null) : null;
  performance.mark('hp:db-open');
  const lang = languageOf(language);
  const i18n = createI18n(lang, await loadLanguage(lang));
  // Someone signed in here before: start the device (today's log, the schemes in force) and render once it is ready: one
  // first render of the whole app, with nothing competing with the database's answers.
  let started: AppServices | Error | null = null;
  if (stored && hall) {
    const sync = home.sync(stored.identity.deviceId, hall.setup.roster.hall.timeZone);
    started = await startInHall(home, stored.identity, i18n, hall, sync).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <Boot home={home} started={started} />
      </I18nextProvider>
    </StrictMode>,
  );
}

void main();
