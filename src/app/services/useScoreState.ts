import { useSyncExternalStore } from 'react';
import type { ScoreState } from '../../device/scoring/scoreService';
import { useServices } from './useServices';

/** The latest provisional results. */
export function useScoreState(): ScoreState {
  const { scores } = useServices();
  return useSyncExternalStore(scores.state.subscribe, scores.state.get);
}
