import type { FoldPoint } from '../core/events/applyEvent';
import type { VoidCode } from '../core/events/voidCodes';
import type { Finding } from '../core/model/finding';

/**
 * A finding as the tablet shows and scores it: the engine's view (state folded from its events, `at` = when the act
 * was observed) plus what the log needs (scheme, author, evidence, the void).
 */
export interface LoggedFinding extends Finding {
  schemeId: string;
  schemeVersion: number;
  /** When it was recorded (the recorded event's `at`). */
  recordedAt: string;
  /** The hall-local date of the observation. */
  day: string;
  actorId: string;
  deviceId: string;
  note?: string;
  /** A ledger entry's source (ledger page, complaint number). */
  sourceRef?: string;
  /** SHA-256 hex of each evidence photo. */
  photos: string[];
  /** The void that applied: its code, and the author's own words when given (older voids carry words only). */
  voided?: { at: string; actorId: string; code?: VoidCode; reason?: string };
  /** Where the fold of its events stands (state, author, the act that got there): what allowedActs judges the next act by. */
  point: FoldPoint;
}
