import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monotonicFactory } from 'ulid';
import type { HallSetup } from '../core/model/hallSetup';
import type { DeviceHome } from '../device/deviceHome';
import type { PatrolScheme } from '../device/patrolScheme';
import { requestPersistence } from '../device/storageStatus';
import type { Session } from '../device/sync/syncStore';
import { createServices } from './createServices';
import { switchLanguage } from './i18n/createI18n';
import { languageOf } from './i18n/languages';
import { SignIn } from './features/account/SignIn';
import { PatrolApp } from './PatrolApp';
import { ReloadPrompt } from './pwa/ReloadPrompt';
import type { AppServices } from './services/AppServices';

const failed = (err: unknown): BootState => ({ kind: 'error', message: err instanceof Error ? err.message : String(err) });

type BootState = { kind: 'sign-in' } | { kind: 'ready'; services: AppServices } | { kind: 'error'; message: string };

/**
 * From a cold start to the app: the device main.tsx started (someone had signed in on this tablet), or the sign-in
 * screen, which needs the network once; afterwards the tablet works offline. The schemes are already being fetched.
 */
export function Boot({ home, hall, schemes, started }: { home: DeviceHome; hall: HallSetup; schemes: Promise<PatrolScheme[]>; started: AppServices | Error | null }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<BootState>(() =>
    started instanceof Error ? failed(started) : started ? { kind: 'ready', services: withSignOut(started) } : { kind: 'sign-in' },
  );
  function withSignOut(services: AppServices): AppServices {
    return { ...services, signOut: () => void services.sync?.signOut().then(() => setState({ kind: 'sign-in' })) };
  }

  if (state.kind === 'error') {
    return (
      <p className="boot" role="alert">
        {t('app.failed', { message: state.message })}
      </p>
    );
  }
  if (state.kind === 'sign-in') {
    const ulid = monotonicFactory();
    const timeZone = hall.roster.hall.timeZone;
    const signIn = async (username: string, password: string): Promise<void> => {
      const deviceId = await home.deviceId(() => ulid(Date.now()));
      const sync = home.sync(deviceId, timeZone);
      const session: Session = await sync.signIn(username, password);
      await requestPersistence(navigator.storage);
      const identity = { deviceId, account: session.account };
      try {
        setState({ kind: 'ready', services: withSignOut(await createServices(home, identity, i18n, hall, schemes, sync)) });
      } catch (err) {
        setState(failed(err));
      }
    };
    const setLanguage = (l: string): void => {
      void switchLanguage(i18n, languageOf(l));
      void home.setLanguage(l);
    };
    return <SignIn hallName={hall.roster.hall.name} onSignIn={signIn} onLanguage={setLanguage} />;
  }
  return <PatrolApp services={state.services} overlay={<ReloadPrompt />} />;
}
