import type { FindingEventType, ReviewEventType } from '../events/events';
import type { Role } from './roles';

/** The acts a person takes on a recorded finding, each written as one event. */
export const ACTS = ['void', 'acknowledge', 'contest', 'decide', 'reopen', 'rectify'] as const;
export type Act = (typeof ACTS)[number];

/** The event each act writes. */
export const EVENT_OF_ACT: Record<Act, ReviewEventType> = {
  void: 'finding.voided',
  acknowledge: 'finding.acknowledged',
  contest: 'finding.contested',
  decide: 'contest.decided',
  reopen: 'contest.reopened',
  rectify: 'finding.rectified',
};

/** Which roles may write each event: the one table the server (at push) and the tablet (offering an act) ask. */
export const MAY: Record<FindingEventType, readonly Role[]> = {
  // An office enters the ledger items of its offices (officeRefusal) and, like an inspector, voids its own mistakes.
  'finding.recorded': ['inspector', 'admin', 'office'],
  'finding.voided': ['inspector', 'office'],
  // On site the chief signs (or contests) on the inspector's tablet, so the inspector's account may carry it.
  'finding.acknowledged': ['inspector', 'chief'],
  'finding.contested': ['inspector', 'chief'],
  'contest.decided': ['committee'],
  'contest.reopened': ['committee'],
  'finding.rectified': ['inspector', 'committee', 'admin'],
};
