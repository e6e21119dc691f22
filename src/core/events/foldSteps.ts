import type { ReviewState } from '../model/finding';
import { applyEvent, compareEvents } from './applyEvent';
import type { EventRef, FoldPoint, Ignored } from './applyEvent';
import type { FindingEvent, FindingRecorded } from './events';

/** One event of a finding as the fold met it: applied (and the state it led to) or ignored (and why). */
export interface FoldStep {
  event: FindingEvent;
  applied: boolean;
  /** Why an ignored event did not apply, naming the event that got there first. */
  ignored?: Ignored;
  /** The state before the event (null before the recording) and after it (unchanged when ignored). */
  before: ReviewState | null;
  after: ReviewState | null;
}

/** A finding's events in fold order with what each did; `recorded` is undefined while the recording is missing. */
export interface FoldTrace {
  recorded: FindingRecorded | undefined;
  steps: FoldStep[];
  /** The final review state (null without a recording). */
  state: ReviewState | null;
  /** Where the fold ended: the point the next act would meet (null without a recording). */
  point: FoldPoint | null;
}

/** The reference of an event, as reasons name it. */
export function eventRef(e: FindingEvent): EventRef {
  return { id: e.id, type: e.type, actorId: e.actorId, at: e.at };
}

/**
 * Fold one finding's events step by step. This is the concurrency rule of review (docs/review.md), the same on every
 * device and the server:
 *
 * 1. Duplicates (same id) count once. The events are put in one total order: the recording first, then by event id.
 *    Ids are ULIDs made from the acting device's clock, so the order is the order in which the acts happened, and it
 *    never ties.
 * 2. Each event is applied if the point it meets allows it (applyEvent: APPLIES_IN and the author and once rules),
 *    and is ignored otherwise, with the reason and the earlier event that made it not apply.
 * 3. So when two devices act on one finding while offline, the act that came first in the order wins and the later
 *    one is ignored: a decision against a decision (two committee members), an acknowledgement after a contest, a
 *    contest or acknowledgement after a void, a void after anything. A contest after an acknowledgement is not a
 *    conflict: it applies.
 *
 * The outcome depends only on the set of events, never on the order they arrived in: an earlier act that syncs late
 * can turn a later act that was already applied into an ignored one, and every device that has both shows the same.
 */
export function foldSteps(events: readonly FindingEvent[]): FoldTrace {
  const seen = new Set<string>();
  const sorted = events.filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true))).sort(compareEvents);
  const first = sorted[0];
  if (!first || first.type !== 'finding.recorded') {
    const steps = sorted.map((event) => ({ event, applied: false, ignored: { kind: 'no-recording' as const, findingId: event.findingId }, before: null, after: null }));
    return { recorded: undefined, steps, state: null, point: null };
  }
  const point: FoldPoint = { state: 'recorded', author: first.actorId, changedBy: null, rectifiedAt: null };
  const steps: FoldStep[] = [{ event: first, applied: true, before: null, after: 'recorded' }];
  for (const event of sorted.slice(1)) {
    const next = applyEvent(point, event);
    if (!next.ok) {
      steps.push({ event, applied: false, ignored: next.ignored, before: point.state, after: point.state });
      continue;
    }
    steps.push({ event, applied: true, before: point.state, after: next.state });
    if (next.state !== point.state) point.changedBy = eventRef(event);
    if (event.type === 'finding.rectified') point.rectifiedAt = event.at;
    point.state = next.state;
  }
  return { recorded: first, steps, state: point.state, point };
}
