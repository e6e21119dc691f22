import type { Finding, ReviewState } from '../model/finding';
import type { FindingInputs } from '../scheme/inputsSchema';
import type { FindingEvent, FindingRecorded } from './events';
import type { FoldPoint, Ignored } from './applyEvent';
import { foldSteps } from './foldSteps';

/** A finding folded from its events: the engine's Finding plus where it came from and what was ignored. */
export interface FoldedFinding {
  finding: Finding;
  schemeId: string;
  schemeVersion: number;
  recordedBy: string;
  /** When it was recorded (the recording's `at`): the contest deadline counts from its day. */
  recordedAt: string;
  /** Where the fold ended: the point the next act meets (access/allowedActs). */
  point: FoldPoint;
  /** Events that did not apply at the point they met (a decision on a finding nobody contested), with why. */
  ignored: { eventId: string; ignored: Ignored }[];
}

/**
 * Fold one finding's events (any order, duplicates allowed) to its review state. Deterministic: every device and the
 * server get the same result from the same set of events (the rule is foldSteps'). Returns null when the recording
 * itself is missing.
 */
export function foldFinding(events: readonly FindingEvent[]): FoldedFinding | null {
  const trace = foldSteps(events);
  const recorded = trace.recorded;
  if (!recorded || !trace.state || !trace.point) return null;
  let amended: { itemId?: string; inputs?: FindingInputs } | undefined;
  let rectifiedAt: string | undefined;
  const ignored: FoldedFinding['ignored'] = [];
  for (const { event: e, applied, ignored: why } of trace.steps) {
    if (!applied) {
      if (why) ignored.push({ eventId: e.id, ignored: why });
      continue;
    }
    if (e.type === 'contest.decided') amended = e.decision === 'amend' ? e.amended : undefined;
    if (e.type === 'contest.reopened') amended = undefined;
    if (e.type === 'finding.rectified') rectifiedAt ??= e.at;
  }
  return {
    finding: toFinding(recorded, trace.state, amended, rectifiedAt),
    schemeId: recorded.schemeId,
    schemeVersion: recorded.schemeVersion,
    recordedBy: recorded.actorId,
    recordedAt: recorded.at,
    point: trace.point,
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
