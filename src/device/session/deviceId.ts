import type { PatrolDb } from '../patrolDb';

/** The device's id, made once and kept for good (sign-ins, events and the server's device list name it). */
export async function ensureDeviceId(db: PatrolDb, newId: () => string): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const old = (await db.meta.get('deviceId'))?.value;
    if (old) return old;
    const id = `device-${newId()}`;
    await db.meta.put({ key: 'deviceId', value: id });
    return id;
  });
}
