import { useContext } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { StoreContext } from './StoreContext';
import type { PatrolState } from './patrolStore';

/** The UI store itself, for event handlers that read the latest state without subscribing to it. */
export function usePatrolStoreApi(): StoreApi<PatrolState> {
  const store = useContext(StoreContext);
  if (!store) throw new Error('usePatrolStoreApi outside <StoreContext>');
  return store;
}
