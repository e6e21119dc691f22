import type { PatrolDevice } from '../patrolDevice';
import type { SyncHandle } from './syncHandle';

/**
 * Join the device and sync, one way each: every local write (a finding, a void, a review act) asks for a push; a
 * sync that stored pulled data makes the device re-read it (the loaded range, the pulled hall), which writes nothing
 * here and so asks for no push. Returns the disconnect.
 */
export function connectSync(device: Pick<PatrolDevice, 'onCommitted' | 'reload' | 'refreshPulled'>, sync: Pick<SyncHandle, 'localChange' | 'pulled'>): () => void {
  const offCommitted = device.onCommitted(() => sync.localChange());
  const offPulled = sync.pulled.subscribe(() => {
    void device.reload();
    void device.refreshPulled();
  });
  return () => {
    offCommitted();
    offPulled();
  };
}
