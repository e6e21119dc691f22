import type { ReviewState } from '../model/finding';
import { applyEvent, compareEvents, DECIDED_STATES } from './applyEvent';
import type { FindingEvent, FindingRecorded } from './events';

/** One event of a finding as the fold met it: applied (and the state it led to) or ignored (and why). */
export interface FoldStep {
  event: FindingEvent;
  applied: boolean;
  /** Why an ignored event did not apply, naming the event that got there first. */
  reason?: string;
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
}

/**
 * Fold one finding's events step by step. This is the concurrency rule of review (docs/review.md), the same on every
 * device and the server:
 *
 * 1. Duplicates (same id) count once. The events are put in one total order: the recording first, then by event id.
 *    Ids are ULIDs made from the acting device's clock, so the order is the order in which the acts happened, and it
 *    never ties.
 * 2. Each event is applied if the state it meets allows it (APPLIES_IN and the author rules of applyEvent), and is
 *    ignored otherwise, with the reason and the earlier event that made it not apply.
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
    const steps = sorted.map((event) => ({ event, applied: false, reason: `finding ${event.findingId} has no recording here (yet)`, before: null, after: null }));
    return { recorded: undefined, steps, state: null };
  }
  let state: ReviewState = 'recorded';
  const steps: FoldStep[] = [{ event: first, applied: true, before: null, after: 'recorded' }];
  // The last event that changed the state: named when a later event is ignored because of it.
  let changedBy: FindingEvent = first;
  for (const event of sorted.slice(1)) {
    const next = applyEvent(state, event, first.actorId);
    if (!next.ok) {
      const reason = next.because === 'state' ? `${next.reason}: ${since(state, changedBy, event)}` : next.reason;
      steps.push({ event, applied: false, reason, before: state, after: state });
      continue;
    }
    steps.push({ event, applied: true, before: state, after: next.state });
    if (next.state !== state) changedBy = event;
    state = next.state;
  }
  return { recorded: first, steps, state };
}

/** Which earlier event put the finding in the state that refused `event`. */
function since(state: ReviewState, by: FindingEvent, event: FindingEvent): string {
  const who = `${by.type} ${by.id} by ${by.actorId} at ${by.at}`;
  if (event.type === 'contest.decided' && DECIDED_STATES.includes(state)) {
    return `the contest was already decided (${state}) by ${who}, earlier in the total order; only a contest.reopened by a committee member lets it be decided again`;
  }
  if (state === 'recorded') return `nobody has contested it`;
  return `it became ${state} by ${who}, earlier in the total order`;
}
