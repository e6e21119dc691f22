import type { ReviewState } from '../model/finding';
import type { FindingEvent, ReviewEventType } from './events';

/** The states each event type may be applied in; anything else is ignored by the fold (and refused by checkEvent). */
export const APPLIES_IN: Record<ReviewEventType, readonly ReviewState[]> = {
  // A void withdraws the author's own mistake before anyone else acted on it (signed, contested).
  'finding.voided': ['recorded'],
  'finding.acknowledged': ['recorded'],
  // Signing the notice does not give up the right to contest it within the deadline.
  'finding.contested': ['recorded', 'acknowledged'],
  'contest.decided': ['contested'],
  // A decision changes only through an explicit reopen; the contest is then open for a new decision.
  'contest.reopened': ['upheld', 'overturned', 'amended'],
  'finding.rectified': ['recorded', 'acknowledged', 'contested', 'upheld', 'amended'],
};

/** The states a decided contest can be in. */
export const DECIDED_STATES: readonly ReviewState[] = ['upheld', 'overturned', 'amended'];

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

/** An event named in a reason: which act, by whom, when. */
export interface EventRef {
  id: string;
  type: FindingEvent['type'];
  actorId: string;
  at: string;
}

/** Why an event did not apply to a finding (kept, listed in the audit trail); the screens and the server word it. */
export type Ignored =
  /** The finding's recording is not among the events (yet). */
  | { kind: 'no-recording'; findingId: string }
  /** The finding is already recorded: a finding id is recorded once. */
  | { kind: 'second-recording' }
  /** Only the author voids their own finding. */
  | { kind: 'not-author'; act: ReviewEventType; author: string }
  /** The author never decides or reopens a contest on their own finding (even from a committee account). */
  | { kind: 'own-finding'; act: ReviewEventType; author: string }
  /** The act does not apply in the finding's state; `by` is the event that put it there (null: the recording). */
  | { kind: 'state'; act: ReviewEventType; state: ReviewState; by: EventRef | null }
  /** The follow-up was marked done already (it counts once, from the first time). */
  | { kind: 'already-rectified'; at: string };

/** Where the fold stands on a finding before the next event. */
export interface FoldPoint {
  state: ReviewState;
  /** The account that recorded the finding. */
  author: string;
  /** The last event that changed the state (null: the recording), named when a later act cannot apply. */
  changedBy: EventRef | null;
  /** When the follow-up was first marked done, if it was. */
  rectifiedAt: string | null;
}

/**
 * The review state one more act leads to, or why it does not apply. Only rules that the events themselves decide live
 * here (the same on every device, whenever the events arrive): the state machine, only the author voids, the author
 * never decides or reopens a contest on their own finding, a follow-up is done once. Rules that need a clock, settings
 * or accounts (deadlines, roles, scope) are checked when the act is offered or pushed (access/).
 */
export function applyEvent(at: FoldPoint, event: { type: FindingEvent['type']; actorId: string; decision?: string }): { ok: true; state: ReviewState } | { ok: false; ignored: Ignored } {
  const no = (ignored: Ignored): { ok: false; ignored: Ignored } => ({ ok: false, ignored });
  if (event.type === 'finding.recorded') return no({ kind: 'second-recording' });
  const act = event.type;
  if (act === 'finding.voided' && event.actorId !== at.author) return no({ kind: 'not-author', act, author: at.author });
  if ((act === 'contest.decided' || act === 'contest.reopened') && event.actorId === at.author) return no({ kind: 'own-finding', act, author: at.author });
  if (!APPLIES_IN[act].includes(at.state)) return no({ kind: 'state', act, state: at.state, by: at.changedBy });
  if (act === 'finding.rectified' && at.rectifiedAt !== null) return no({ kind: 'already-rectified', at: at.rectifiedAt });
  switch (act) {
    case 'finding.voided':
      return { ok: true, state: 'voided' };
    case 'finding.acknowledged':
      return { ok: true, state: 'acknowledged' };
    case 'finding.contested':
    case 'contest.reopened':
      return { ok: true, state: 'contested' };
    case 'contest.decided':
      return { ok: true, state: event.decision === 'uphold' ? 'upheld' : event.decision === 'overturn' ? 'overturned' : 'amended' };
    case 'finding.rectified':
      return { ok: true, state: at.state };
  }
}
