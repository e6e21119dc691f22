import type { PatrolDb } from '../patrolDb';

/** The device's id, made once and kept for good (sign-ins, events and the server's device list name it). */
export async function ensureDeviceId(db: PatrolDb, newId: () => string): Promise<string> {
  return db.transaction('rw', db.device, async () => {
    const old = await db.device.get('device');
    if (old && typeof old.deviceId === 'string' && old.deviceId) return old.deviceId;
    const deviceId = `device-${newId()}`;
    await db.device.put({ ...old, key: 'device', deviceId });
    return deviceId;
  });
}
