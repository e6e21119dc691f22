import '../device/sync/zodWithoutEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { demoHall } from '../core/model/demoHall';
import { loadSchemes } from '../device/loadSchemes';
import { deviceHome } from '../device/deviceHome';
import { Boot } from './Boot';
import { createServices } from './createServices';
import { createI18n, loadLanguage } from './i18n/createI18n';
import { languageOf } from './i18n/languages';
import type { AppServices } from './services/AppServices';
import './styles.css';
import './review.css';

/**
 * Start: fetch the schemes in force while the device's database opens (the remembered language and the inspector),
 * then boot. Marks (hp:*) time the steps of a cold start for the benchmark and any profiler.
 */
async function main(): Promise<void> {
  performance.mark('hp:main');
  const hall = demoHall();
  const schemes = loadSchemes(hall.schemes);
  // Observed by Boot; this keeps an early failure from being reported as unhandled before Boot is there.
  schemes.catch(() => undefined);
  const home = deviceHome();
  const timeZone = hall.roster.hall.timeZone;
  const [language, stored] = await Promise.all([home.language().catch(() => undefined), home.storedSession().catch(() => null)]);
  performance.mark('hp:db-open');
  const lang = languageOf(language);
  const i18n = createI18n(lang, await loadLanguage(lang));
  // Someone signed in here before: start the device (today's log, the scheme chunks) and render once it is ready: one first
  // render of the whole app, with nothing competing with the database's answers.
  let started: AppServices | Error | null = null;
  if (stored) {
    const sync = home.sync(stored.identity.deviceId, timeZone);
    started = await createServices(home, stored.identity, i18n, hall, schemes, sync).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <Boot home={home} hall={hall} schemes={schemes} started={started} />
      </I18nextProvider>
    </StrictMode>,
  );
}

void main();
