import type { Refusal } from '../core/access/refusal';

/** Thrown when the device refuses an act the server would refuse too, with checkEvent's reason (the screens word it). */
export class ActRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.kind);
    this.name = 'ActRefused';
  }
}
