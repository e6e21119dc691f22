import { useEffect, useState } from 'react';
import { DEFAULT_REVIEW_SETTINGS } from '../../../core/events/defaultReviewSettings';
import type { PulledHall } from '../../../device/sync/pulledHall';
import { useServices } from '../../services/useServices';
import { usePulledVersion } from './usePulledVersion';

const EMPTY: PulledHall = { accounts: [], review: DEFAULT_REVIEW_SETTINGS };

/** The hall's accounts and review settings as last pulled (re-read after each pull that brought something). */
export function usePulledHall(): PulledHall {
  const { pulledHall, account } = useServices();
  const version = usePulledVersion();
  const [hall, setHall] = useState<PulledHall>(EMPTY);
  useEffect(() => {
    let live = true;
    pulledHall?.().then((h) => live && setHall(h), () => undefined);
    return () => {
      live = false;
    };
  }, [pulledHall, version]);
  // The signed-in account is known before the first pull.
  return account && !hall.accounts.some((a) => a.id === account.id) ? { ...hall, accounts: [...hall.accounts, account] } : hall;
}

/** An account's display name by id (the id itself when unknown). */
export function useAccountName(): (id: string) => string {
  const { accounts } = usePulledHall();
  return (id) => accounts.find((a) => a.id === id)?.name ?? id;
}
