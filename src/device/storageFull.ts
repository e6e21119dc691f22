/**
 * Whether a failed write failed because the device's storage quota is exhausted. IndexedDB reports it as a
 * QuotaExceededError, which Dexie passes on either directly or as the inner error of an aborted transaction.
 */
export function isStorageFull(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && typeof e === 'object' && e !== null; depth++) {
    const { name, inner } = e as { name?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    e = inner;
  }
  return false;
}
