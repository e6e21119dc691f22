import type { Finding, FindingInputs, ReviewState } from '../scoring/inputs';
import type { FindingEvent, FindingRecorded } from './events';

/** A finding folded from its events: the engine's Finding plus where it came from and what was ignored. */
export interface FoldedFinding {
  finding: Finding;
  schemeId: string;
  schemeVersion: number;
  recordedBy: string;
  /** Events that did not apply in the state they met (a decision on a finding nobody contested), with why. */
  ignored: { eventId: string; reason: string }[];
}

/** The states each event type may be applied in; anything else is ignored by the fold (and rejected by sync). */
export const APPLIES_IN: Record<Exclude<FindingEvent['type'], 'finding.recorded'>, readonly ReviewState[]> = {
  // A void withdraws the author's own mistake before anyone else acted on it (as the tablet's log folds it).
  'finding.voided': ['recorded'],
  'finding.acknowledged': ['recorded'],
  'finding.contested': ['recorded', 'acknowledged'],
  'contest.decided': ['contested'],
  'contest.reopened': ['upheld', 'overturned', 'amended'],
  'finding.rectified': ['recorded', 'acknowledged', 'contested', 'upheld', 'amended'],
};

/**
 * Total order of a finding's events: the recording first, then by id. Ids are ULIDs made from the device clock at
 * the act, so id order is time order, and it needs no parsing and never ties.
 */
export function compareEvents(a: FindingEvent, b: FindingEvent): number {
  const ra = a.type === 'finding.recorded' ? 0 : 1;
  const rb = b.type === 'finding.recorded' ? 0 : 1;
  if (ra !== rb) return ra - rb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The review state one more event leads to, or why it does not apply. */
export function applyEvent(
  state: ReviewState,
  event: FindingEvent,
  author: string,
): { ok: true; state: ReviewState } | { ok: false; reason: string } {
  if (event.type === 'finding.recorded') return { ok: false, reason: 'the finding is already recorded' };
  if (event.type === 'finding.voided' && event.actorId !== author) return { ok: false, reason: `only the author ${author} may void the finding` };
  if (!APPLIES_IN[event.type].includes(state)) {
    return { ok: false, reason: `${event.type} does not apply to a finding that is ${state}` };
  }
  switch (event.type) {
    case 'finding.voided':
      return { ok: true, state: 'voided' };
    case 'finding.acknowledged':
      return { ok: true, state: 'acknowledged' };
    case 'finding.contested':
      return { ok: true, state: 'contested' };
    case 'contest.decided':
      return { ok: true, state: event.decision === 'uphold' ? 'upheld' : event.decision === 'overturn' ? 'overturned' : 'amended' };
    case 'contest.reopened':
      return { ok: true, state: 'contested' };
    case 'finding.rectified':
      return { ok: true, state };
  }
}

/**
 * Fold one finding's events (any order, duplicates allowed) to its review state. Deterministic: every device and the
 * server get the same result from the same set of events. Returns null when the recording itself is missing.
 */
export function foldFinding(events: readonly FindingEvent[]): FoldedFinding | null {
  const seen = new Set<string>();
  const sorted = [...events].filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true))).sort(compareEvents);
  const recorded = sorted[0];
  if (!recorded || recorded.type !== 'finding.recorded') return null;
  let state: ReviewState = 'recorded';
  let amended: { itemId?: string; inputs?: FindingInputs } | undefined;
  let rectifiedAt: string | undefined;
  const ignored: FoldedFinding['ignored'] = [];
  for (const e of sorted.slice(1)) {
    const next = applyEvent(state, e, recorded.actorId);
    if (!next.ok) {
      ignored.push({ eventId: e.id, reason: next.reason });
      continue;
    }
    state = next.state;
    if (e.type === 'contest.decided') amended = e.decision === 'amend' ? e.amended : undefined;
    if (e.type === 'contest.reopened') amended = undefined;
    if (e.type === 'finding.rectified') rectifiedAt = e.at;
  }
  return {
    finding: toFinding(recorded, state, amended, rectifiedAt),
    schemeId: recorded.schemeId,
    schemeVersion: recorded.schemeVersion,
    recordedBy: recorded.actorId,
    ignored,
  };
}

function toFinding(r: FindingRecorded, state: ReviewState, amended: Finding['amended'], rectifiedAt: string | undefined): Finding {
  const f: Finding = { id: r.findingId, itemId: r.itemId, at: r.observedAt, state };
  if (r.staffId) f.staffId = r.staffId;
  if (r.windowId) f.windowId = r.windowId;
  if (r.unitId) f.unitId = r.unitId;
  if (r.inputs) f.inputs = r.inputs;
  if (amended) f.amended = amended;
  if (rectifiedAt) f.rectifiedAt = rectifiedAt;
  return f;
}
