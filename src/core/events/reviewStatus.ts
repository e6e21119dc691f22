import type { ReviewState } from '../model/finding';
import { parseInstant } from '../time/parseInstant';
import { APPLIES_IN } from './applyEvent';
import type { Deadline } from '../time/deadline';
import { deadlineAfter, inTime } from '../time/deadline';
import type { ContestDecided, FindingAcknowledged, FindingContested, ContestReopened, FindingEvent } from './events';
import { foldSteps } from './foldSteps';
import type { ReviewSettings } from './reviewSettings';

/** Where a finding stands in review, with its deadlines, as of a given instant. */
export interface ReviewStatus {
  findingId: string;
  state: ReviewState;
  /** Its points wait for the committee (shown as pending everywhere; counted only in provisional views, if set so). */
  pending: boolean;
  /** When the finding was recorded (the contest deadline counts from its day). */
  recordedAt: string;
  /** The last day to contest, and whether a contest is still possible now (state allows it and the day has not passed). */
  contest: Deadline & { open: boolean };
  /** The chief's signature on the notice, when it applied. */
  acknowledged?: { eventId: string; at: string; noticeId: string; signerName: string };
  /** The contest (or reopen) the committee must decide now or decided last, with its decision deadline. */
  contested?: {
    eventId: string;
    at: string;
    actorId: string;
    reason: string;
    /** Counter-evidence photos of the contest (a reopen has none). */
    photos: string[];
    /** Whether this is a reopened contest (the reason is the reopen's). */
    reopened: boolean;
    decideBy: Deadline;
    /** Still undecided after the decision deadline. */
    overdue: boolean;
  };
  /** The decision in force (absent while contested again after a reopen). */
  decision?: {
    eventId: string;
    at: string;
    actorId: string;
    decision: ContestDecided['decision'];
    reason: string;
    amended?: ContestDecided['amended'];
    /** Made after the decision deadline (allowed, flagged). */
    late: boolean;
  };
}

/**
 * The review status of one finding from its events, the hall's settings, its time zone and the instant to judge by
 * (core reads no clock: the caller passes `now`). Null when the recording is missing.
 */
export function reviewStatus(events: readonly FindingEvent[], settings: ReviewSettings, timeZone: string, now: string): ReviewStatus | null {
  const trace = foldSteps(events);
  const recorded = trace.recorded;
  if (!recorded || !trace.state) return null;
  const state = trace.state;
  const contestBy = deadlineAfter(recorded.at, settings.contestDays, timeZone);
  const status: ReviewStatus = {
    findingId: recorded.findingId,
    state,
    pending: state === 'contested',
    recordedAt: recorded.at,
    contest: { ...contestBy, open: APPLIES_IN['finding.contested'].includes(state) && inTime(now, contestBy) },
  };
  let opened: FindingContested | ContestReopened | undefined;
  let decided: ContestDecided | undefined;
  let ack: FindingAcknowledged | undefined;
  for (const step of trace.steps) {
    if (!step.applied) continue;
    const e = step.event;
    if (e.type === 'finding.acknowledged') ack = e;
    if (e.type === 'finding.contested' || e.type === 'contest.reopened') {
      opened = e;
      decided = undefined;
    }
    if (e.type === 'contest.decided') decided = e;
  }
  if (ack) status.acknowledged = { eventId: ack.id, at: ack.at, noticeId: ack.noticeId, signerName: ack.signerName };
  if (opened) {
    const decideBy = deadlineAfter(opened.at, settings.decideDays, timeZone);
    status.contested = {
      eventId: opened.id,
      at: opened.at,
      actorId: opened.actorId,
      reason: opened.reason,
      photos: opened.type === 'finding.contested' ? opened.photos : [],
      reopened: opened.type === 'contest.reopened',
      decideBy,
      overdue: state === 'contested' && !inTime(now, decideBy),
    };
    if (decided) {
      status.decision = {
        eventId: decided.id,
        at: decided.at,
        actorId: decided.actorId,
        decision: decided.decision,
        reason: decided.reason,
        late: !inTime(decided.at, decideBy),
      };
      if (decided.amended) status.decision.amended = decided.amended;
    }
  }
  return status;
}

/** Queue order for the committee: overdue first, then open contests, then decided ones; each by decision deadline. */
export function compareForQueue(a: ReviewStatus, b: ReviewStatus): number {
  const rank = (s: ReviewStatus): number => (s.contested?.overdue ? 0 : s.pending ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const da = a.contested ? parseInstant(a.contested.decideBy.closesAt) : Number.POSITIVE_INFINITY;
  const db = b.contested ? parseInstant(b.contested.decideBy.closesAt) : Number.POSITIVE_INFINITY;
  if (da !== db) return da - db;
  return a.findingId < b.findingId ? -1 : a.findingId > b.findingId ? 1 : 0;
}
