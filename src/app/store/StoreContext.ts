import { createContext } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { PatrolState } from './patrolStore';

/** The app instance's UI store. */
export const StoreContext = createContext<StoreApi<PatrolState> | null>(null);
