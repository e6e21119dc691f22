import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monotonicFactory } from 'ulid';
import { demoHall } from '../core/hall/demoHall';
import { loadIdentity, saveIdentity } from '../device/identity';
import type { PatrolDb } from '../device/patrolDb';
import { requestPersistence } from '../device/storageStatus';
import { createServices } from './createServices';
import { FirstRun } from './features/setup/FirstRun';
import { PatrolApp } from './PatrolApp';
import { ReloadPrompt } from './pwa/ReloadPrompt';
import type { AppServices } from './services/AppServices';

type BootState = { kind: 'loading' } | { kind: 'first-run' } | { kind: 'ready'; services: AppServices } | { kind: 'error'; message: string };

/** From a cold start to the map: open the device's data, ask for the inspector on first run, then start. */
export function Boot({ db }: { db: PatrolDb }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<BootState>({ kind: 'loading' });
  const fail = (err: unknown): void => setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) });

  useEffect(() => {
    let live = true;
    loadIdentity(db)
      .then(async (identity) => {
        if (!identity) return live && setState({ kind: 'first-run' });
        const services = await createServices(db, identity, i18n);
        if (live) setState({ kind: 'ready', services });
      })
      .catch((err: unknown) => live && fail(err));
    return () => {
      live = false;
    };
  }, [db, i18n]);

  if (state.kind === 'loading') return <p className="boot">{t('app.loading')}</p>;
  if (state.kind === 'error') {
    return (
      <p className="boot" role="alert">
        {t('app.failed', { message: state.message })}
      </p>
    );
  }
  if (state.kind === 'first-run') {
    const ulid = monotonicFactory();
    const start = async (name: string): Promise<void> => {
      try {
        const identity = await saveIdentity(db, name, () => ulid(Date.now()));
        await requestPersistence(navigator.storage);
        setState({ kind: 'ready', services: await createServices(db, identity, i18n) });
      } catch (err) {
        fail(err);
      }
    };
    const setLanguage = (l: string): void => {
      void i18n.changeLanguage(l);
      void db.meta.put({ key: 'language', value: l });
    };
    return <FirstRun hallName={demoHall().roster.hall.name} onStart={start} onLanguage={setLanguage} />;
  }
  return <PatrolApp services={state.services} overlay={<ReloadPrompt />} />;
}
