import type { PatrolDevice } from '../patrolDevice';
import type { ScoreService } from './scoreService';

/**
 * Keep the provisional scoring in step with the hall's `countPendingInProvisional` as the device last read it from
 * the pulls (it re-reads after every sync that stored something, settings included).
 */
export function followReviewSettings(device: Pick<PatrolDevice, 'pulled'>, scores: Pick<ScoreService, 'setCountPending'>): () => void {
  const apply = (): void => scores.setCountPending(device.pulled.get().review.countPendingInProvisional);
  apply();
  return device.pulled.subscribe(apply);
}
