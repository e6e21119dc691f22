import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../../src/core/events/applyEvent';
import type { FindingEvent } from '../../../src/core/events/events';
import type { ReviewState } from '../../../src/core/model/finding';
import { act, COMMITTEE_A, INSPECTOR, recording } from './reviewFixture';

const STATES: ReviewState[] = ['recorded', 'acknowledged', 'contested', 'upheld', 'overturned', 'amended', 'voided'];

/** Every event a finding can meet, and the state it leads to from each state (null: refused). */
const MATRIX: { name: string; event: FindingEvent; to: Record<ReviewState, ReviewState | null>; refusedBecause: 'state' | 'author' | 'recorded' }[] = [
  {
    name: 'voided by the author',
    event: act.voided(2),
    to: { recorded: 'voided', acknowledged: null, contested: null, upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'state',
  },
  {
    name: 'acknowledged (the chief signs the notice)',
    event: act.acknowledged(2),
    to: { recorded: 'acknowledged', acknowledged: null, contested: null, upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'state',
  },
  {
    name: 'contested (also after signing)',
    event: act.contested(2),
    to: { recorded: 'contested', acknowledged: 'contested', contested: null, upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'state',
  },
  {
    name: 'decided: uphold',
    event: act.decided(2, 'uphold'),
    to: { recorded: null, acknowledged: null, contested: 'upheld', upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'state',
  },
  {
    name: 'decided: overturn',
    event: act.decided(2, 'overturn'),
    to: { recorded: null, acknowledged: null, contested: 'overturned', upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'state',
  },
  {
    name: 'decided: amend',
    event: act.decided(2, 'amend', COMMITTEE_A, undefined, { itemId: 'roam' }),
    to: { recorded: null, acknowledged: null, contested: 'amended', upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'state',
  },
  {
    name: 'reopened by a committee member',
    event: act.reopened(2),
    to: { recorded: null, acknowledged: null, contested: null, upheld: 'contested', overturned: 'contested', amended: 'contested', voided: null },
    refusedBecause: 'state',
  },
  {
    name: 'rectified (keeps the state)',
    event: act.rectified(2),
    to: { recorded: 'recorded', acknowledged: 'acknowledged', contested: 'contested', upheld: 'upheld', overturned: null, amended: 'amended', voided: null },
    refusedBecause: 'state',
  },
  {
    name: 'voided by someone else',
    event: act.voided(2, 'acc-other-inspector'),
    to: { recorded: null, acknowledged: null, contested: null, upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'author',
  },
  {
    name: "decided by the finding's own author (even from a committee account)",
    event: act.decided(2, 'overturn', INSPECTOR),
    to: { recorded: null, acknowledged: null, contested: null, upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'author',
  },
  {
    name: "reopened by the finding's own author",
    event: act.reopened(2, INSPECTOR),
    to: { recorded: null, acknowledged: null, contested: null, upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'author',
  },
  {
    name: 'a second recording of the same finding',
    event: recording({ id: 'x'.repeat(26) }),
    to: { recorded: null, acknowledged: null, contested: null, upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'recorded',
  },
];

describe('every review transition', () => {
  for (const row of MATRIX) {
    describe(row.name, () => {
      it.each(STATES)(`from %s`, (from) => {
        const r = applyEvent(from, row.event, INSPECTOR);
        const to = row.to[from];
        if (to === null) {
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.because).toBe(row.refusedBecause);
            if (row.refusedBecause === 'state') expect(r.reason).toBe(`${row.event.type} does not apply to a finding that is ${from}`);
            if (row.refusedBecause === 'author') expect(r.reason).toMatch(/acc-/);
          }
        } else {
          expect(r).toEqual({ ok: true, state: to });
        }
      });
    });
  }

  it('names the author in the refusals about authorship', () => {
    const decide = applyEvent('contested', act.decided(2, 'overturn', INSPECTOR), INSPECTOR);
    expect(decide).toEqual({ ok: false, because: 'author', reason: `${INSPECTOR} recorded this finding and may not decide a contest on it` });
    const reopen = applyEvent('upheld', act.reopened(2, INSPECTOR), INSPECTOR);
    expect(reopen).toEqual({ ok: false, because: 'author', reason: `${INSPECTOR} recorded this finding and may not reopen a contest on it` });
    const voidIt = applyEvent('recorded', act.voided(2, 'acc-x'), INSPECTOR);
    expect(voidIt).toEqual({ ok: false, because: 'author', reason: `only the author ${INSPECTOR} may void the finding` });
  });
});
