import type { PatrolDb } from '../patrolDb';

/** The language chosen on this device (undefined before anyone chose one); read on a cold start, before the first screen. */
export async function storedLanguage(db: PatrolDb): Promise<string | undefined> {
  const row = await db.device.get('device');
  return typeof row?.language === 'string' ? row.language : undefined;
}

/** Remember the language chosen on this device. */
export async function rememberLanguage(db: PatrolDb, language: string): Promise<void> {
  await db.transaction('rw', db.device, async () => {
    const row = await db.device.get('device');
    await db.device.put({ deviceId: '', ...row, key: 'device', language });
  });
}
