import { ActRefused } from '../../../device/actRefused';
import { isStorageFull } from '../../../device/storageFull';
import type { SaveProblem } from '../../store/patrolStore';

/** What went wrong with a write, as the panel says it: refused by the core (with why), a full disk, or a failed save. */
export function saveError(err: unknown): SaveProblem {
  if (err instanceof ActRefused) return { refused: err.refusal };
  return isStorageFull(err) ? 'storage-full' : 'save-failed';
}
