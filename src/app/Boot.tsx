import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monotonicFactory } from 'ulid';
import { hallDay } from '../core/time/hallDay';
import type { DeviceHome } from '../device/deviceHome';
import { requestPersistence } from '../device/storageStatus';
import type { Session } from '../device/sync/syncStore';
import { switchLanguage } from './i18n/createI18n';
import { languageOf } from './i18n/languages';
import { SignIn } from './features/account/SignIn';
import { PatrolApp } from './PatrolApp';
import { ReloadPrompt } from './pwa/ReloadPrompt';
import type { AppServices } from './services/AppServices';
import { startInHall } from './startInHall';

/** The time zone a first sign-in syncs in until the server's hall names its own (every hall so far is in it). */
const FIRST_TIME_ZONE = 'Asia/Shanghai';

const failed = (err: unknown): BootState => ({ kind: 'error', message: err instanceof Error ? err.message : String(err) });

type BootState = { kind: 'sign-in'; hallName: string } | { kind: 'ready'; services: AppServices } | { kind: 'error'; message: string };

/**
 * From a cold start to the app: the device main.tsx started (someone had signed in on this tablet), or the sign-in
 * screen, which needs the network once; afterwards the tablet works offline. The hall is always the server's: the
 * first pull brings it at sign-in, and when a later sync brings a changed hall (or a new day puts another scheme
 * version in force) the app starts again in it.
 */
export function Boot({ home, started }: { home: DeviceHome; started: AppServices | Error | null }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<BootState>(() =>
    started instanceof Error ? failed(started) : started ? ready(started) : { kind: 'sign-in', hallName: '' },
  );
  function ready(services: AppServices): BootState {
    const sync = services.sync;
    return {
      kind: 'ready',
      services: { ...services, signOut: () => void sync?.signOut().then(() => setState({ kind: 'sign-in', hallName: services.hall.setup.roster.hall.name })) },
    };
  }

  // A changed hall (pulled) or a new hall-local day: start again in the hall as it now is.
  const services = state.kind === 'ready' ? state.services : null;
  useEffect(() => {
    const sync = services?.sync;
    if (!services || !sync) return undefined;
    const identity = services.device.identity;
    const timeZone = services.hall.setup.roster.hall.timeZone;
    let day = hallDay(Date.now(), timeZone);
    let live = true;
    const restart = (): void => {
      void home.serverHall().then(async (hall) => {
        if (!hall || !live) return;
        const next = await startInHall(home, identity, i18n, hall, sync);
        if (!live) return next.scores.dispose();
        services.scores.dispose();
        setState(ready(next));
      }, (err: unknown) => live && setState(failed(err)));
    };
    const off = sync.hallChanged.subscribe(restart);
    const timer = setInterval(() => {
      const now = hallDay(Date.now(), timeZone);
      if (now !== day) {
        day = now;
        restart();
      }
    }, 60_000);
    return () => {
      live = false;
      off();
      clearInterval(timer);
    };
  }, [services, home, i18n]);

  if (state.kind === 'error') {
    return (
      <p className="boot" role="alert">
        {t('app.failed', { message: state.message })}
      </p>
    );
  }
  if (state.kind === 'sign-in') {
    const ulid = monotonicFactory();
    const signIn = async (username: string, password: string, hallId?: string): Promise<void> => {
      const deviceId = await home.deviceId(() => ulid(Date.now()));
      const last = await home.serverHall().catch(() => null);
      const sync = home.sync(deviceId, last?.setup.roster.hall.timeZone ?? FIRST_TIME_ZONE);
      const session: Session = await sync.signIn(username, password, hallId);
      await requestPersistence(navigator.storage);
      // The hall, its roster and schemes come with the first pull (signing in is online anyway).
      await sync.syncNow();
      const identity = { deviceId, account: session.account };
      // No hall yet (the first pull failed): the sign-in screen says so and the person tries again.
      const hall = await home.serverHall();
      if (!hall) throw new Error(t('app.noHall'));
      try {
        setState(ready(await startInHall(home, identity, i18n, hall, sync)));
      } catch (err) {
        setState(failed(err));
      }
    };
    const setLanguage = (l: string): void => {
      void switchLanguage(i18n, languageOf(l));
      void home.setLanguage(l);
    };
    return <SignIn hallName={state.hallName} onSignIn={signIn} onLanguage={setLanguage} />;
  }
  // Not keyed by run: a restart in a changed hall swaps the services under the same screens, so the person stays where
  // they were (the admin in the section they saved from, the inspector on the map).
  return <PatrolApp services={state.services} overlay={<ReloadPrompt />} />;
}
