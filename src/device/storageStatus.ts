/** What the browser says about this site's storage: whether it is kept under pressure, and how much is used. */
export interface StorageStatus {
  /** null when the browser cannot tell (no StorageManager). */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

type StorageApi = Pick<StorageManager, 'persisted' | 'persist' | 'estimate'>;

/** Ask the browser to keep the data even under storage pressure (navigator.storage.persist); returns the answer. */
export async function requestPersistence(storage: StorageApi | undefined): Promise<boolean | null> {
  if (!storage?.persist) return null;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

/** Read whether storage is persistent and the usage estimate. */
export async function readStorageStatus(storage: StorageApi | undefined): Promise<StorageStatus> {
  if (!storage) return { persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    storage.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}
