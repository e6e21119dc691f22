import type { zhCNRefusal } from './zhCNRefusal';

/** English: why an act is refused (same keys as zhCNRefusal). */
export const enRefusal: typeof zhCNRefusal = {
  act: {
    'finding.recorded': 'record',
    'finding.voided': 'void',
    'finding.acknowledged': 'sign',
    'finding.contested': 'contest',
    'contest.decided': 'decide',
    'contest.reopened': 'reopen',
    'finding.rectified': 'mark rectified',
  },
  state: { recorded: 'recorded', acknowledged: 'signed', contested: 'contested', upheld: 'upheld', overturned: 'overturned', amended: 'amended', voided: 'voided' },
  role: { admin: 'An admin', inspector: 'An inspector', chief: 'A chief', committee: 'The committee', office: 'An office' },
  refusal: {
    'unknown-actor': 'This account may not act on this device.',
    role: '{{role}} may not {{act}}.',
    scope: 'This finding is not charged to a unit or window you answer for.',
    'clock-ahead': "This device's clock is {{minutes}} minutes fast; set the time and try again.",
    'before-recording': "The act is dated before the finding was recorded; check this device's clock.",
    'contest-closed': 'The contest period ended on {{lastDay}} ({{days}} days after recording).',
    'contest-arrived-late': 'The contest period ended on {{lastDay}}; a contest made offline must reach the server within {{hours}} hours of the deadline.',
    'finding-unknown': 'This finding is not on this device yet.',
    'scheme-unknown': 'Scheme {{scheme}} (version {{version}}) is not on this device.',
    'item-unknown': 'The scheme has no such item ({{item}}).',
    'no-subject': 'There is no {{subject}} to charge this item to.',
    'amendment-empty': 'To amend, choose another item or enter new values.',
    inputs: '{{problems}}',
    office: 'This item is entered by {{office}}, not by your office.',
    'office-patrol': 'This is a patrol item; an office enters only ledger items.',
    'source-missing': 'Name the source of a ledger entry (ledger page, complaint number).',
    'observed-ahead': 'It happened at {{at}}, after the time of entry: nothing is entered ahead of time.',
    'period-published': 'The results of {{period}} are published: they are revised with a reason, not added to.',
  },
  placement: {
    unknown: 'The roster has no such {{subject}} ({{id}}).',
    unitsDiffer: 'The person, window and unit chosen are not of one unit.',
  },
  ignored: {
    'no-recording': 'This finding has not reached this device yet.',
    'second-recording': 'This finding is already recorded.',
    'not-author': 'Only its author ({{author}}) may void this finding.',
    'own-finding': '{{author}} recorded this finding and may not {{act}} it.',
    'already-rectified': 'Already marked rectified on {{at}}.',
    state: 'You cannot {{act}} a finding that is {{state}}.',
    stateBy: 'You cannot {{act}} a finding that is {{state}} ({{by}}: {{name}}, {{at}}).',
  },
};
