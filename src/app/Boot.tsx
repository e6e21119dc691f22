import { useEffect, useState } from 'react';
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

type BootState = { kind: 'loading' } | { kind: 'first-run' } | { kind: 'ready'; services: AppServices } | { kind: 'error'; message: string };

/**
 * From a cold start to the map: wait for the device main.tsx is starting (the inspector is known), or ask for the
 * inspector on first run and start it then. The schemes are already being fetched.
 */
export function Boot({ db, hall, schemes, starting }: { db: PatrolDb; hall: HallSetup; schemes: Promise<PatrolScheme[]>; starting: Promise<AppServices> | null }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<BootState>({ kind: starting ? 'loading' : 'first-run' });

  useEffect(() => {
    if (!starting) return undefined;
    let live = true;
    starting.then((services) => live && setState({ kind: 'ready', services })).catch((err: unknown) => live && setState(failed(err)));
    return () => {
      live = false;
    };
  }, [starting]);

  if (state.kind === 'loading') return <p className="boot">{t('app.loading')}</p>;
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
