import type { FindingEvent, FindingRecorded } from '../core/events/events';
import { foldFinding } from '../core/events/foldFinding';
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
    point: { state: 'recorded', author: e.actorId, changedBy: null, rectifiedAt: null },
  };
  if (e.windowId) f.windowId = e.windowId;
  if (e.staffId) f.staffId = e.staffId;
  if (e.unitId) f.unitId = e.unitId;
  if (e.inputs) f.inputs = e.inputs;
  if (e.note) f.note = e.note;
  if (e.sourceRef) f.sourceRef = e.sourceRef;
  return f;
}

/**
 * One finding from all its events, folded by the shared core (foldFinding: one total order, the first act wins),
 * so the tablet's log, every other device and the server agree exactly. Null without the recording.
 */
export function foldLogged(events: readonly FindingEvent[], day: string): LoggedFinding | null {
  const folded = foldFinding(events);
  const recorded = events.find((e): e is FindingRecorded => e.type === 'finding.recorded');
  if (!folded || !recorded) return null;
  const out: LoggedFinding = { ...findingFromRecorded(recorded, day), state: folded.finding.state, point: folded.point };
  if (folded.finding.amended) out.amended = folded.finding.amended;
  if (folded.finding.rectifiedAt) out.rectifiedAt = folded.finding.rectifiedAt;
  if (out.state === 'voided') {
    const ignored = new Set(folded.ignored.map((i) => i.eventId));
    const v = events.find((e) => e.type === 'finding.voided' && !ignored.has(e.id));
    if (v?.type === 'finding.voided') out.voided = { at: v.at, actorId: v.actorId, ...(v.code ? { code: v.code } : {}), ...(v.reason ? { reason: v.reason } : {}) };
  }
  return out;
}

/** Group stored events (any order) by finding. */
export function eventsByFinding(rows: readonly { event: FindingEvent }[]): Map<string, FindingEvent[]> {
  const out = new Map<string, FindingEvent[]>();
  for (const r of rows) {
    const list = out.get(r.event.findingId);
    if (list) list.push(r.event);
    else out.set(r.event.findingId, [r.event]);
  }
  return out;
}

/** Fold stored events (any order) into findings by id with the shared fold. Events of findings not recorded here are left out. */
export function foldEvents(rows: readonly { event: FindingEvent; day: string }[]): Map<string, LoggedFinding> {
  const days = new Map<string, string>();
  for (const r of rows) if (r.event.type === 'finding.recorded') days.set(r.event.findingId, r.day);
  const out = new Map<string, LoggedFinding>();
  for (const [id, events] of eventsByFinding(rows)) {
    const day = days.get(id);
    const f = day === undefined ? null : foldLogged(events, day);
    if (f) out.set(id, f);
  }
  return out;
}
