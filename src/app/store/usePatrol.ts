import { useContext } from 'react';
import { useStore } from 'zustand';
import { StoreContext } from './StoreContext';
import type { PatrolState } from './patrolStore';

/** Read a slice of the UI store (re-renders only when the slice changes). */
export function usePatrol<T>(selector: (s: PatrolState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('usePatrol outside <StoreContext>');
  return useStore(store, selector);
}
