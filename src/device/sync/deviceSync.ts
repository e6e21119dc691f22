/**
 * The sync side of the tablet, loaded on demand (it brings zod, which the patrol's first screen does not need):
 * the sync client over the device's database, signing in, and enrolling a chief for hand-over.
 */
import type { PullResult } from '../../core/protocol/messages';
import type { PatrolDb } from '../patrolDb';
import { enrollChief, rememberUnlock } from '../session/handOverStore';
import type { HandOverChief } from '../session/handOverStore';
import { newHandOverKey, unsealHandOverKey } from '../session/handOverKey';
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
  signIn(username: string, password: string, hallId?: string): Promise<Session>;
  /**
   * A chief signs in once on this tablet (online), registers a hand-over key sealed under the PIN they pick, and is
   * signed out again at once (the chief's token never stays on the tablet); the inspector's session stays.
   */
  enrollChief(username: string, password: string, pin: string): Promise<HandOverChief>;
}

/** Make the device's sync (not started: call client.start()). */
export function createDeviceSync(o: DeviceSyncOptions): DeviceSync {
  const store = patrolDbSyncStore(o.db, o.timeZone);
  const client = createSyncClient({ baseUrl: o.baseUrl ?? '', deviceId: o.deviceId, deviceName: tabletName(), store, onPulled: o.onPulled });
  return {
    client,
    async signIn(username, password, hallId) {
      await client.signIn(username, password, hallId);
      const session = await store.session();
      if (!session) throw new SyncFailure('protocol', 'the sign-in was not stored');
      await rememberUnlock(o.db, password);
      return session;
    },
    async enrollChief(username, password, pin) {
      let token: string | null = null;
      const api = syncApi({ baseUrl: o.baseUrl ?? '', fetch: (...a) => fetch(...a), timeoutMs: 30_000, token: () => token });
      const r = await api.login(username, password, o.deviceId, tabletName());
      token = r.token;
      try {
        if (r.account.role !== 'chief') throw new SyncFailure('protocol', `${username} is not a chief`);
        const made = await newHandOverKey(pin);
        const key = { ...made.sealed, keyId: await api.registerKey(made.publicKey) };
        await enrollChief(o.db, r.account, pin, key);
        const sign = await unsealHandOverKey(key, pin);
        if (!sign) throw new SyncFailure('protocol', 'the hand-over key could not be opened');
        return { ...r.account, sign };
      } finally {
        await api.logout().catch(() => undefined);
      }
    },
  };
}

function tabletName(): string {
  return typeof navigator === 'undefined' ? 'tablet' : `tablet (${navigator.userAgent.slice(0, 60)})`;
}
