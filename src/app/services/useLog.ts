import { useSyncExternalStore } from 'react';
import type { LogSnapshot } from '../../device/findingLog';
import { useServices } from './useServices';

/** The in-memory finding log (re-renders on every recorded or voided finding). */
export function useLog(): LogSnapshot {
  const { device } = useServices();
  return useSyncExternalStore(device.log.subscribe, device.log.get);
}
