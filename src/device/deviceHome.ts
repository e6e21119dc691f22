import type { DexieOptions } from 'dexie';
import type { Identity } from './identity';
import type { ServerHall } from './patrolSchemesOn';
import { PatrolDevice } from './patrolDevice';
import type { DeviceRules } from './patrolDevice';
import { PatrolDb } from './patrolDb';
import { ensureDeviceId } from './session/deviceId';
import { rememberLanguage, storedLanguage } from './session/deviceSettings';
import { storedSession } from './session/storedSession';
import { syncHandle } from './sync/syncHandle';
import type { SyncHandle } from './sync/syncHandle';
import type { Session } from './sync/syncStore';

/**
 * The device as the app finds it at a cold start, before anyone works on it: what it remembers (the language, the
 * sign-in), its id, its sync, and the patrol device once someone has signed in. The app holds this handle and never
 * the database itself.
 */
export interface DeviceHome {
  /** The language chosen on this device, if any. */
  language(): Promise<string | undefined>;
  setLanguage(language: string): Promise<void>;
  /** The sign-in kept on this device and who records under it, or null before the first sign-in. */
  storedSession(): Promise<{ session: Session; identity: Identity } | null>;
  /** The device's id, made on first use. */
  deviceId(newId: () => string): Promise<string>;
  /** Sync for this device (loaded and started on demand). */
  sync(deviceId: string, timeZone: string, baseUrl?: string): SyncHandle;
  /**
   * The hall the server sent (setup and scheme versions, checked again as they are read: the validation loads as its
   * own chunk), or null before the first pull. An offline tablet keeps working in the last hall it pulled.
   */
  serverHall(): Promise<ServerHall | null>;
  /** The patrol device for the signed-in identity, checking acts against the hall's roster and schemes. */
  open(identity: Identity, timeZone: string, clock: () => Date, rules: DeviceRules | Promise<DeviceRules>): PatrolDevice;
}

/** The device's home over its IndexedDB database (a name and options for tests: fake-indexeddb). */
export function deviceHome(name?: string, options?: DexieOptions): DeviceHome {
  const db = new PatrolDb(name, options);
  return {
    language: () => storedLanguage(db),
    setLanguage: (language) => rememberLanguage(db, language),
    storedSession: () => storedSession(db),
    deviceId: (newId) => ensureDeviceId(db, newId),
    sync: (deviceId, timeZone, baseUrl) => syncHandle({ db, deviceId, timeZone, ...(baseUrl !== undefined ? { baseUrl } : {}) }),
    serverHall: async () => (await import('./sync/pulledHall')).readPulledSetup(db),
    open: (identity, timeZone, clock, rules) => new PatrolDevice(db, identity, timeZone, clock, rules),
  };
}
