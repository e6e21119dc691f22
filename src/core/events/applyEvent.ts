import type { ReviewState } from '../model/finding';
import type { FindingEvent } from './events';

/** The states each event type may be applied in; anything else is ignored by the fold (and rejected by sync). */
export const APPLIES_IN: Record<Exclude<FindingEvent['type'], 'finding.recorded'>, readonly ReviewState[]> = {
  // A void withdraws the author's own mistake before anyone else acted on it (as the tablet's log folds it).
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

/** Why an event did not apply: it is a second recording, a rule about who acts, or the finding's state. */
export type Refusal = { ok: false; reason: string; because: 'recorded' | 'author' | 'state' };

/**
 * The review state one more event leads to, or why it does not apply. Only rules that the events themselves decide
 * live here (the same on every device, whenever the events arrive): the state machine, only the author voids, and
 * the author never decides or reopens a contest on their own finding (even from a committee account). Rules that need
 * a clock, settings or accounts (deadlines, roles, scope) are checked when the event is made or pushed (checkEvent).
 */
export function applyEvent(state: ReviewState, event: FindingEvent, author: string): { ok: true; state: ReviewState } | Refusal {
  const no = (because: Refusal['because'], reason: string): Refusal => ({ ok: false, reason, because });
  if (event.type === 'finding.recorded') return no('recorded', 'the finding is already recorded');
  if (event.type === 'finding.voided' && event.actorId !== author) return no('author', `only the author ${author} may void the finding`);
  if ((event.type === 'contest.decided' || event.type === 'contest.reopened') && event.actorId === author) {
    return no('author', `${author} recorded this finding and may not ${event.type === 'contest.decided' ? 'decide' : 'reopen'} a contest on it`);
  }
  if (!APPLIES_IN[event.type].includes(state)) return no('state', `${event.type} does not apply to a finding that is ${state}`);
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
