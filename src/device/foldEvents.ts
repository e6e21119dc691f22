import type { FindingEvent, FindingRecorded } from '../core/events/events';
import { applyEvent as nextState } from '../core/events/foldFinding';
import type { LoggedFinding } from './loggedFinding';

/** The finding a recorded event creates, in state 'recorded'. */
export function findingFromRecorded(e: FindingRecorded, day: string): LoggedFinding {
  const f: LoggedFinding = {
    id: e.findingId,
    itemId: e.itemId,
    at: e.observedAt,
    state: 'recorded',
    schemeId: e.schemeId,
    schemeVersion: e.schemeVersion,
    recordedAt: e.at,
    day,
    actorId: e.actorId,
    deviceId: e.deviceId,
    photos: e.photos,
  };
  if (e.windowId) f.windowId = e.windowId;
  if (e.staffId) f.staffId = e.staffId;
  if (e.unitId) f.unitId = e.unitId;
  if (e.inputs) f.inputs = e.inputs;
  if (e.note) f.note = e.note;
  return f;
}

/**
 * Apply one later event to a finding, returning the new finding (or the same one when the event does not apply).
 * Which event applies in which state is the shared core's rule (core/events/foldFinding), so the tablet's log folds
 * exactly as the server and every other device do: only the author voids, and only a finding still recorded.
 */
export function applyEvent(f: LoggedFinding, e: FindingEvent): LoggedFinding {
  const next = nextState(f.state, e, f.actorId);
  if (!next.ok) return f;
  const out: LoggedFinding = { ...f, state: next.state };
  if (e.type === 'finding.voided') out.voided = { at: e.at, reason: e.reason, actorId: e.actorId };
  if (e.type === 'contest.decided') {
    if (e.decision === 'amend' && e.amended) out.amended = e.amended;
    else delete out.amended;
  }
  if (e.type === 'contest.reopened') delete out.amended;
  if (e.type === 'finding.rectified') out.rectifiedAt = e.at;
  return out;
}

/** Fold stored events (any order) into findings by id. Events about findings not among them are ignored. */
export function foldEvents(rows: readonly { event: FindingEvent; day: string }[]): Map<string, LoggedFinding> {
  const out = new Map<string, LoggedFinding>();
  for (const r of rows) if (r.event.type === 'finding.recorded') out.set(r.event.findingId, findingFromRecorded(r.event, r.day));
  const later = rows.filter((r) => r.event.type !== 'finding.recorded').sort((a, b) => (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  for (const r of later) {
    const f = out.get(r.event.findingId);
    if (f) out.set(f.id, applyEvent(f, r.event));
  }
  return out;
}
