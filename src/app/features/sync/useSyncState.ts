import { useSyncExternalStore } from 'react';
import { initialSyncState } from '../../../device/sync/syncState';
import type { SyncState } from '../../../device/sync/syncState';
import { useServices } from '../../services/useServices';

const IDLE = initialSyncState();
const none = (): (() => void) => () => undefined;

/** The sync state as the client reports it (the initial state when this app has no sync). */
export function useSyncState(): SyncState {
  const { sync } = useServices();
  return useSyncExternalStore(sync?.state.subscribe ?? none, sync?.state.get ?? (() => IDLE));
}
