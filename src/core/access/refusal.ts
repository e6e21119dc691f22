import type { Ignored } from '../events/applyEvent';
import type { FindingEventType } from '../events/events';
import type { PlacementProblem } from '../model/placement';
import type { SubjectKind } from '../scheme/schemeSchema';
import type { InputProblem } from '../scheme/ruleInputs';
import type { Role } from './roles';

/**
 * Why an act (an event) is refused, as data: the server joins it into words for its answer, the tablet translates it
 * where the person acts. checkEvent and allowedActs return these, so every refusal has one cause everywhere.
 */
export type Refusal =
  /** The named actor may not act here (not an account allowed on this device). */
  | { kind: 'unknown-actor'; actorId: string }
  /** The actor's role may not take this act. */
  | { kind: 'role'; role: Role; act: FindingEventType; allowed: readonly Role[] }
  /** The finding is charged outside the actor's units and windows. */
  | { kind: 'scope'; unitId: string | null; windowId: string | null }
  /** The event's time is ahead of the checking clock by more than the hall's tolerance (retryable: time catches up). */
  | { kind: 'clock-ahead'; at: string; now: string; minutes: number; toleranceMinutes: number }
  /** An act dated before the finding was recorded. */
  | { kind: 'before-recording'; at: string; recordedAt: string }
  /** The contest period ended (lastDay, hall time) before the contest was made. */
  | { kind: 'contest-closed'; lastDay: string; days: number; at: string }
  /** The contest reached the checking clock (`now`) more than the hall's offline grace after the period ended. */
  | { kind: 'contest-arrived-late'; lastDay: string; now: string; graceHours: number }
  /** The finding is not here yet (retryable: its recording may still arrive). */
  | { kind: 'finding-unknown'; findingId: string }
  | { kind: 'scheme-unknown'; schemeId: string; schemeVersion: number }
  /**
   * The recording's scheme version is not the one the hall's schedule has in force on the finding's hall-local day
   * (inForce: the version that is; null: no version of that scheme is in force that day).
   */
  | { kind: 'scheme-version-not-in-force'; schemeId: string; schemeVersion: number; day: string; inForce: number | null }
  | { kind: 'item-unknown'; itemId: string; schemeId: string; schemeVersion: number }
  /** What the item's rule asks for is missing or out of range. */
  | { kind: 'inputs'; itemId: string; problems: InputProblem[] }
  /** The person, window and unit named do not hold together, or are not in the roster. */
  | { kind: 'placement'; problems: PlacementProblem[] }
  /** The roster has no subject of the kind the item charges for what was named. */
  | { kind: 'no-subject'; itemId: string; subject: SubjectKind }
  /** An amendment names neither another item nor other inputs. */
  | { kind: 'amendment-empty' }
  /** An office account may record only the ledger items of its own offices (officeRefusal). */
  | { kind: 'office'; itemId: string; office: string; source: 'patrol' | 'ledger'; offices: readonly string[] }
  /** An office's ledger recording names no source reference (ledger page, complaint number). */
  | { kind: 'source-missing'; itemId: string }
  /** A recording observed later than it was made (beyond the hall's clock tolerance): nothing is recorded ahead. */
  | { kind: 'observed-ahead'; observedAt: string; at: string }
  /** The period the finding falls in was published for this scheme: it is revised with a reason, not edited. */
  | { kind: 'period-published'; schemeId: string; period: string }
  /** The act does not apply to the finding as its events stand (state, author, once): the fold's reason. */
  | { kind: 'fold'; ignored: Ignored };
