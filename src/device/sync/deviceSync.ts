/**
 * The sync side of the tablet, loaded on demand (it brings zod, which the patrol's first screen does not need):
 * the sync client over the device's database, signing in, and enrolling a chief for hand-over.
 */
import type { PullResult } from '../../core/protocol/messages';
import type { AccountSummary } from '../../core/access/account';
import type { PatrolDb } from '../patrolDb';
import { enrollChief, rememberUnlock } from '../session/handOverStore';
import { patrolDbSyncStore } from './patrolDbSyncStore';
import { syncApi, SyncFailure } from './syncApi';
import { createSyncClient } from './syncClient';
import type { SyncClient } from './syncClient';
import type { Session } from './syncStore';

export { SyncFailure };

export interface DeviceSyncOptions {
  db: PatrolDb;
  deviceId: string;
  timeZone: string;
  baseUrl?: string;
  onPulled?: (page: PullResult) => void;
}

/** The device's sync client plus sign-in that also keeps an offline unlock verifier. */
export interface DeviceSync {
  client: SyncClient;
  /** Sign in online; stores the session (token + account) and a verifier to unlock the session offline later. */
  signIn(username: string, password: string): Promise<Session>;
  /** A chief signs in once on this tablet (online) and picks a PIN for hand-over; the inspector's session stays. */
  enrollChief(username: string, password: string, pin: string): Promise<AccountSummary>;
}

/** Make the device's sync (not started: call client.start()). */
export function createDeviceSync(o: DeviceSyncOptions): DeviceSync {
  const store = patrolDbSyncStore(o.db, o.timeZone);
  const client = createSyncClient({ baseUrl: o.baseUrl ?? '', deviceId: o.deviceId, deviceName: tabletName(), store, onPulled: o.onPulled });
  return {
    client,
    async signIn(username, password) {
      await client.signIn(username, password);
      const session = await store.session();
      if (!session) throw new SyncFailure('protocol', 'the sign-in was not stored');
      await rememberUnlock(o.db, password);
      return session;
    },
    async enrollChief(username, password, pin) {
      const api = syncApi({ baseUrl: o.baseUrl ?? '', fetch: (...a) => fetch(...a), timeoutMs: 30_000, token: () => null });
      const r = await api.login(username, password, o.deviceId, tabletName());
      if (r.account.role !== 'chief') throw new SyncFailure('protocol', `${username} is not a chief`);
      await enrollChief(o.db, r.account, pin);
      return r.account;
    },
  };
}

function tabletName(): string {
  return typeof navigator === 'undefined' ? 'tablet' : `tablet (${navigator.userAgent.slice(0, 60)})`;
}
