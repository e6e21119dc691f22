import type { Refusal } from '../core/access/refusal';

/** One refused event of a write: its position among the events written (a ledger import's row), and checkEvent's reason. */
export interface IndexedRefusal {
  index: number;
  refusal: Refusal;
}

/**
 * Thrown when the device refuses a write the server would refuse too, with checkEvent's reason for every refused event
 * of it (the screens word them); nothing of the write is stored. `refusal` and `index` are the first one's.
 */
export class ActRefused extends Error {
  readonly refusals: readonly IndexedRefusal[];
  readonly refusal: Refusal;
  readonly index: number;

  constructor(first: IndexedRefusal, ...more: IndexedRefusal[]) {
    super(first.refusal.kind);
    this.name = 'ActRefused';
    this.refusals = [first, ...more];
    this.refusal = first.refusal;
    this.index = first.index;
  }
}
