import type { ReviewState } from '../model/finding';
import type { Ignored } from './applyEvent';
import type { FindingEvent } from './events';
import { foldSteps } from './foldSteps';

/** One line of a finding's audit trail: who did what, when, on which device, and what it did to the finding. */
export interface AuditEntry {
  eventId: string;
  type: FindingEvent['type'];
  /** When the act happened, by the acting device's clock. */
  at: string;
  actorId: string;
  deviceId: string;
  /** False: the event is kept (events are never deleted) but did not apply; `ignored` says why. */
  applied: boolean;
  ignored?: Ignored;
  /** Review state before and after (equal when ignored; null before the recording). */
  before: ReviewState | null;
  after: ReviewState | null;
  /** The event itself, for what it said (reason, decision, notice, signer, photos, note). */
  event: FindingEvent;
}

/**
 * The audit trail of one finding: every event, in the fold's total order (recording first, then by id), applied or
 * ignored with the reason. Append-only by construction: events are immutable and a new event only adds a line (it
 * may turn a later line to ignored, when it happened earlier: see foldSteps).
 */
export function auditTrail(events: readonly FindingEvent[]): AuditEntry[] {
  return foldSteps(events).steps.map(({ event, applied, ignored, before, after }) => {
    const entry: AuditEntry = {
      eventId: event.id,
      type: event.type,
      at: event.at,
      actorId: event.actorId,
      deviceId: event.deviceId,
      applied,
      before,
      after,
      event,
    };
    if (!applied && ignored) entry.ignored = ignored;
    return entry;
  });
}
