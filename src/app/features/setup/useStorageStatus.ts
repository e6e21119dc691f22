import { useCallback, useEffect, useState } from 'react';
import { readStorageStatus, requestPersistence } from '../../../device/storageStatus';
import type { StorageStatus } from '../../../device/storageStatus';
import type { StorageApi } from '../../services/AppServices';

/** Storage persistence and usage, refreshed on demand; `persist` asks the browser again. */
export function useStorageStatus(storage: StorageApi | undefined): { status: StorageStatus | null; refresh: () => void; persist: () => void } {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const refresh = useCallback(() => {
    void readStorageStatus(storage).then(setStatus);
  }, [storage]);
  const persist = useCallback(() => {
    void requestPersistence(storage).then(refresh);
  }, [storage, refresh]);
  useEffect(refresh, [refresh]);
  return { status, refresh, persist };
}
