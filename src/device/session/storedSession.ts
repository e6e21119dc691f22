import type { Identity } from '../identity';
import type { PatrolDb } from '../patrolDb';
import { patrolDbSyncStore } from '../sync/patrolDbSyncStore';
import type { Session } from '../sync/syncStore';

/**
 * The device's stored sign-in and the identity it records under (the account's id and name), or null before the
 * first sign-in. An expired sign-in still opens the tablet: recording goes on offline, and sync asks to sign in again.
 */
export async function storedSession(db: PatrolDb, timeZone: string): Promise<{ session: Session; identity: Identity } | null> {
  const [session, deviceId] = await Promise.all([patrolDbSyncStore(db, timeZone).session(), db.meta.get('deviceId')]);
  if (!session || !deviceId) return null;
  return { session, identity: { deviceId: deviceId.value, actorId: session.account.id, inspectorName: session.account.name } };
}
