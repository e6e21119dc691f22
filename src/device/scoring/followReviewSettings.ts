import type { ObservableValue } from '../observableValue';
import type { PatrolDb } from '../patrolDb';
import { readPulledHall } from '../sync/pulledHall';
import type { SyncState } from '../sync/syncState';
import type { ScoreService } from './scoreService';

/**
 * Keep the provisional scoring in step with the hall's `countPendingInProvisional`, as the pulls stored it: read now,
 * and again after every sync run (settings may change without any event). Resolves once the first read is applied.
 */
export function followReviewSettings(db: PatrolDb, scores: Pick<ScoreService, 'setCountPending'>, syncState?: ObservableValue<SyncState>): Promise<void> {
  const apply = (): Promise<void> => readPulledHall(db).then((h) => scores.setCountPending(h.review.countPendingInProvisional));
  syncState?.subscribe(() => {
    if (syncState.get().phase !== 'syncing') void apply();
  });
  return apply();
}
