import type { PatrolDb } from './patrolDb';

/**
 * Who is recording on this device. Until accounts exist (next issue) the inspector is a local identity: a device id
 * made once, and an actor id + name chosen on the first-run screen.
 */
export interface Identity {
  deviceId: string;
  actorId: string;
  inspectorName: string;
}

/** The stored identity, or null before the first-run screen was completed. */
export async function loadIdentity(db: PatrolDb): Promise<Identity | null> {
  const rows = await db.meta.bulkGet(['deviceId', 'actorId', 'inspectorName']);
  const [deviceId, actorId, inspectorName] = rows.map((r) => r?.value);
  return deviceId && actorId && inspectorName ? { deviceId, actorId, inspectorName } : null;
}

/**
 * Save the inspector's name. The device id is made once and kept; the actor id is kept while the name stays the
 * same, and a different name is a different inspector (a new actor id), so authorship of old findings is kept.
 */
export async function saveIdentity(db: PatrolDb, inspectorName: string, newId: () => string): Promise<Identity> {
  return db.transaction('rw', db.meta, async () => {
    const old = await loadIdentity(db);
    const deviceId = old?.deviceId ?? (await db.meta.get('deviceId'))?.value ?? `device-${newId()}`;
    const actorId = old && old.inspectorName === inspectorName ? old.actorId : `inspector-${newId()}`;
    await db.meta.bulkPut([
      { key: 'deviceId', value: deviceId },
      { key: 'actorId', value: actorId },
      { key: 'inspectorName', value: inspectorName },
    ]);
    return { deviceId, actorId, inspectorName };
  });
}
