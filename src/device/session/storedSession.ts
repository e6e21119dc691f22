import type { Identity } from '../identity';
import type { PatrolDb } from '../patrolDb';
import type { Session } from '../sync/syncStore';
import { readSession } from './sessionStore';

/**
 * The device's stored sign-in and the identity it records under (the device and the account), or null before the
 * first sign-in. An expired sign-in still opens the tablet: recording goes on offline, and sync asks to sign in again.
 */
export async function storedSession(db: PatrolDb): Promise<{ session: Session; identity: Identity } | null> {
  const [session, device] = await Promise.all([readSession(db), db.device.get('device')]);
  const deviceId = typeof device?.deviceId === 'string' ? device.deviceId : '';
  if (!session || !deviceId) return null;
  return { session, identity: { deviceId, account: session.account } };
}
