import type { AdminApi } from '../admin/adminApi';
import type { HandOverChief } from '../session/handOverStore';
import { ObservableValue } from '../observableValue';
import type { PatrolDb } from '../patrolDb';
import type { FetchPhotoFailure } from '../photos/fetchPhoto';
import type { ResultsClient } from '../results/resultsClient';
import type { DeviceSync } from './deviceSync';
import { readSession } from '../session/sessionStore';
import { patrolDbSyncStore } from './patrolDbSyncStore';
import { initialSyncState } from './syncState';
import type { SyncState } from './syncState';
import type { Session } from './syncStore';

/** The app's handle on sync: state to show, and the acts; the sync code itself (zod included) loads on first use. */
export interface SyncHandle {
  readonly state: ObservableValue<SyncState>;
  /** Increases after a sync run that stored pulled data (events, the hall, accounts, settings), so the device re-reads it. */
  readonly pulled: ObservableValue<number>;
  /** Increases after a sync run that pulled a changed hall setup or scheme versions: the app starts again in it. */
  readonly hallChanged: ObservableValue<number>;
  start(): void;
  syncNow(): Promise<void>;
  localChange(): void;
  /** Sign in online; a centre administrator names the hall (`hallId`), an account of a hall leaves it out. */
  signIn(username: string, password: string, hallId?: string): Promise<Session>;
  enrollChief(username: string, password: string, pin: string): Promise<HandOverChief>;
  signOut(): Promise<void>;
  /** Download another device's photo into the photo store (loaded on first use); the stored blob, or why not. */
  fetchPhoto(hash: string, findingId: string): Promise<{ blob: Blob } | { failed: FetchPhotoFailure }>;
  /**
   * The admin's server calls under the stored sign-in (loaded on first use, with the admin screens); with `hallId`, a
   * centre administrator's calls for another hall they manage, under a token of this device for that hall (kept in
   * memory only: the device's own sign-in and hall stay).
   */
  admin(hallId?: string): Promise<AdminApi>;
  /** The server's results, publications and exports under this device's sign-in (loaded on first use). */
  openResults(): Promise<ResultsClient>;
}

/** Load the device's sync module (a separate chunk, precached for offline use). */
export function loadDeviceSync(o: {
  db: PatrolDb;
  deviceId: string;
  timeZone: string;
  baseUrl?: string;
  onPulled?: (events: number, hall: boolean) => void;
}): Promise<DeviceSync> {
  return import('./deviceSync').then((m) =>
    m.createDeviceSync({
      ...o,
      onPulled: (page) =>
        o.onPulled?.(page.events.length + page.schemes.length + (page.setup ? 1 : 0) + (page.accounts ? 1 : 0) + (page.review ? 1 : 0), Boolean(page.setup) || page.schemes.length > 0),
    }),
  );
}

/** A sync handle over the device database; nothing is loaded or started until start() or an act. */
export function syncHandle(o: { db: PatrolDb; deviceId: string; timeZone: string; baseUrl?: string }): SyncHandle {
  const state = new ObservableValue<SyncState>(initialSyncState());
  const pulled = new ObservableValue(0);
  const hallChanged = new ObservableValue(0);
  let got = 0;
  let gotHall = false;
  let loading: Promise<DeviceSync> | null = null;
  let reported = false;
  // Until the sync code has loaded, show what the device's own tables say: what waits, and when it last synced.
  const store = patrolDbSyncStore(o.db, o.timeZone);
  void Promise.all([store.counts(), store.lastSuccessAt()]).then(
    ([c, lastSuccessAt]) => {
      if (!reported) state.set({ ...state.get(), pendingEvents: c.events, pendingPhotos: c.photos, rejectedEvents: c.rejected, oldestPendingAt: c.oldestPendingAt, lastSuccessAt });
    },
    () => undefined,
  );
  let started = false;
  const load = (): Promise<DeviceSync> => {
    loading ??= loadDeviceSync({
      ...o,
      onPulled: (n, hall) => {
        got += n;
        gotHall ||= hall;
      },
    }).then((s) => {
      s.client.subscribe((st) => {
        reported = true;
        state.set(st);
        // A finished run that stored pulled events: tell the views once, not per page.
        if (st.phase !== 'syncing' && got > 0) {
          got = 0;
          pulled.set(pulled.get() + 1);
        }
        if (st.phase !== 'syncing' && gotHall) {
          gotHall = false;
          hallChanged.set(hallChanged.get() + 1);
        }
      });
      return s;
    });
    return loading;
  };
  return {
    state,
    pulled,
    hallChanged,
    start: () => {
      if (started) return;
      started = true;
      void load().then((s) => s.client.start());
    },
    syncNow: async () => {
      await (await load()).client.syncNow();
    },
    localChange: () => void load().then((s) => s.client.localChange()),
    signIn: async (u, p, hallId) => (await load()).signIn(u, p, hallId),
    enrollChief: async (u, p, pin) => (await load()).enrollChief(u, p, pin),
    signOut: async () => (await load()).client.signOut(),
    openResults: () => import('../results/resultsClient').then((m) => m.resultsClient({ db: o.db, ...(o.baseUrl !== undefined ? { baseUrl: o.baseUrl } : {}) })),
    fetchPhoto: async (hash, findingId) => {
      const [session, { fetchPhoto }] = await Promise.all([readSession(o.db), import('../photos/fetchPhoto')]);
      return fetchPhoto(o.db, hash, findingId, { baseUrl: o.baseUrl ?? '', token: session?.token ?? null });
    },
    admin: async (hallId) => {
      const { adminApi } = await import('../admin/adminApi');
      const own = adminApi({ baseUrl: o.baseUrl ?? '', token: async () => (await readSession(o.db))?.token ?? null });
      if (!hallId) return own;
      const token = await own.hallToken(hallId);
      return adminApi({ baseUrl: o.baseUrl ?? '', token: () => Promise.resolve(token) });
    },
  };
}
