import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { PatrolDb } from '../device/patrolDb';
import { Boot } from './Boot';
import { createI18n } from './i18n/createI18n';
import { languageOf } from './i18n/languages';
import './styles.css';

/** Open the device's database, pick the remembered language, and boot. */
async function main(): Promise<void> {
  const db = new PatrolDb();
  const saved = await db.meta.get('language').catch(() => undefined);
  const i18n = createI18n(languageOf(saved?.value));
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <Boot db={db} />
      </I18nextProvider>
    </StrictMode>,
  );
}

void main();
