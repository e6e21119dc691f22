import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monotonicFactory } from 'ulid';
import type { HallSetup } from '../core/hall/hallLayout';
import { saveIdentity } from '../device/identity';
import type { PatrolDb } from '../device/patrolDb';
import type { PatrolScheme } from '../device/patrolScheme';
import { requestPersistence } from '../device/storageStatus';
import { createServices } from './createServices';
import { FirstRun } from './features/setup/FirstRun';
import { PatrolApp } from './PatrolApp';
import { ReloadPrompt } from './pwa/ReloadPrompt';
import type { AppServices } from './services/AppServices';

const failed = (err: unknown): BootState => ({ kind: 'error', message: err instanceof Error ? err.message : String(err) });

type BootState = { kind: 'first-run' } | { kind: 'ready'; services: AppServices } | { kind: 'error'; message: string };

/**
 * From a cold start to the map: the device main.tsx started (the inspector was known), or the first-run screen that
 * asks for the inspector and starts it then. The schemes are already being fetched.
 */
export function Boot({ db, hall, schemes, started }: { db: PatrolDb; hall: HallSetup; schemes: Promise<PatrolScheme[]>; started: AppServices | Error | null }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<BootState>(() =>
    started instanceof Error ? failed(started) : started ? { kind: 'ready', services: started } : { kind: 'first-run' },
  );

  if (state.kind === 'error') {
    return (
      <p className="boot" role="alert">
        {t('app.failed', { message: state.message })}
      </p>
    );
  }
  if (state.kind === 'first-run') {
    const start = async (name: string): Promise<void> => {
      const ulid = monotonicFactory();
      try {
        const saved = await saveIdentity(db, name, () => ulid(Date.now()));
        await requestPersistence(navigator.storage);
        setState({ kind: 'ready', services: await createServices(db, saved, i18n, hall, schemes) });
      } catch (err) {
        setState(failed(err));
      }
    };
    const setLanguage = (l: string): void => {
      void i18n.changeLanguage(l);
      void db.meta.put({ key: 'language', value: l });
    };
    return <FirstRun hallName={hall.roster.hall.name} onStart={start} onLanguage={setLanguage} />;
  }
  return <PatrolApp services={state.services} overlay={<ReloadPrompt />} />;
}
