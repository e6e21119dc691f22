import { useMemo, useSyncExternalStore } from 'react';
import type { PulledHall } from '../../device/sync/pulledHall';
import { useServices } from './useServices';

/** The hall's accounts and review settings as the device last read them from the pulls (it re-reads after each sync). */
export function usePulledHall(): PulledHall {
  const { device, account } = useServices();
  const hall = useSyncExternalStore(device.pulled.subscribe, device.pulled.get);
  // The signed-in account is known before the first pull.
  return useMemo(() => (account && !hall.accounts.some((a) => a.id === account.id) ? { ...hall, accounts: [...hall.accounts, account] } : hall), [hall, account]);
}

/** An account's display name by id (the id itself when unknown). */
export function useAccountName(): (id: string) => string {
  const { accounts } = usePulledHall();
  return (id) => accounts.find((a) => a.id === id)?.name ?? id;
}
